/** Milliseconds the wall clock of `timeZone` is ahead of UTC at the instant `utcMs` (whole seconds). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant at which the wall clock of `timeZone` shows a local date and time, given as if it
 * were UTC (`Date.UTC(y, m, d, h, min, s)`). A second pass settles instants next to a DST change.
 */
export function wallTimeToUtc(wallAsUtcMs: number, timeZone: string): number {
  const first = wallAsUtcMs - zoneOffsetMs(wallAsUtcMs, timeZone);
  return wallAsUtcMs - zoneOffsetMs(first, timeZone);
}
