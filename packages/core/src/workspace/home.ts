import { coachHasClient } from "../access/coach-access";
import { localDate } from "../followups/dates";
import type { ActionItem } from "../followups/model";
import type { JobDeps } from "../sessions/jobs";
import type { WebViewer } from "../web-auth/model";
import type { ViewerGate } from "../web-auth/session-claim";
import type { HomeSessionFields, PersonRef, WorkspaceReads } from "./ports";

/** How far ahead the home page looks, and how far back for sessions still waiting to be finished. */
export const HOME_AHEAD_DAYS = 14;
export const HOME_UNFINISHED_DAYS = 30;
/** The overdue action items the home page lists: the ones due most recently. */
export const HOME_OVERDUE_LIMIT = 20;
const DAY = 86_400_000;

export interface HomeSession {
  session: HomeSessionFields;
  clientName: string;
}

export interface CoachHome {
  viewer: WebViewer;
  /** Sessions that ended and are not finished yet, oldest first. */
  toFinish: HomeSession[];
  /** Scheduled sessions from now to two weeks ahead, soonest first. */
  upcoming: HomeSession[];
  /** Open action items of the coach's clients whose due date has passed: the last due, latest first. */
  overdue: { item: ActionItem; clientName: string }[];
}

/**
 * The coach's home page in three calls: their sessions and their overdue items (two queries at
 * once), then one batch with the web session, the coach and the names. The queries are for the
 * coach the signed cookie names and run beside the session check, not after it; nothing they
 * found is used unless `admit` confirms that coach (decision 0028).
 */
export async function coachHome(
  deps: Pick<JobDeps, "clock">,
  reads: WorkspaceReads,
  gate: ViewerGate,
): Promise<CoachHome> {
  const { coachId } = gate.claim;
  const now = deps.clock.now();
  const [sessions, overdueItems] = await Promise.all([
    reads.scheduledSessionsOfCoach(
      coachId,
      new Date(now.getTime() - HOME_UNFINISHED_DAYS * DAY).toISOString(),
      new Date(now.getTime() + HOME_AHEAD_DAYS * DAY).toISOString(),
    ),
    // Due before tomorrow in UTC+14 covers "overdue" in every zone; each is then judged in the client's.
    reads.openActionItemsOfCoach(
      coachId,
      localDate(new Date(now.getTime() + DAY), "Pacific/Kiritimati"),
      HOME_OVERDUE_LIMIT,
    ),
  ]);
  const live = sessions.filter((s) => s.status === "scheduled" && s.coachId === coachId);
  const first = await reads.firstReads(gate.claim, {
    names: [...new Set([...live.map((s) => s.clientId), ...overdueItems.map((i) => i.clientId)])],
  });
  const viewer = await gate.admit(first);
  const clients = first.names;
  const nameOf = (id: string) => clients.get(id)?.name ?? "A client";
  const has = (id: string) =>
    coachHasClient(
      { matches: [], ...clients.get(id) },
      coachId,
      live.filter((s) => s.clientId === id),
    );
  const byStart = (a: HomeSessionFields, b: HomeSessionFields) => (a.startsAt < b.startsAt ? -1 : 1);
  const nowIso = now.toISOString();
  return {
    viewer,
    toFinish: live
      .filter((s) => s.endsAt <= nowIso)
      .sort(byStart)
      .map((session) => ({ session, clientName: nameOf(session.clientId) })),
    upcoming: live
      .filter((s) => s.endsAt > nowIso)
      .sort(byStart)
      .map((session) => ({ session, clientName: nameOf(session.clientId) })),
    // Only of clients the coach still has (decision 0030): the client page would answer 404.
    overdue: overdueItems
      .filter((item) => isOverdue(item, clients.get(item.clientId), now) && has(item.clientId))
      .sort((a, b) => (a.dueDate < b.dueDate ? 1 : -1))
      .map((item) => ({ item, clientName: nameOf(item.clientId) })),
  };
}

function isOverdue(item: ActionItem, client: PersonRef | undefined, now: Date): boolean {
  return item.dueDate < localDate(now, client?.timezone ?? "UTC");
}
