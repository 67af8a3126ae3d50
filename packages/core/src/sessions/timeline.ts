import { validationFailed } from "../errors";
import { isoSeconds, JOB_KINDS, type JobKind, scheduleName } from "./schedule-names";

export type { JobKind } from "./schedule-names";
export { JOB_KINDS, parseScheduleExpression, scheduleExpression, scheduleName } from "./schedule-names";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Offsets of the scheduled reminders. All are elapsed time in UTC, so they are DST-safe. */
export const PREWORK_BEFORE_START_MS = 24 * HOUR;
export const AGENDA_BEFORE_START_MS = 10 * MINUTE;
export const FINISH_NUDGE_AFTER_END_MS = 2 * HOUR;
/** A late pre-work reminder is still worth sending when the session is more than this far away. */
export const LATE_PREWORK_MIN_LEAD_MS = HOUR;
/**
 * EventBridge Scheduler fires with one-minute precision, so a reminder due in less than this is
 * treated as due now rather than scheduled.
 */
export const MIN_SCHEDULE_LEAD_MS = MINUTE;

export type SkipReason = "booking-in-past" | "starts-within-1h" | "session-started";

export interface Timeline {
  /** Jobs to run now, in this order. */
  immediate: JobKind[];
  /** One-time schedules to create, earliest first. `at` is ISO UTC, whole seconds. */
  scheduled: { kind: JobKind; at: string; name: string }[];
  skipped: { kind: JobKind; reason: SkipReason }[];
}

function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw validationFailed(`${field} is not a date-time`, [
      { path: field, message: "expected an ISO date-time" },
    ]);
  }
  return ms;
}

/**
 * The jobs of a session booked at `now` (rules and reasons: docs/decisions/0005-reminder-timing.md).
 *
 * | job                  | normally         | its time has passed                                   |
 * |----------------------|------------------|-------------------------------------------------------|
 * | booking-confirmation | at once          | —                                                     |
 * | coach-brief          | at once          | —                                                     |
 * | prework-reminder     | start − 24 h     | at once if start is > 1 h away, else skipped          |
 * | agenda-reminder      | start − 10 min   | at once if not started yet, else skipped              |
 * | finish-nudge         | end + 2 h        | (never passed while the session has not ended)        |
 *
 * A session that has already ended (`end ≤ now`) is recorded with no jobs at all. A time is
 * "passed" when it is less than a minute away (the scheduler's precision), so `now` exactly at
 * start − 24 h sends the pre-work at once.
 */
export function planTimeline(session: { id: string; startsAt: string; endsAt: string }, now: Date): Timeline {
  const start = instant(session.startsAt, "startsAt");
  const end = instant(session.endsAt, "endsAt");
  if (end <= start) {
    throw validationFailed("a session must end after it starts", [
      { path: "endsAt", message: "must be later than startsAt" },
    ]);
  }
  const t = now.getTime();
  const plan: Timeline = { immediate: [], scheduled: [], skipped: [] };

  if (end <= t) {
    plan.skipped = JOB_KINDS.map((kind) => ({ kind, reason: "booking-in-past" as const }));
    return plan;
  }

  plan.immediate.push("booking-confirmation", "coach-brief");
  const schedule = (kind: JobKind, atMs: number) => {
    plan.scheduled.push({ kind, at: isoSeconds(atMs), name: scheduleName(session.id, kind) });
  };
  // Scheduled times are floored to whole seconds first; "due" compares that floored time.
  const due = (atMs: number) => Math.floor(atMs / 1000) * 1000 - t < MIN_SCHEDULE_LEAD_MS;

  const prework = start - PREWORK_BEFORE_START_MS;
  if (!due(prework)) schedule("prework-reminder", prework);
  else if (start - t > LATE_PREWORK_MIN_LEAD_MS) plan.immediate.push("prework-reminder");
  else
    plan.skipped.push({
      kind: "prework-reminder",
      reason: t < start ? "starts-within-1h" : "session-started",
    });

  const agenda = start - AGENDA_BEFORE_START_MS;
  if (!due(agenda)) schedule("agenda-reminder", agenda);
  else if (t < start) plan.immediate.push("agenda-reminder");
  else plan.skipped.push({ kind: "agenda-reminder", reason: "session-started" });

  schedule("finish-nudge", end + FINISH_NUDGE_AFTER_END_MS);
  return plan;
}
