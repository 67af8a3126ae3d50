import { describe, expect, it } from "vitest";
import { AppError } from "../../../packages/core/src/errors";
import { newId } from "../../../packages/core/src/ids";
import {
  JOB_KINDS,
  parseScheduleExpression,
  scheduleExpression,
  scheduleName,
} from "../../../packages/core/src/sessions/schedule-names";

const EVENTBRIDGE_NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;

describe("scheduleName", () => {
  it("is the session id and the job kind, valid for EventBridge Scheduler", () => {
    const id = newId("session");
    for (const kind of JOB_KINDS) {
      const name = scheduleName(id, kind);
      expect(name).toBe(`${id}-${kind}`);
      expect(name).toMatch(EVENTBRIDGE_NAME);
    }
  });

  it("is the same every time for the same session and job", () => {
    const id = newId("session");
    expect(scheduleName(id, "finish-nudge")).toBe(scheduleName(id, "finish-nudge"));
    expect(scheduleName(id, "finish-nudge")).not.toBe(scheduleName(id, "agenda-reminder"));
  });

  it.each([
    ["a character the rule forbids", "ses 01"],
    ["a slash", "ses/01"],
    ["too long a name", `ses_${"A".repeat(60)}`],
  ])("refuses %s", (_, id) => {
    expect(() => scheduleName(id, "prework-reminder")).toThrow(AppError);
  });
});

describe("scheduleExpression", () => {
  it("writes a UTC at() expression with no zone suffix", () => {
    expect(scheduleExpression("2026-03-09T15:00:00Z")).toBe("at(2026-03-09T15:00:00)");
    expect(scheduleExpression("2026-03-09T16:00:00+01:00")).toBe("at(2026-03-09T15:00:00)");
    expect(scheduleExpression("2026-03-09T15:00:00.000Z")).toBe("at(2026-03-09T15:00:00)");
  });

  it.each(["2026-03-09T15:00:00.500Z", "not a date"])("refuses %s", (at) => {
    expect(() => scheduleExpression(at)).toThrow(AppError);
  });
});

describe("parseScheduleExpression", () => {
  it("reads an at() expression back as a UTC instant", () => {
    expect(parseScheduleExpression("at(2026-03-09T15:00:00)")).toBe("2026-03-09T15:00:00Z");
  });

  it("round-trips with scheduleExpression", () => {
    for (const at of ["2026-01-01T00:00:00Z", "2026-12-31T23:59:59Z", "2028-02-29T12:30:05Z"]) {
      expect(parseScheduleExpression(scheduleExpression(at))).toBe(at);
    }
  });

  it.each([
    "rate(5 minutes)",
    "at(2026-03-09T15:00:00Z)",
    "at(2026-03-09 15:00:00)",
    "at(2026-02-30T00:00:00)",
    "at(2026-03-09T24:00:00)",
  ])("refuses %s", (expression) => {
    expect(() => parseScheduleExpression(expression)).toThrow(AppError);
  });
});
