import { coachHasClient } from "../access/coach-access";
import { assertNotesOwner, type Principal } from "../access/principal";
import { bookingLink } from "../bookings/links";
import type { Client } from "../clients/model";
import { AppError, ConditionFailedError, NOTES_CHANGED, notFound } from "../errors";
import type { JobDeps } from "../sessions/jobs";
import { sendOnce } from "../sessions/jobs";
import type { Goal, Session } from "../sessions/model";
import { syncActionItemReminder } from "./action-item-jobs";
import { localDate } from "./dates";
import { notesChanged, notesTooLarge, visibleSession } from "./finish";
import type { ActionItem } from "./model";
import { MAX_NOTES_CHARS } from "./schema";

/**
 * A client the principal may see: admins see all; a coach only a client they have now (a match, an
 * active engagement or a session still to hold: `coachHasClient`, decision 0030), else 404.
 */
export async function visibleClient(
  deps: JobDeps,
  principal: Principal,
  clientId: string,
  /** What a refusal says is missing (an action item of the client, say). */
  what = "client",
): Promise<Client> {
  const client = await deps.clients.get(clientId);
  if (
    !client ||
    (principal.role === "coach" &&
      !coachHasClient(client, principal.coachId, await deps.bookings.sessionsOfClient(clientId)))
  )
    throw notFound(what);
  return client;
}

/** The coach's sessions between two instants (inclusive), soonest first. */
export async function coachSessions(
  deps: JobDeps,
  coachId: string,
  range: { from?: string; to?: string },
): Promise<Session[]> {
  const sessions = await deps.bookings.sessionsOfCoach(coachId, range);
  return sessions.sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
}

/**
 * Saves the coach's private notes. With `expectedVersion` (the `notesVersion` they were read at),
 * a save over notes that changed since (another tab, or a merge that joined another session's
 * notes to these) is refused with 409 and changes nothing; without it, the text is saved as sent.
 */
export async function putNotes(
  deps: JobDeps,
  principal: Principal,
  sessionId: string,
  notes: string,
  expectedVersion?: number,
): Promise<void> {
  if (notes.length > MAX_NOTES_CHARS) throw notesTooLarge();
  const session = await visibleSession(deps, principal, sessionId);
  assertNotesOwner(principal, session.coachId);
  try {
    await deps.followups.putNotes(
      session.id,
      session.coachId,
      notes,
      deps.clock.now().toISOString(),
      expectedVersion,
    );
  } catch (error) {
    if (error instanceof ConditionFailedError && error.message === NOTES_CHANGED) throw notesChanged("notes");
    throw error;
  }
}

/** SMART goals, documented in starter session 1: each with a measure and a target date not in the past. */
export async function setGoals(
  deps: JobDeps,
  principal: Principal,
  clientId: string,
  goals: Goal[],
): Promise<Goal[]> {
  const client = await visibleClient(deps, principal, clientId);
  const today = localDate(deps.clock.now(), client.timezone);
  const fields = goals.flatMap((g, i) =>
    g.targetDate < today ? [{ path: `goals.${i}.targetDate`, message: "is in the past" }] : [],
  );
  if (fields.length > 0)
    throw new AppError(
      "validation_failed",
      `invalid fields: ${fields.map((f) => f.path).join(", ")}`,
      fields,
    );
  await deps.clients.setGoals(client.id, goals, deps.clock.now().toISOString());
  return goals;
}

export async function clientActionItems(
  deps: JobDeps,
  principal: Principal,
  clientId: string,
): Promise<ActionItem[]> {
  const client = await visibleClient(deps, principal, clientId);
  const items = await deps.followups.actionItemsOfClient(client.id);
  return principal.role === "coach" ? items.filter((i) => i.coachId === principal.coachId) : items;
}

/**
 * Marks an action item done or not done, by its coach, an admin, or the client through a signed
 * link (`asClient`). A done item loses its reminder; reopening one sets it again.
 */
export async function setActionItemDone(
  deps: JobDeps,
  who: Principal | { asClient: string },
  itemId: string,
  done: boolean,
): Promise<ActionItem> {
  for (let attempt = 1; ; attempt++) {
    const item = await deps.followups.getActionItem(itemId);
    if (!item) throw notFound("action item");
    const owner =
      "asClient" in who
        ? item.clientId === who.asClient
        : who.role === "admin" || who.coachId === item.coachId;
    if (!owner) throw notFound("action item");
    // A coach's own item, while they still have the client (decision 0030); else as if missing.
    if (!("asClient" in who) && who.role === "coach")
      await visibleClient(deps, who, item.clientId, "action item");
    if (item.done === done) return item;
    const now = deps.clock.now().toISOString();
    const { doneAt: _d, ...rest } = item;
    const next: ActionItem = {
      ...rest,
      done,
      ...(done ? { doneAt: now } : {}),
      updatedAt: now,
      version: item.version + 1,
    };
    try {
      await deps.followups.saveActionItem(next);
    } catch (error) {
      if (error instanceof ConditionFailedError && attempt < 3) continue;
      throw error;
    }
    const client = await deps.clients.get(item.clientId);
    await syncActionItemReminder(deps, next, client?.timezone ?? "UTC");
    return next;
  }
}

/** "+ new session" for an ad-hoc client: emails the client the coach's booking link. */
export async function sendNewSessionLink(deps: JobDeps, principal: Principal, clientId: string) {
  if (principal.role !== "coach")
    throw new AppError("forbidden", "only the client's coach can offer a new session");
  const client = await visibleClient(deps, principal, clientId);
  const coach = await deps.coaches.get(principal.coachId);
  if (!coach) throw notFound("coach");
  const bookingUrl = bookingLink(coach, client, deps.settings.linkSecret, "new-session");
  const at = deps.clock.now().toISOString();
  // One email per press; the ledger key carries the time so a second press sends again.
  const outcome = await sendOnce(
    deps,
    `${client.id}:new-session-link:${coach.id}:${at}`,
    { clientId: client.id, job: "new-session-link" },
    async (mailer) => {
      await mailer.toClient(client, "new-session-link", {
        programName: deps.mailer.programName,
        clientName: client.name,
        coachName: coach.name,
        bookingUrl,
      });
    },
  );
  if (outcome === "failed")
    throw new AppError("unavailable", "the email could not be sent; it has been logged");
  return { sent: true, bookingUrl };
}
