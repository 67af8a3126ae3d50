import { describe, expect, it } from "vitest";
import { dateLabel, localTimeToUtc, nextDue } from "../../packages/core/src/followups/dates";

describe("when the next session is due", () => {
  it.each([
    ["2031-01-31T10:00:00.000Z", "monthly", "2031-02-28T10:00:00.000Z"],
    ["2032-01-31T10:00:00.000Z", "monthly", "2032-02-29T10:00:00.000Z"],
    ["2031-03-31T10:00:00.000Z", "monthly", "2031-04-30T10:00:00.000Z"],
    ["2031-01-15T10:00:00.000Z", "monthly", "2031-02-15T10:00:00.000Z"],
    ["2031-12-20T10:00:00.000Z", "monthly", "2032-01-20T10:00:00.000Z"],
    ["2031-01-15T10:00:00.000Z", "weekly", "2031-01-22T10:00:00.000Z"],
    ["2031-01-15T10:00:00.000Z", "biweekly", "2031-01-29T10:00:00.000Z"],
  ] as const)("after %s at a %s cadence is %s (month ends stay in their month)", (start, cadence, due) => {
    expect(nextDue(start, cadence).toISOString()).toBe(due);
  });

  it("finds 09:00 local time across a daylight-saving change", () => {
    expect(localTimeToUtc("2031-03-30", 9, "Europe/Berlin").toISOString()).toBe("2031-03-30T07:00:00.000Z");
    expect(localTimeToUtc("2031-03-29", 9, "Europe/Berlin").toISOString()).toBe("2031-03-29T08:00:00.000Z");
    expect(localTimeToUtc("2031-11-02", 9, "America/New_York").toISOString()).toBe(
      "2031-11-02T14:00:00.000Z",
    );
    expect(dateLabel("2031-06-05", "Asia/Tokyo")).toBe("Thursday, 5 June 2031");
  });
});
