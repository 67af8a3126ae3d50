import { describe, expect, it } from "vitest";
import { matchClient } from "../../../packages/core/src/matching";
import { clockDistanceMinutes, utcOffsetMinutes } from "../../../packages/core/src/matching/timezones";
import { coach, matchRequest } from "../../support/factories";

const winter = new Date("2024-01-15T12:00:00Z");
const summer = new Date("2024-07-15T12:00:00Z");

describe("utcOffsetMinutes", () => {
  it.each([
    ["UTC", 0, 0],
    ["Europe/London", 0, 60],
    ["America/New_York", -300, -240],
    ["Australia/Sydney", 660, 600],
    ["Asia/Kolkata", 330, 330],
    ["Asia/Kathmandu", 345, 345],
  ])("gives %s its real offset in winter and summer", (zone, january, july) => {
    // Act + Assess
    expect(utcOffsetMinutes(zone, winter)).toBe(january);
    expect(utcOffsetMinutes(zone, summer)).toBe(july);
  });

  it("changes offset at the exact instant of a DST transition, even right after a cached read", () => {
    // Act
    const before = utcOffsetMinutes("Europe/London", new Date("2024-03-31T00:59:59Z"));
    const after = utcOffsetMinutes("Europe/London", new Date("2024-03-31T01:00:00Z"));
    const backBefore = utcOffsetMinutes("America/New_York", new Date("2024-11-03T05:59:59Z"));
    const backAfter = utcOffsetMinutes("America/New_York", new Date("2024-11-03T06:00:00Z"));

    // Assess
    expect([before, after]).toEqual([0, 60]);
    expect([backBefore, backAfter]).toEqual([-240, -300]);
  });

  it("gives no offset for a zone the runtime does not know", () => {
    expect(utcOffsetMinutes("Mars/Olympus_Mons", winter)).toBeUndefined();
  });
});

describe("clockDistanceMinutes", () => {
  it("goes round the day: UTC+13 and UTC-10 are one hour apart", () => {
    expect(clockDistanceMinutes(13 * 60, -10 * 60)).toBe(60);
    expect(clockDistanceMinutes(-5 * 60, 5 * 60 + 30)).toBe(630);
  });
});

describe("matchClient time zones", () => {
  // London is UTC+0 in winter and UTC+1 in summer; Lagos stays UTC+1 and Reykjavik UTC+0.
  const coaches = [
    coach({ id: "coa_lagos", timezone: "Africa/Lagos" }),
    coach({ id: "coa_reykjavik", timezone: "Atlantic/Reykjavik" }),
  ];
  const request = matchRequest({ timezone: "Europe/London" });

  it("prefers the coach on the same clock in winter", () => {
    // Act
    const result = matchClient(request, coaches, { now: winter });

    // Assess
    expect(result.recommendations.map((r) => r.coachId)).toEqual(["coa_reykjavik", "coa_lagos"]);
    expect(result.recommendations[0]?.reasons).toContain("Is in your time zone");
    expect(result.recommendations[1]?.reasons).toContain("Is 1 hour from your time zone");
  });

  it("prefers the other coach once the client's zone moves to summer time", () => {
    // Act
    const result = matchClient(request, coaches, { now: summer });

    // Assess
    expect(result.recommendations.map((r) => r.coachId)).toEqual(["coa_lagos", "coa_reykjavik"]);
  });

  it("counts distance across the date line by the clock", () => {
    // Prepare
    const tonga = coach({ id: "coa_tonga", timezone: "Pacific/Tongatapu" });

    // Act
    const result = matchClient(matchRequest({ timezone: "Pacific/Honolulu" }), [tonga], { now: winter });

    // Assess
    expect(result.recommendations[0]?.reasons).toContain("Is 1 hour from your time zone");
  });

  it("describes a zone with a half-hour offset in hours and minutes", () => {
    // Prepare
    const kolkata = coach({ timezone: "Asia/Kolkata" });

    // Act
    const result = matchClient(matchRequest({ timezone: "Asia/Dubai" }), [kolkata], { now: winter });

    // Assess
    expect(result.recommendations[0]?.reasons).toContain("Is 1 hour 30 minutes from your time zone");
  });
});
