import { parseScheduleExpression } from "../../sessions/schedule-names";
import { parseInput } from "./definition";
import type { StoredSchedule } from "./schedules-api";

export interface PendingJob {
  name: string;
  /** ISO UTC, whole seconds. */
  at: string;
  input: Record<string, unknown>;
}

/** GetSchedule calls in flight at once while listing: well under the service's per-second quota. */
const CONCURRENCY = 5;

/** The job a stored schedule holds, or undefined when it is not a one-time UTC schedule. */
function toPending(name: string, stored: StoredSchedule): PendingJob | undefined {
  if ((stored.ScheduleExpressionTimezone ?? "UTC") !== "UTC") return undefined;
  let at: string;
  try {
    at = parseScheduleExpression(stored.ScheduleExpression ?? "");
  } catch {
    return undefined;
  }
  return { name, at, input: parseInput(stored.Target?.Input) ?? {} };
}

/**
 * Reads each named schedule (a few at a time) and returns the one-time ones, soonest first, ties
 * by name. `get` answers undefined for a schedule that vanished meanwhile (it fired or was removed).
 */
export async function readPending(
  names: readonly string[],
  get: (name: string) => Promise<StoredSchedule | undefined>,
): Promise<PendingJob[]> {
  const found: PendingJob[] = [];
  for (let i = 0; i < names.length; i += CONCURRENCY) {
    const batch = names.slice(i, i + CONCURRENCY);
    const stored = await Promise.all(batch.map((name) => get(name)));
    batch.forEach((name, j) => {
      const s = stored[j];
      const job = s ? toPending(name, s) : undefined;
      if (job) found.push(job);
    });
  }
  return found.sort((a, b) => (a.at === b.at ? a.name.localeCompare(b.name) : a.at < b.at ? -1 : 1));
}
