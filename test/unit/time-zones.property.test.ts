import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dateLabel, localDate, localTimeToUtc, nextDue } from "../../packages/core/src/followups/dates";
import { utcOffsetMinutes } from "../../packages/core/src/matching/timezones";
import { addDays } from "../../packages/core/src/shared/calendar-dates";
import { wallClockAt, wallTimeToUtc, zoneOffsetMs } from "../../packages/core/src/shared/time-zones";
import { parseScheduleExpression } from "../../packages/local/src/scheduler/expression";

/**
 * Properties of the zone arithmetic over every IANA zone the runtime knows and many dates, checked
 * against the Temporal polyfill as an independent oracle (it is a dev dependency only: see
 * docs/decisions/0017-dates-in-the-clients-zone.md). Wall times are written as if they were UTC
 * (`Date.UTC(y, m, d, h, min, s)`), as `wallTimeToUtc` takes them.
 */
const ZONES = Intl.supportedValuesOf("timeZone");
const RUNS = 1_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const zone = fc.constantFrom(...ZONES);
/**
 * Whole seconds from February 1972 to 2037: the tz database is exact from 1970, and before 7 January
 * 1972 Africa/Monrovia was at UTC-00:44:30, which @date-fns/tz 1.5.0 reads as +00:44:30 (its
 * `calcOffset` loses the sign of "-00"); no zone has had an offset between -01:00 and 0 since.
 */
const instant = fc
  .integer({ min: Date.UTC(1972, 1, 1) / 1000, max: Date.UTC(2037, 11, 31) / 1000 })
  .map((s) => s * 1000);

/** What Temporal says of a wall time in a zone: the instants that show it, earliest first. */
function oracle(wallAsUtcMs: number, timeZone: string): number[] {
  const w = new Date(wallAsUtcMs);
  const wall = Temporal.PlainDateTime.from({
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
  });
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  const later = wall.toZonedDateTime(timeZone, { disambiguation: "later" });
  const shows = (z: Temporal.ZonedDateTime) => z.toPlainDateTime().equals(wall);
  return [...new Set([earlier, later].filter(shows).map((z) => z.epochMilliseconds))];
}

/**
 * Wall times near a real offset change of the zone, where gaps and overlaps are: from a random
 * instant, the zone's next transition, then a wall time up to three hours either side of it.
 */
const nearTransition = fc
  .tuple(zone, instant, fc.integer({ min: -180, max: 180 }))
  .map(([timeZone, from, minutes]) => {
    const next = Temporal.Instant.fromEpochMilliseconds(from)
      .toZonedDateTimeISO(timeZone)
      .getTimeZoneTransition("next");
    if (!next || next.epochMilliseconds > Date.UTC(2038, 0, 1)) return undefined;
    // The wall clock just before the change, moved by whole minutes.
    const wall = wallClockAt(next.epochMilliseconds - MINUTE, timeZone) + MINUTE + minutes * MINUTE;
    return { timeZone, wall };
  })
  .filter((x): x is { timeZone: string; wall: number } => x !== undefined);

const anyWallTime = fc.tuple(zone, instant).map(([timeZone, t]) => ({ timeZone, wall: t }));

