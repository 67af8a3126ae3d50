import { zoneOffsetMinutes } from "../shared/zone-offsets";

/**
 * Real UTC offsets of IANA zones at a given instant, DST included, from `zoneOffsetMinutes`
 * (shared/zone-offsets.ts, as every other zone lookup: docs/decisions/0017). Offsets are
 * also cached per zone for a UTC quarter-hour: every offset in use is a multiple of 15 minutes and
 * transitions happen on a whole local quarter-hour, so an offset cannot change inside one.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const MINUTES_PER_DAY = 24 * 60;

const offsets = new Map<string, { quarter: number; minutes: number | undefined }>();

/** Minutes east of UTC that `zone` is at `at`; undefined for a zone the runtime does not know. */
export function utcOffsetMinutes(zone: string, at: Date): number | undefined {
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const cached = offsets.get(zone);
  if (cached && cached.quarter === quarter) return cached.minutes;
  const offset = Number.isFinite(quarter) ? zoneOffsetMinutes(at.getTime(), zone) : Number.NaN;
  const minutes = Number.isNaN(offset) ? undefined : offset;
  offsets.set(zone, { quarter, minutes });
  return minutes;
}

/**
 * How far apart two offsets are on the clock, in minutes (0 to 720). The distance goes round the
 * day: UTC+13 and UTC-10 are 1 hour apart, a day apart in date but with overlapping working hours.
 */
export function clockDistanceMinutes(a: number, b: number): number {
  const d = Math.abs(a - b) % MINUTES_PER_DAY;
  return Math.min(d, MINUTES_PER_DAY - d);
}
