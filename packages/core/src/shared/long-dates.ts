/**
 * Dates as the emails and pages write them, in English: "Tuesday, 3 March 2026" and "14:00".
 * They take a wall clock written as if it were UTC (`wallClockAt` in time-zones.ts), so that no
 * `Intl.DateTimeFormat` is built for them (a process's first costs some 12 ms: decision 0017).
 */
const WEEKDAYS = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(" ");
const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);

/** "Tuesday, 3 March 2026" for a wall clock given as if it were UTC. */
export function longDate(wallAsUtcMs: number): string {
  const d = new Date(wallAsUtcMs);
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "09:05" (24-hour) for a wall clock given as if it were UTC (of the years 0–9999). */
export const clockTime = (wallAsUtcMs: number): string => new Date(wallAsUtcMs).toISOString().slice(11, 16);
