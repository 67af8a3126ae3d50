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
