import { describe, expect, it } from "vitest";
import { atExpression, parseScheduleExpression } from "../../../packages/local/src/scheduler/expression";

describe("parseScheduleExpression", () => {
  it("reads at() as UTC by default", () => {
    expect(parseScheduleExpression("at(2030-01-15T09:30:00)")).toEqual({
      kind: "at",
      atMs: Date.parse("2030-01-15T09:30:00Z"),
    });
  });

  it("reads at() as wall time in ScheduleExpressionTimezone, across daylight saving", () => {
    expect(parseScheduleExpression("at(2030-01-15T09:30:00)", "Europe/Berlin")).toEqual({
      kind: "at",
      atMs: Date.parse("2030-01-15T08:30:00Z"),
    });
    expect(parseScheduleExpression("at(2030-07-15T09:30:00)", "Europe/Berlin")).toEqual({
      kind: "at",
      atMs: Date.parse("2030-07-15T07:30:00Z"),
    });
    expect(parseScheduleExpression("at(2030-07-15T09:30:00)", "America/New_York")).toEqual({
      kind: "at",
      atMs: Date.parse("2030-07-15T13:30:00Z"),
    });
  });

  it("skips an at() whose wall time the zone's clocks jump over, as EventBridge skips a cron time in a DST gap", () => {
    // New York springs forward from 02:00 to 03:00 on 8 March 2026: 02:30 never happens.
    expect(parseScheduleExpression("at(2026-03-08T02:30:00)", "America/New_York")).toEqual({
      kind: "at",
      atMs: null,
    });
    // 03:00 is the first wall time after the jump, in EDT.
    expect(parseScheduleExpression("at(2026-03-08T03:00:00)", "America/New_York")).toEqual({
      kind: "at",
      atMs: Date.parse("2026-03-08T07:00:00Z"),
    });
  });

  it("fires an at() whose wall time happens twice at its first instance, as EventBridge runs a cron time once", () => {
    // Berlin falls back from 03:00 CEST to 02:00 CET on 25 October 2026: 02:30 happens at 00:30Z and 01:30Z.
    expect(parseScheduleExpression("at(2026-10-25T02:30:00)", "Europe/Berlin")).toEqual({
      kind: "at",
      atMs: Date.parse("2026-10-25T00:30:00Z"),
    });
  });

  it("accepts rate() and cron() as recurring expressions", () => {
    expect(parseScheduleExpression("rate(5 minutes)")).toEqual({ kind: "rate" });
    expect(parseScheduleExpression("rate(1 day)")).toEqual({ kind: "rate" });
    expect(parseScheduleExpression("cron(0 9 ? * MON *)")).toEqual({ kind: "cron" });
  });

  it.each([
    "at(2030-02-30T09:00:00)",
    "at(2030-01-15T24:00:00)",
    "at(2030-01-15 09:00:00)",
    "at(2030-01-15T09:00:00Z)",
    "at(2030-01-15T09:00)",
    "rate(0 minutes)",
    "rate(5 weeks)",
    "cron(0 9 * * *)",
    "tomorrow",
  ])("rejects %s with a reason", (expression) => {
    expect(parseScheduleExpression(expression)).toMatch(/Invalid Schedule Expression/);
  });

  it("rejects an unknown time zone", () => {
    expect(parseScheduleExpression("at(2030-01-15T09:30:00)", "Mars/Olympus")).toMatch(
      /not a known time zone/,
    );
  });

  it("formats an instant as a UTC at() expression", () => {
    expect(atExpression(new Date("2030-01-15T09:30:45.678Z"))).toBe("at(2030-01-15T09:30:45)");
  });
});
