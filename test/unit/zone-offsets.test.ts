import { tzOffset } from "@date-fns/tz/tzOffset";
import { afterEach, describe, expect, it } from "vitest";
import { dateLabel } from "../../packages/core/src/followups/dates";
import { utcOffsetMinutes } from "../../packages/core/src/matching/timezones";
import { formatSessionTime } from "../../packages/core/src/sessions/format";
import { isIanaTimeZone } from "../../packages/core/src/shared/validators";
import { zoneOffsetMinutes } from "../../packages/core/src/shared/zone-offsets";

/**
 * The zone offsets a cold start needs come without an `Intl.DateTimeFormat` (a process's first costs
 * some 12 ms: decision 0017's update): the zone check of an input, the matching's offsets, the
 * emails' session times and dates. Counted by wrapping the constructor, which `@date-fns/tz` and
 * every other caller look up when they call it.
 */
const realDateTimeFormat = Intl.DateTimeFormat;
let built: string[] = [];
function countDateTimeFormats() {
  built = [];
  Intl.DateTimeFormat = new Proxy(realDateTimeFormat, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built.push(String(args[1]?.timeZone));
      return new target(...args);
    },
    apply(target, _this, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built.push(String(args[1]?.timeZone));
      return target(...args);
    },
  });
}
afterEach(() => {
  Intl.DateTimeFormat = realDateTimeFormat;
});

const JULY = Date.UTC(2026, 6, 3, 13);

describe("zone offsets without a DateTimeFormat", () => {
  it("checks, offsets and formats the zones the runtime lists, and UTC, without building one", () => {
    countDateTimeFormats();

    expect(isIanaTimeZone("America/New_York")).toBe(true);
    expect(isIanaTimeZone("UTC")).toBe(true);
    expect(utcOffsetMinutes("Australia/Adelaide", new Date(JULY))).toBe(570);
    expect(zoneOffsetMinutes(JULY, "UTC")).toBe(0);
    expect(formatSessionTime("2026-07-03T13:00:00Z", "2026-07-03T14:00:00Z", "Europe/Berlin")).toBe(
      "Friday, 3 July 2026, 15:00–16:00 (Europe/Berlin)",
    );
    expect(dateLabel(new Date("2026-07-03T23:30:00Z"), "Pacific/Auckland")).toBe("Saturday, 4 July 2026");

    expect(built).toEqual([]);
  });

  it("reads aliases on the clock too: Asia/Kolkata, Europe/Kyiv, US/Eastern", () => {
    countDateTimeFormats();

    // Whichever of Asia/Kolkata and Asia/Calcutta the runtime lists, the other is an alias.
    expect(zoneOffsetMinutes(JULY, "Asia/Kolkata")).toBe(330);
    expect(zoneOffsetMinutes(JULY, "Asia/Calcutta")).toBe(330);
    expect(zoneOffsetMinutes(JULY, "Europe/Kyiv")).toBe(180);
    expect(zoneOffsetMinutes(JULY, "US/Eastern")).toBe(-240);

    expect(built).toEqual([]);
  });

  it("takes through DateTimeFormat a name the clock cannot tell: other letter case, digits, unknown, 0", () => {
    countDateTimeFormats();

    expect(zoneOffsetMinutes(JULY, "europe/berlin")).toBe(120);
    expect(zoneOffsetMinutes(JULY, "Etc/GMT+5")).toBe(-300);
    expect(zoneOffsetMinutes(JULY, "Mars/Olympus_Mons")).toBeNaN();
    // An alias at UTC+0 reads 0 on the clock, as an unknown name would.
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 15), "Europe/Belfast")).toBe(0);
    expect(isIanaTimeZone("Mars/Olympus_Mons")).toBe(false);

    expect(built).toEqual([
      "europe/berlin",
      "Etc/GMT+5",
      "Mars/Olympus_Mons",
      "Europe/Belfast",
      "Mars/Olympus_Mons",
    ]);
  });

  it("agrees with @date-fns/tz on aliases over many instants", () => {
    const aliases = [
      "Asia/Kolkata",
      "Asia/Kathmandu",
      "Asia/Yangon",
      "Asia/Ho_Chi_Minh",
      "Europe/Kyiv",
      "America/Nuuk",
      "America/Argentina/Buenos_Aires",
      "America/Indiana/Indianapolis",
      "Pacific/Kanton",
      "Atlantic/Faroe",
      "US/Pacific",
      "Europe/Belfast",
    ];
    for (const zone of aliases) {
      for (let t = Date.UTC(1972, 1, 1); t < Date.UTC(2037, 11, 31); t += 7_777_777_777) {
        expect([zone, zoneOffsetMinutes(t, zone)]).toEqual([zone, tzOffset(zone, new Date(t))]);
      }
    }
  });

  it("leaves the process's own zone as it was, set or not", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "America/Sao_Paulo";
      expect(zoneOffsetMinutes(JULY, "Asia/Tokyo")).toBe(540);
      expect(process.env.TZ).toBe("America/Sao_Paulo");
      expect(new Date(JULY).getTimezoneOffset()).toBe(180);

      delete process.env.TZ;
      expect(zoneOffsetMinutes(JULY, "Australia/Adelaide")).toBe(570);
      expect(process.env.TZ).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    expect(new Date(JULY).getTimezoneOffset()).toBe(0);
  });
});
