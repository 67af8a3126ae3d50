import type { LinkPayload } from "../links/signed-links";
import type { JobDeps } from "../sessions/jobs";
import type { Engagement } from "./model";
import { setActionItemDone } from "./service";

export interface LinkOutcome {
  title: string;
  message: string;
}

/**
 * Carries out what a verified signed link asks for, for the client the link was made for only.
 * Each is idempotent, so opening a link twice changes nothing more.
 */
export async function applyLink(deps: JobDeps, link: LinkPayload): Promise<LinkOutcome | undefined> {
  const now = deps.clock.now().toISOString();
  switch (link.a) {
    case "action-item-done": {
      if (!link.r) return undefined;
      const item = await setActionItemDone(deps, { asClient: link.c }, link.r, true).catch(() => undefined);
      return item && { title: "Marked as done", message: `Well done: “${item.text}” is marked as done.` };
    }
    case "unsubscribe":
      await deps.clients.setNudgesOff(link.c, true, now);
      return {
        title: "Reminders stopped",
        message:
          "You will no longer get reminders to book or about action items. Confirmations and follow-ups still arrive.",
      };
    case "continue":
    case "end": {
      const session = link.r ? (await deps.bookings.getSessions([link.r]))[0] : undefined;
      const client = session?.clientId === link.c ? await deps.clients.get(link.c) : undefined;
      if (!session || !client) return undefined;
      const current = client.engagement?.coachId === session.coachId ? client.engagement : undefined;
      const active = current?.status === "active";
      if (link.a === "continue") {
        const engagement: Engagement = current
          ? { ...current, status: "active", ...(active ? {} : { since: now }) }
          : {
              coachId: session.coachId,
              status: "active",
              mode: "recurring",
              cadence: "biweekly",
              since: now,
            };
        if (!active)
          await deps.followups.setEngagement({ clientId: client.id, engagement, coachLoadDelta: 1 }, now);
        return {
          title: "Let's continue",
          message: "Thank you! Your coach will be in touch to plan your next sessions.",
        };
      }
      if (current && active) {
        await deps.followups.setEngagement(
          {
            clientId: client.id,
            engagement: { ...current, status: "ended", endedAt: now },
            coachLoadDelta: -1,
          },
          now,
        );
      }
      return {
        title: "Thank you",
        message: "Your coaching engagement is closed. Thank you for the work you put in.",
      };
    }
  }
}
