import { describe, expect, it } from "vitest";
import { dateLabel, localTimeToUtc, nextDue } from "../../packages/core/src/followups/dates";
import { wallTimeToUtc } from "../../packages/core/src/shared/time-zones";

describe("when the next session is due", () => {
  it.each([
    ["2031-01-31T10:00:00.000Z", "monthly", "2031-02-28"],
    ["2032-01-31T10:00:00.000Z", "monthly", "2032-02-29"],
    ["2031-03-31T10:00:00.000Z", "monthly", "2031-04-30"],
    ["2031-01-15T10:00:00.000Z", "monthly", "2031-02-15"],
    ["2031-12-20T10:00:00.000Z", "monthly", "2032-01-20"],
    ["2031-01-15T10:00:00.000Z", "weekly", "2031-01-22"],
    ["2031-01-15T10:00:00.000Z", "biweekly", "2031-01-29"],
  ] as const)("after %s at a %s cadence is %s (month ends stay in their month)", (start, cadence, due) => {
    expect(dateLabel(nextDue(start, cadence, "UTC"), "UTC")).toBe(dateLabel(due, "UTC"));
  });

  it("is counted on the client's calendar: 30 January 21:00 in New York is followed by 28 February", () => {
    // 21:00 on 30 January in New York is 02:00 on 31 January UTC; the UTC calendar said 27 February.
    const start = "2026-01-31T02:00:00.000Z";
    expect(dateLabel(nextDue(start, "monthly", "America/New_York"), "America/New_York")).toBe(
      "Saturday, 28 February 2026",
    );
    expect(dateLabel(nextDue(start, "weekly", "America/New_York"), "America/New_York")).toBe(
      "Friday, 6 February 2026",
    );
  });

  it("counts weeks in calendar days, so a late session keeps its weekday across a DST change", () => {
    // 23:30 on Saturday 7 March in New York (EST); 7 × 24 h later is 00:30 on Sunday 15 March (EDT).
    const start = "2026-03-08T04:30:00.000Z";
    expect(dateLabel(nextDue(start, "weekly", "America/New_York"), "America/New_York")).toBe(
      "Saturday, 14 March 2026",
    );
  });

  it("finds 09:00 local time across a daylight-saving change", () => {
    expect(localTimeToUtc("2031-03-30", 9, "Europe/Berlin")?.toISOString()).toBe("2031-03-30T07:00:00.000Z");
    expect(localTimeToUtc("2031-03-29", 9, "Europe/Berlin")?.toISOString()).toBe("2031-03-29T08:00:00.000Z");
    expect(localTimeToUtc("2031-11-02", 9, "America/New_York")?.toISOString()).toBe(
      "2031-11-02T14:00:00.000Z",
    );
    expect(dateLabel("2031-06-05", "Asia/Tokyo")).toBe("Thursday, 5 June 2031");
  });

  it("has no 09:00 on a day the zone skips, as EventBridge skips a time that does not exist", () => {
    // Samoa moved across the date line: 29 December 2011 was followed by 31 December.
    expect(localTimeToUtc("2011-12-30", 9, "Pacific/Apia")).toBeUndefined();
    expect(localTimeToUtc("2011-12-31", 9, "Pacific/Apia")?.toISOString()).toBe("2011-12-30T19:00:00.000Z");
  });
});

describe("wall times in a DST gap or overlap (EventBridge Scheduler's rule)", () => {
  it("gives no instant for 02:30 on 8 March 2026 in New York, which the clocks skip", () => {
    expect(wallTimeToUtc(Date.UTC(2026, 2, 8, 2, 30), "America/New_York")).toBeUndefined();
  });

  it("gives the first of the two instants of a wall time the clocks repeat", () => {
    // 01:30 on 1 November 2026 in New York happens in EDT (05:30Z) and again in EST (06:30Z).
    expect(wallTimeToUtc(Date.UTC(2026, 10, 1, 1, 30), "America/New_York")).toBe(
      Date.parse("2026-11-01T05:30:00Z"),
    );
    // 02:30 on 25 October 2026 in Berlin happens in CEST (00:30Z) and again in CET (01:30Z).
    expect(wallTimeToUtc(Date.UTC(2026, 9, 25, 2, 30), "Europe/Berlin")).toBe(
      Date.parse("2026-10-25T00:30:00Z"),
    );
  });
});
