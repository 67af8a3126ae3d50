import { wallTimeToUtc } from "@coachflow/core/shared/time-zones";

/**
 * What a ScheduleExpression means here: a one-time instant, or a recurring one we accept but never
 * fire. `atMs` is null for an at() whose wall time the zone's clocks skip (spring forward): it is
 * stored and never fires, as EventBridge skips a cron time that does not exist; a wall time the
 * clocks show twice fires once, at its first instant (docs/decisions/0017-dates-in-the-clients-zone.md).
 */
export type ParsedExpression = { kind: "at"; atMs: number | null } | { kind: "rate" } | { kind: "cron" };

const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const RATE = /^rate\(\s*([1-9]\d*)\s+(minute|minutes|hour|hours|day|days)\s*\)$/;
const CRON = /^cron\(\s*\S+(?:\s+\S+){5}\s*\)$/;

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `UTC`, `Europe/Berlin`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses `at(yyyy-mm-ddThh:mm:ss)` (wall time in `timeZone`, default UTC), `rate(n unit)` and
 * `cron(6 fields)`. Returns a reason string instead of throwing when the expression is not valid.
 */
export function parseScheduleExpression(expression: string, timeZone = "UTC"): ParsedExpression | string {
  if (!isKnownTimeZone(timeZone)) return `ScheduleExpressionTimezone "${timeZone}" is not a known time zone`;
  const at = AT.exec(expression);
  if (at) {
    const [year, month, day, hour, minute, second] = at.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(wall);
    const valid =
      check.getUTCFullYear() === year &&
      check.getUTCMonth() === month - 1 &&
      check.getUTCDate() === day &&
      hour < 24 &&
      minute < 60 &&
      second < 60;
    if (!valid) return `Invalid Schedule Expression ${expression}: not a real date and time`;
    return { kind: "at", atMs: wallTimeToUtc(wall, timeZone) ?? null };
  }
  if (RATE.test(expression)) return { kind: "rate" };
  if (CRON.test(expression)) return { kind: "cron" };
  return `Invalid Schedule Expression ${expression}: expected at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)`;
}

/** Formats an instant as the `at()` expression the real service expects for a UTC schedule. */
export function atExpression(when: Date): string {
  return `at(${when.toISOString().slice(0, 19)})`;
}
