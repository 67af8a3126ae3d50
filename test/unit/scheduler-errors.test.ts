import type { SchedulerClient } from "@aws-sdk/client-scheduler";
import { describe, expect, it } from "vitest";
import {
  describeSchedulerError,
  EventBridgeJobScheduler,
  SchedulerError,
} from "../../packages/core/src/adapters/scheduler";

/** An error shaped like the SDK's: its message echoes request values, as the service's do. */
const sdkError = (name: string, status: number | undefined, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error("Value '{\"sessionId\":\"ses_secret\"}' at 'target.input' failed"), {
    name,
    $fault: status !== undefined && status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status },
    ...extra,
  });

type Step = (command: { constructor: { name: string }; input: unknown }) => unknown;

/** A SchedulerClient that answers each call with the next scripted step and records the commands. */
function scriptedClient(steps: Step[]) {
  const calls: string[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: unknown }) => {
      calls.push(command.constructor.name.replace("Command", ""));
      const step = steps.shift();
      if (!step) throw new Error(`unexpected call ${command.constructor.name}`);
      return step(command);
    },
  } as unknown as SchedulerClient;
  return { client, calls };
}

const options = {
  groupName: "coachflow-test",
  targetArn: "arn:aws:lambda:us-east-1:000000000000:function:dispatcher",
  roleArn: "arn:aws:iam::000000000000:role/scheduler-invoke",
};
const job = {
  name: "ses_1-prework-reminder",
  at: "2030-01-01T09:00:00Z",
  input: { sessionId: "ses_secret" },
};
const ok: Step = () => ({});
const fail =
  (name: string, status: number): Step =>
  () => {
    throw sdkError(name, status);
  };

describe("Scheduler error classification", () => {
  it.each([
    ["throttling", sdkError("ThrottlingException", 429), true],
    ["an internal server error", sdkError("InternalServerException", 500), true],
    ["an unnamed 503", sdkError("Unknown", 503), true],
    ["an unnamed 429", sdkError("Unknown", 429), true],
    ["an error the SDK marks retryable", sdkError("Whatever", 400, { $retryable: {} }), true],
    ["a timeout", Object.assign(new Error("timed out"), { name: "TimeoutError" }), true],
    ["a refused connection", Object.assign(new Error("connect"), { code: "ECONNREFUSED" }), true],
    ["a reset connection", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), true],
    ["a validation error", sdkError("ValidationException", 400), false],
    ["a conflict", sdkError("ConflictException", 409), false],
    ["a missing schedule or group", sdkError("ResourceNotFoundException", 404), false],
    ["a full quota of schedules", sdkError("ServiceQuotaExceededException", 402), false],
    ["a bug that is not an SDK error", new TypeError("x is undefined"), false],
    ["something that is not an error", undefined, false],
  ])("treats %s as transient: %s", (_what, error, transient) => {
    expect(describeSchedulerError(error).transient).toBe(transient);
  });

  it("keeps the service's message, which can echo the input, out of its own and in the cause", () => {
    // Prepare
    const cause = sdkError("ValidationException", 400);

    // Act
    const error = SchedulerError.from(cause, "CreateSchedule", "ses_1-prework-reminder");

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("SchedulerError");
    expect(error.message).toBe(
      "Scheduler CreateSchedule failed for schedule ses_1-prework-reminder: ValidationException (HTTP 400)",
    );
    expect(error.cause).toBe(cause);
    expect(error.transient).toBe(false);
    expect(error.schedulerErrorType).toBe("ValidationException");
  });

  it("says when no response arrived", () => {
    const error = SchedulerError.from(
      Object.assign(new Error("x"), { code: "ETIMEDOUT" }),
      "GetSchedule",
      "n",
    );

    expect(error.message).toBe("Scheduler GetSchedule failed for schedule n: Error (no response)");
    expect(error.transient).toBe(true);
  });
});

describe("EventBridgeJobScheduler error paths", () => {
  it("marks a throttled create transient and leaves the input out of the message", async () => {
    // Prepare
    const { client } = scriptedClient([fail("ThrottlingException", 429)]);
    const scheduler = new EventBridgeJobScheduler(client, options);

    // Act
    const error = await scheduler.upsert(job).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(SchedulerError);
    expect(error).toMatchObject({ transient: true, schedulerErrorType: "ThrottlingException" });
    expect((error as Error).message).not.toContain("ses_secret");
  });

  it("creates again when the schedule vanished between the conflict and the read", async () => {
    // Prepare
    const { client, calls } = scriptedClient([
      fail("ConflictException", 409),
      fail("ResourceNotFoundException", 404),
      ok,
    ]);
    const scheduler = new EventBridgeJobScheduler(client, options);

    // Act
    const result = await scheduler.upsert(job);

    // Assess
    expect(result).toBe("created");
    expect(calls).toEqual(["CreateSchedule", "GetSchedule", "CreateSchedule"]);
  });

  it("creates again when the schedule vanished between the read and the update", async () => {
    // Prepare
    const stale: Step = () => ({ ScheduleExpression: "at(2029-01-01T09:00:00)", Target: {} });
    const { client, calls } = scriptedClient([
      fail("ConflictException", 409),
      stale,
      fail("ResourceNotFoundException", 404),
      ok,
    ]);
    const scheduler = new EventBridgeJobScheduler(client, options);

    // Act
    const result = await scheduler.upsert(job);

    // Assess
    expect(result).toBe("created");
    expect(calls).toEqual(["CreateSchedule", "GetSchedule", "UpdateSchedule", "CreateSchedule"]);
  });

  it("gives up, transiently, when the schedule keeps appearing and vanishing", async () => {
    // Prepare
    const round = [fail("ConflictException", 409), fail("ResourceNotFoundException", 404)];
    const { client } = scriptedClient([...round, ...round, ...round]);
    const scheduler = new EventBridgeJobScheduler(client, options);

    // Act + Assess
    await expect(scheduler.upsert(job)).rejects.toMatchObject({ name: "SchedulerError", transient: true });
  });

  it("passes a failing delete on as not transient when the service refuses it", async () => {
    const { client } = scriptedClient([fail("ValidationException", 400)]);
    const scheduler = new EventBridgeJobScheduler(client, options);

    await expect(scheduler.remove(job.name)).rejects.toMatchObject({ transient: false });
  });

  it.each([
    ["a retry count over the service's 185", { maximumRetryAttempts: 186 }],
    ["an event age under 60 s", { maximumEventAgeInSeconds: 59 }],
    ["a group name the service refuses", { groupName: "coach flow" }],
  ])("refuses %s when constructed", (_what, bad) => {
    const { client } = scriptedClient([]);

    expect(() => new EventBridgeJobScheduler(client, { ...options, ...bad })).toThrow(Error);
  });
});
