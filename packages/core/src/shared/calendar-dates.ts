/**
 * Arithmetic on calendar dates (YYYY-MM-DD) with no time and no zone: a date is a day on the
 * client's calendar, found with `localDateAt` (time-zones.ts) first. Date.UTC is used only as a
 * proleptic Gregorian calendar here, where every day has 24 hours.
 */
const DAY_MS = 86_400_000;

const parse = (date: string) => date.split("-").map(Number) as [number, number, number];
const format = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

/** `date` moved by `days` calendar days (negative: earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parse(date);
  return format(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/** The same day `months` months later, or that month's last day (31 January → 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return format(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}