describe("wallTimeToUtc over every zone (EventBridge Scheduler's rule)", () => {
  it("agrees with Temporal: no instant in a gap, the first of two in an overlap, else the only one", () => {
    fc.assert(
      fc.property(fc.oneof(nearTransition, anyWallTime), ({ timeZone, wall }) => {
        expect(wallTimeToUtc(wall, timeZone)).toBe(oracle(wall, timeZone)[0]);
      }),
      { numRuns: RUNS },
    );
  });

  it("round-trips local → instant → local for every wall time outside a gap", () => {
    fc.assert(
      fc.property(fc.oneof(nearTransition, anyWallTime), ({ timeZone, wall }) => {
        const utc = wallTimeToUtc(wall, timeZone);
        fc.pre(utc !== undefined);
        expect(wallClockAt(utc!, timeZone)).toBe(wall);
      }),
      { numRuns: RUNS },
    );
  });

  it("round-trips instant → local → instant, except the second instance of a repeated wall time", () => {
    fc.assert(
      fc.property(zone, instant, (timeZone, t) => {
        const back = wallTimeToUtc(wallClockAt(t, timeZone), timeZone);
        expect(back).toBeDefined();
        if (back !== t) {
          // Only an overlap: the earlier instant shows the same wall time under an earlier offset.
          expect(back!).toBeLessThan(t);
          expect(wallClockAt(back!, timeZone)).toBe(wallClockAt(t, timeZone));
          expect(oracle(wallClockAt(t, timeZone), timeZone)).toEqual([back, t]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("is strictly increasing: a later wall time that exists never happens before an earlier one", () => {
    fc.assert(
      fc.property(nearTransition, fc.integer({ min: 1, max: 240 }), ({ timeZone, wall }, minutes) => {
        const a = wallTimeToUtc(wall, timeZone);
        const b = wallTimeToUtc(wall + minutes * MINUTE, timeZone);
        fc.pre(a !== undefined && b !== undefined);
        expect(b!).toBeGreaterThan(a!);
      }),
      { numRuns: RUNS },
    );
  });

  it("finds gaps: a skipped wall time is shown by no instant within a day of it", () => {
    fc.assert(
      fc.property(nearTransition, ({ timeZone, wall }) => {
        fc.pre(wallTimeToUtc(wall, timeZone) === undefined);
        // Every offset the zone has near that day gives an instant that shows another wall time.
        for (let t = wall - 26 * HOUR; t <= wall + 26 * HOUR; t += HOUR) {
          const candidate = wall - zoneOffsetMs(t, timeZone);
          expect(wallClockAt(candidate, timeZone)).not.toBe(wall);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is what the local Scheduler's zoned at() fires at, and null (never fires) in a gap", () => {
    fc.assert(
      fc.property(fc.oneof(nearTransition, anyWallTime), ({ timeZone, wall }) => {
        const at = `at(${new Date(wall).toISOString().slice(0, 19)})`;
        expect(parseScheduleExpression(at, timeZone)).toEqual({
          kind: "at",
          atMs: oracle(wall, timeZone)[0] ?? null,
        });
      }),
      { numRuns: 1_000 },
    );
  });

  it("gives matching the same offsets as Temporal, in minutes", () => {
    fc.assert(
      fc.property(zone, instant, (timeZone, t) => {
        const offsetNs =
          Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(timeZone).offsetNanoseconds;
        expect(utcOffsetMinutes(timeZone, new Date(t))).toBeCloseTo(offsetNs / 60e9, 6);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("dates on the client's calendar, over every zone", () => {
  const localOf = (t: number, timeZone: string) =>
    Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(timeZone).toPlainDate();

  it("takes today's date in the client's zone", () => {
    fc.assert(
      fc.property(zone, instant, (timeZone, t) => {
        expect(localDate(new Date(t), timeZone)).toBe(localOf(t, timeZone).toString());
      }),
      { numRuns: RUNS },
    );
  });

  it("labels the same day next month, and in one or two weeks, as the client's calendar counts them", () => {
    fc.assert(
      fc.property(
        zone,
        instant,
        fc.constantFrom("weekly", "biweekly", "monthly") as fc.Arbitrary<"weekly" | "biweekly" | "monthly">,
        (timeZone, t, cadence) => {
          const start = localOf(t, timeZone);
          // Temporal clamps a month end ("constrain"): 31 January → 28/29 February.
          const due =
            cadence === "monthly"
              ? start.add({ months: 1 })
              : start.add({ weeks: cadence === "weekly" ? 1 : 2 });
          const startsAt = new Date(t).toISOString();
          expect(nextDue(startsAt, cadence, timeZone)).toBe(due.toString());
          expect(dateLabel(nextDue(startsAt, cadence, timeZone), timeZone)).toBe(
            due
              .toLocaleString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric" })
              .replace(/^(\w+) /, "$1, "),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("puts an action item's reminder at 09:00 on the client's clock the day before, or nowhere if that day skips it", () => {
    fc.assert(
      fc.property(zone, instant, (timeZone, t) => {
        const dueDate = localOf(t, timeZone).toString();
        const at = localTimeToUtc(addDays(dueDate, -1), 9, timeZone);
        const expected = oracle(Date.parse(`${addDays(dueDate, -1)}T09:00:00Z`), timeZone)[0];
        expect(at?.getTime()).toBe(expected);
        if (at)
          expect(new Date(wallClockAt(at.getTime(), timeZone)).toISOString()).toBe(
            `${addDays(dueDate, -1)}T09:00:00.000Z`,
          );
      }),
      { numRuns: RUNS },
    );
  });
});
