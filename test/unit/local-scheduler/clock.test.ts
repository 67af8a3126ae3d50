import { describe, expect, it } from "vitest";
import { LocalClock } from "../../../packages/local/src/scheduler/clock";

describe("LocalClock", () => {
  it("follows real time when not moved", () => {
    const clock = new LocalClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
  });

  it("moves forward by advanceBy and setTo, and keeps running from there", () => {
    const clock = new LocalClock({ startAt: "2030-01-01T00:00:00Z" });
    clock.advanceBy(3_600_000);
    expect(clock.now().getTime() - Date.parse("2030-01-01T01:00:00Z")).toBeLessThan(50);
    clock.setTo("2030-02-01T00:00:00Z");
    expect(clock.now().getTime() - Date.parse("2030-02-01T00:00:00Z")).toBeGreaterThanOrEqual(0);
    expect(clock.now().getTime() - Date.parse("2030-02-01T00:00:00Z")).toBeLessThan(50);
  });

  it("refuses to move backwards with a validation error", () => {
    const clock = new LocalClock({ startAt: "2030-01-01T00:00:00Z" });
    expect(() => clock.setTo("2029-12-31T23:00:00Z")).toThrowError(
      expect.objectContaining({
        code: "validation_failed",
        message: expect.stringMatching(/only moves forward/),
      }),
    );
    expect(() => clock.advanceBy(-1)).toThrowError(expect.objectContaining({ code: "validation_failed" }));
    expect(clock.now().getFullYear()).toBe(2030);
  });
});
