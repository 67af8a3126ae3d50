import { describe, expect, it } from "vitest";
import { AppError } from "../../../packages/core/src/errors";
import { formatSessionTime, sessionLabel } from "../../../packages/core/src/sessions/format";

describe("formatSessionTime", () => {
  it("shows the session in Berlin time", () => {
    expect(formatSessionTime("2026-03-03T13:00:00Z", "2026-03-03T14:00:00Z", "Europe/Berlin")).toBe(
      "Tuesday, 3 March 2026, 14:00–15:00 (Europe/Berlin)",
    );
  });

  it("shows the same session in New York time", () => {
    expect(formatSessionTime("2026-03-03T13:00:00Z", "2026-03-03T14:00:00Z", "America/New_York")).toBe(
      "Tuesday, 3 March 2026, 08:00–09:00 (America/New_York)",
    );
  });

  it("follows daylight-saving time in each zone", () => {
    // Berlin moves to summer time on 29 March 2026; New York already did on 8 March.
    expect(formatSessionTime("2026-03-30T13:00:00Z", "2026-03-30T14:00:00Z", "Europe/Berlin")).toBe(
      "Monday, 30 March 2026, 15:00–16:00 (Europe/Berlin)",
    );
    expect(formatSessionTime("2026-03-30T13:00:00Z", "2026-03-30T14:00:00Z", "America/New_York")).toBe(
      "Monday, 30 March 2026, 09:00–10:00 (America/New_York)",
    );
  });

  it("names both dates when the session crosses local midnight", () => {
    expect(formatSessionTime("2026-03-03T22:30:00Z", "2026-03-03T23:30:00Z", "Europe/Berlin")).toBe(
      "Tuesday, 3 March 2026, 23:30 – Wednesday, 4 March 2026, 00:30 (Europe/Berlin)",
    );
  });

  it("writes English names whatever the process's own zone, and leaves that zone as it was", () => {
    const before = process.env.TZ;
    expect(formatSessionTime("2026-03-03T13:00:00Z", "2026-03-03T14:00:00Z", "Asia/Kathmandu")).toBe(
      "Tuesday, 3 March 2026, 18:45–19:45 (Asia/Kathmandu)",
    );
    expect(process.env.TZ).toBe(before);
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });

  it("takes an alias or another letter case through the runtime's DateTimeFormat", () => {
    // Not in Intl.supportedValuesOf("timeZone"): these take the other path (shared/time-zones.ts).
    expect(formatSessionTime("2026-07-03T13:00:00Z", "2026-07-03T14:00:00Z", "US/Eastern")).toBe(
      "Friday, 3 July 2026, 09:00–10:00 (US/Eastern)",
    );
    expect(formatSessionTime("2026-07-03T13:00:00Z", "2026-07-03T14:00:00Z", "europe/berlin")).toBe(
      "Friday, 3 July 2026, 15:00–16:00 (europe/berlin)",
    );
  });

  it("rejects an unknown time zone and a non-date", () => {
    expect(() => formatSessionTime("2026-03-03T13:00:00Z", "2026-03-03T14:00:00Z", "Mars/Olympus")).toThrow(
      AppError,
    );
    expect(() => formatSessionTime("soon", "2026-03-03T14:00:00Z", "UTC")).toThrow(AppError);
  });
});

describe("sessionLabel", () => {
  it("names each kind", () => {
    expect(sessionLabel({ kind: "intro" })).toBe("Intro session");
    expect(sessionLabel({ kind: "starter", number: 3 })).toBe("Starter session 3 of 7");
    expect(sessionLabel({ kind: "regular" })).toBe("Coaching session");
  });
});
