import type { Cadence } from "../sessions/model";
import { wallTimeToUtc } from "../shared/time-zones";

const DAY = 86_400_000;

/** When the next session is due after one that started at `startsAt`, at the given cadence. */
export function nextDue(startsAt: string, cadence: Cadence): Date {
  const d = new Date(startsAt);
  if (cadence === "monthly") {
    // The same day next month, or that month's last day (31 January → 28 or 29 February).
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + 1);
    const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, lastDay));
    return d;
  }
  return new Date(d.getTime() + (cadence === "weekly" ? 7 : 14) * DAY);
}

export const CADENCE_LABEL: Record<Cadence, string> = {
  weekly: "every week",
  biweekly: "every two weeks",
  monthly: "every month",
};

/** "Friday, 5 June 2026" for an instant or a YYYY-MM-DD date, in `timeZone` (dates are taken as they are). */
export function dateLabel(value: Date | string, timeZone: string): string {
  const isDateOnly = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = isDateOnly ? new Date(`${value}T12:00:00Z`) : new Date(value);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: isDateOnly ? "UTC" : timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("weekday")}, ${get("day")} ${get("month")} ${get("year")}`;
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The UTC instant of `hour`:00 local time on `date` (YYYY-MM-DD) in `timeZone`. */
export function localTimeToUtc(date: string, hour: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(wallTimeToUtc(Date.UTC(y, m - 1, d, hour), timeZone));
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
}
