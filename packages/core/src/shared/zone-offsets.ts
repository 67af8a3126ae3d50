import { tzOffset } from "@date-fns/tz/tzOffset";
import { isListedZone } from "./listed-zones";

/**
 * UTC offsets of IANA time zones, from the runtime's ICU (docs/decisions/0017-dates-in-the-clients-zone.md).
 * Apart from time-zones.ts, so that code which only reads offsets (the emails' session times, the
 * zone check of an input) does not load the wall-time arithmetic into every cold start.
 *
 * Offsets are read through the process's own clock: `process.env.TZ` is set to the zone for one
 * synchronous `getTimezoneOffset()` and put back at once (Node resets V8's zone when TZ is set,
 * and V8 asks ICU). That reaches the same ICU zone data as `Intl.DateTimeFormat` without building
 * one: a process's first DateTimeFormat costs some 12 ms (V8 lists the locales it supports), a zone
 * switch about 0.1 ms for a new zone and 7 µs after (decision 0017's update, measured in
 * docs/performance.md).
 *
 * The clock takes UTC and names of the form Area/Location without digits: every name V8 lists as a
 * canonical zone (`Intl.supportedValuesOf`), and aliases such as Asia/Kolkata or Europe/Kyiv where
 * the list has Asia/Calcutta and Europe/Kiev. A name ICU does not know exactly (another letter case,
 * none at all) reads as UTC there, so an offset of 0 is taken only for a listed zone (the list is
 * read only then: 1.5 ms once); any other name goes through `@date-fns/tz`'s `tzOffset` (one
 * DateTimeFormat per zone), as do names with digits (Etc/GMT+5), which ICU will not take from TZ.
 * Every stored zone passed `isIanaTimeZone` (validators.ts) first. The clock is used only after a
 * check at first use that switching works in this process. Nothing else runs between setting TZ
 * and putting it back: the read is synchronous.
 */

/** Minutes east of UTC on the process's clock with TZ set to `zone`, for one read. */
function clockOffsetMinutes(zone: string, utcMs: number): number {
  const env = process.env;
  const saved = env.TZ;
  env.TZ = zone;
  try {
    // 0 - x, not -x: UTC is +0, not -0.
    return 0 - new Date(utcMs).getTimezoneOffset();
  } finally {
    if (saved === undefined) delete env.TZ;
    else env.TZ = saved;
  }
}

let clockWorks: boolean | undefined;
const AREA_LOCATION = /^[A-Za-z_]+(?:\/[A-Za-z_-]+)+$/;

/** Minutes east of UTC that `timeZone` is at the instant `utcMs` (NaN for an unknown zone). */
export function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  // Whether setting TZ moves this process's clock (not in a worker thread, whose env is a copy):
  // Tokyo has been at +9 h since 1888, with no daylight-saving time since 1951.
  clockWorks ??= clockOffsetMinutes("Asia/Tokyo", 0) === 540;
  if (clockWorks && (timeZone === "UTC" || AREA_LOCATION.test(timeZone))) {
    const minutes = clockOffsetMinutes(timeZone, utcMs);
    // A name ICU does not know exactly reads as UTC: 0 is taken only for a zone the runtime lists.
    if (minutes !== 0 || isListedZone(timeZone)) return minutes;
  }
  return tzOffset(timeZone, new Date(utcMs));
}

/** Milliseconds the wall clock of `timeZone` is ahead of UTC at the instant `utcMs` (NaN for an unknown zone). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  // Offsets can have historical seconds, as a fraction of a minute: round to whole seconds.
  return Math.round(zoneOffsetMinutes(utcMs, timeZone) * 60) * 1000;
}

/** The wall clock of `timeZone` at `utcMs`, written as if it were UTC (read it with `getUTC…`). */
export const wallClockAt = (utcMs: number, timeZone: string): number => utcMs + zoneOffsetMs(utcMs, timeZone);
