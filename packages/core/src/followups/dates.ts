import type { Cadence } from "../sessions/model";

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
  const guess = new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
  // The zone's offset at that moment, read back from how the guess shows there; twice for DST edges.
  let at = guess;
  for (let i = 0; i < 2; i++) at = new Date(guess.getTime() - offsetMs(at, timeZone));
  return at;
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
}
