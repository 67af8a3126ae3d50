import { wallClockAt, zoneOffsetMs } from "./zone-offsets";

/**
 * Instants and wall clocks in IANA time zones. The offsets are the runtime's ICU, read as
 * zone-offsets.ts says; the rule for wall times that happen twice or never is EventBridge
 * Scheduler's (docs/decisions/0017-dates-in-the-clients-zone.md).
 */
const DAY_MS = 86_400_000;

export { wallClockAt, zoneOffsetMs };

/** The calendar date (YYYY-MM-DD) in `timeZone` at the instant `utcMs`. */
export const localDateAt = (utcMs: number, timeZone: string): string =>
  new Date(wallClockAt(utcMs, timeZone)).toISOString().slice(0, 10);

/**
 * The UTC instant at which the wall clock of `timeZone` shows a local date and time, given as if it
 * were UTC (`Date.UTC(y, m, d, h, min, s)`), by EventBridge Scheduler's daylight-saving rule:
 *
 * - a wall time the clocks jump over (spring forward) does not happen: `undefined`, the time is
 *   skipped;
 * - a wall time the clocks show twice (fall back) happens once, at its first instant.
 *
 * Each offset the zone has within a day either side is tried; the wall time exists under an offset
 * when that offset is in force at the instant it gives.
 */
export function wallTimeToUtc(wallAsUtcMs: number, timeZone: string): number | undefined {
  const offsets = new Set(
    [wallAsUtcMs - DAY_MS, wallAsUtcMs, wallAsUtcMs + DAY_MS].map((t) => zoneOffsetMs(t, timeZone)),
  );
  let first: number | undefined;
  for (const offset of offsets) {
    const utc = wallAsUtcMs - offset;
    if (zoneOffsetMs(utc, timeZone) === offset && (first === undefined || utc < first)) first = utc;
  }
  return first;
}
