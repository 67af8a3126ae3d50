import { validationFailed } from "../errors";

/** Every job a session can have. The first two go out on booking; the rest are one-time schedules. */
export type JobKind =
  | "booking-confirmation"
  | "coach-brief"
  | "prework-reminder"
  | "agenda-reminder"
  | "finish-nudge";

export const JOB_KINDS: readonly JobKind[] = [
  "booking-confirmation",
  "coach-brief",
  "prework-reminder",
  "agenda-reminder",
  "finish-nudge",
];

/** EventBridge Scheduler's rule for a schedule name. */
const SCHEDULE_NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;

/**
 * The one schedule name of a session's job, e.g. `ses_01J…-prework-reminder`. Deterministic, so a
 * repeated booking event updates or finds the same schedule instead of creating a second one.
 */
export function scheduleName(sessionId: string, kind: JobKind): string {
  const name = `${sessionId}-${kind}`;
  if (!SCHEDULE_NAME.test(name)) {
    throw validationFailed("the session id cannot form a schedule name", [
      { path: "sessionId", message: "schedule names are 1–64 characters of 0-9 a-z A-Z - _ ." },
    ]);
  }
  return name;
}

/** An instant as ISO UTC with whole seconds and no milliseconds: `2026-03-03T13:00:00Z`. */
export function isoSeconds(at: Date | number): string {
  const ms = typeof at === "number" ? at : at.getTime();
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/**
 * `at(yyyy-mm-ddThh:mm:ss)` for a one-time schedule, in UTC (the schedule's time zone is left at
 * its default, UTC, so no suffix is written). `at` must be a whole-second instant.
 */
export function scheduleExpression(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms) || ms % 1000 !== 0) {
    throw validationFailed("a schedule time must be a whole-second date-time", [
      { path: "at", message: `expected an ISO date-time with whole seconds, got ${at}` },
    ]);
  }
  return `at(${new Date(ms).toISOString().slice(0, 19)})`;
}

const AT_EXPRESSION = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;

/** The inverse of `scheduleExpression`: `at(2026-03-03T13:00:00)` → `2026-03-03T13:00:00Z`. */
export function parseScheduleExpression(expression: string): string {
  const m = AT_EXPRESSION.exec(expression);
  const fail = () =>
    validationFailed("not a one-time schedule expression", [
      { path: "expression", message: `expected at(yyyy-mm-ddThh:mm:ss), got ${expression}` },
    ]);
  if (!m) throw fail();
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  const ms = Date.parse(iso);
  // Date.parse accepts 2026-02-30 and rolls it over; a round trip catches impossible dates.
  if (Number.isNaN(ms) || isoSeconds(ms) !== iso) throw fail();
  return iso;
}
