import type { Cadence } from "../sessions/model";
import { addDays, addMonths } from "../shared/calendar-dates";
import { longDate } from "../shared/long-dates";
import { localDateAt, wallClockAt, wallTimeToUtc } from "../shared/time-zones";

/**
 * The day (YYYY-MM-DD, on the client's calendar in `timeZone`) the next session is due after one
 * that started at `startsAt`: a week or two later, or the same day next month (31 January → 28 or
 * 29 February). Counted on the client's calendar, not UTC's, so an evening session in New York is
 * followed by the right day; see docs/decisions/0017-dates-in-the-clients-zone.md.
 */
export function nextDue(startsAt: string, cadence: Cadence, timeZone: string): string {
  const day = localDateAt(Date.parse(startsAt), timeZone);
  if (cadence === "monthly") return addMonths(day, 1);
  return addDays(day, cadence === "weekly" ? 7 : 14);
}

export const CADENCE_LABEL: Record<Cadence, string> = {
  weekly: "every week",
  biweekly: "every two weeks",
  monthly: "every month",
};

/** "Friday, 5 June 2026" for an instant or a YYYY-MM-DD date, in `timeZone` (dates are taken as they are). */
export function dateLabel(value: Date | string, timeZone: string): string {
  const wall =
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? Date.parse(value)
      : wallClockAt(new Date(value).getTime(), timeZone);
  if (Number.isNaN(wall)) throw new RangeError("unknown date or time zone");
  return longDate(wall);
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function localDate(now: Date, timeZone: string): string {
  return localDateAt(now.getTime(), timeZone);
}

/**
 * The instant of `hour`:`minute`:`second` local time on `date` (YYYY-MM-DD) in `timeZone`. A time the
 * clocks skip that day has none (`undefined`), and one they show twice is its first instant, as
 * EventBridge Scheduler treats them (docs/decisions/0017-dates-in-the-clients-zone.md).
 */
export function localTimeToUtc(
  date: string,
  hour: number,
  timeZone: string,
  minute = 0,
  second = 0,
): Date | undefined {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const at = wallTimeToUtc(Date.UTC(y, m - 1, d, hour, minute, second), timeZone);
  return at === undefined ? undefined : new Date(at);
}

/** The instant on `date` at the local time of day `startsAt` has in `timeZone` (same rule as localTimeToUtc). */
export function sameLocalTimeOn(startsAt: string, date: string, timeZone: string): Date | undefined {
  const wall = new Date(wallClockAt(Date.parse(startsAt), timeZone));
  return localTimeToUtc(date, wall.getUTCHours(), timeZone, wall.getUTCMinutes(), wall.getUTCSeconds());
}

/** The day before a YYYY-MM-DD date. */
export const dayBefore = (date: string): string => addDays(date, -1);
