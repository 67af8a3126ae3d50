import type { Clock } from "../clock";
import { failedSince } from "../webhooks/deliveries";
import type { AdminReads } from "./ports";

/** A figure the console may not have a source for (a port not wired): shown as "none to show". */
export type Figure = number | undefined;

export interface DashboardDeps {
  reads: AdminReads;
  clock: Clock;
  /** Schedules whose firing failed and was dead-lettered (the Scheduler's queue); absent: unknown. */
  deadLetters?: () => Promise<Figure>;
  /** Bookings from an unknown address waiting for an admin's decision; absent: none to show. */
  unverifiedBookings?: () => Promise<number>;
}

export interface Dashboard {
  waitlisted: { count: number; longestWaitDays?: number; oldestClientId?: string };
  matchedNotBooked: number;
  sessionsThisWeek: { count: number; from: string; to: string };
  /** Meetings still not finished 24 hours after their end. */
  unfinished: number;
  failedDeliveries: number;
  deadLetters: Figure;
  suppressed: number;
  unverifiedBookings: Figure;
}

const DAY_MS = 86_400_000;
/** A meeting counts as unfinished once it ended this long ago without its coach finishing it. */
export const UNFINISHED_AFTER_MS = DAY_MS;

/** Monday 00:00 UTC of the week holding `now`, and the next Monday. */
export function weekOf(now: Date): { from: string; to: string } {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = midnight - ((now.getUTCDay() + 6) % 7) * DAY_MS;
  return { from: new Date(monday).toISOString(), to: new Date(monday + 7 * DAY_MS).toISOString() };
}

/**
 * The program at a glance (`/admin`): the clients of each phase and the suppressed addresses are
 * counters (decision 0035), the rest bounded index queries that count keys (decision 0033), run
 * together: a constant number of calls at any size. The program's clock decides "this week" and "24 hours after".
 */
export async function programAtAGlance(deps: DashboardDeps): Promise<Dashboard> {
  const now = deps.clock.now();
  const week = weekOf(now);
  const cutoff = new Date(now.getTime() - UNFINISHED_AFTER_MS).toISOString();
  const [figures, oldest, sessions, unfinished, deadLetters, unverified] = await Promise.all([
    deps.reads.figures(failedSince(now)),
    deps.reads.oldestClient("waitlisted"),
    deps.reads.countSessions(week.from, week.to),
    deps.reads.unfinishedSessions(cutoff, 0),
    deps.deadLetters?.(),
    deps.unverifiedBookings?.(),
  ]);
  return {
    waitlisted: {
      count: figures.waitlisted,
      ...(oldest
        ? {
            longestWaitDays: Math.max(0, Math.floor((now.getTime() - Date.parse(oldest.createdAt)) / DAY_MS)),
            oldestClientId: oldest.id,
          }
        : {}),
    },
    matchedNotBooked: figures.matched,
    sessionsThisWeek: { count: sessions, ...week },
    unfinished: unfinished.count,
    failedDeliveries: figures.failed,
    deadLetters,
    suppressed: figures.suppressed,
    unverifiedBookings: unverified,
  };
}
