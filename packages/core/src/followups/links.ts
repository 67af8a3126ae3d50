import { AppError, ConditionFailedError } from "../errors";
import type { LinkPayload } from "../links/signed-links";
import type { JobDeps } from "../sessions/jobs";
import type { Engagement } from "./model";
import { setActionItemDone } from "./service";

export interface LinkOutcome {
  title: string;
  message: string;
  /** 409 when the link is superseded and changed nothing; 200 otherwise. */
  status?: 409;
}

const SUPERSEDED: LinkOutcome = {
  title: "This link has been superseded",
  message:
    "Your coaching engagement changed after this email was sent, so this link changes nothing. If you would like something else, reply to your coach.",
  status: 409,
};

/**
 * Carries out what a verified signed link asks for, for the client the link was made for only.
 * Each is idempotent, so opening a link twice changes nothing more.
 */
export async function applyLink(deps: JobDeps, link: LinkPayload): Promise<LinkOutcome | undefined> {
  const now = deps.clock.now().toISOString();
  switch (link.a) {
    case "action-item-done": {
      if (!link.r) return undefined;
      const item = await setActionItemDone(deps, { asClient: link.c }, link.r, true).catch(
        (error: unknown) => {
          // Someone else's or a deleted item looks like a bad link; anything else is a real failure.
          if (error instanceof AppError && error.code === "not_found") return undefined;
          throw error;
        },
      );
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
    case "end":
      return decideToContinue(deps, link, now);
    case "your-data":
    case "confirm-booking":
      // Not here: "your data" has a page of its own (privacy, decision 0026); "is this you?" is
      // the unverified bookings' (bookings/unverified.ts, decision 0030).
      return undefined;
    case "confirm-answers":
      // Confirmed under /intake/confirm/ (intake/confirm.ts, decision 0029), never here.
      return undefined;
  }
}

/** The client's answer to the session-7 check-in: continue with this coach, or end. */
async function decideToContinue(
  deps: JobDeps,
  link: LinkPayload,
  now: string,
  attempt = 1,
): Promise<LinkOutcome | undefined> {
  const session = link.r ? (await deps.bookings.getSessions([link.r]))[0] : undefined;
  const client = session?.clientId === link.c ? await deps.clients.get(link.c) : undefined;
  if (!session || !client) return undefined;
  const previous = client.engagement;
  const current = previous?.coachId === session.coachId ? previous : undefined;
  const active = current?.status === "active";
  // An old check-in from another coach does not take the client away from their current coach.
  if (previous?.status === "active" && !current) {
    return {
      title: "Nothing changed",
      message: "You are working with another coach now, so this older link changes nothing.",
    };
  }
  let next: Engagement | undefined;
  if (link.a === "continue" && !active) {
    next = current
      ? { ...current, status: "active", since: now }
      : { coachId: session.coachId, status: "active", mode: "recurring", cadence: "biweekly", since: now };
  } else if (link.a === "end" && current && active) {
    next = { ...current, status: "ended", endedAt: now };
  }
  // The check-in's links carry the engagement's version when they were sent: after any later
  // decision (the coach's, or the client's own other answer) they change nothing (decision 0032).
  if (next && link.v !== (client.engagementVersion ?? 0)) return SUPERSEDED;
  if (next) {
    const change = {
      clientId: client.id,
      ...(previous ? { previous } : {}),
      next,
      version: client.engagementVersion ?? 0,
    };
    try {
      await deps.followups.setEngagement(change, now);
    } catch (error) {
      // The engagement changed meanwhile (a double click, say): decide again from what is stored.
      if (error instanceof ConditionFailedError && attempt < 3)
        return decideToContinue(deps, link, now, attempt + 1);
      throw error;
    }
  }
  return link.a === "continue"
    ? {
        title: "Let's continue",
        message: "Thank you! Your coach will be in touch to plan your next sessions.",
      }
    : {
        title: "Thank you",
        message: "Your coaching engagement is closed. Thank you for the work you put in.",
      };
}
