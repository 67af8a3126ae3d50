import { describe, expect, it } from "vitest";
import { AwsServiceError } from "../../packages/core/src/adapters/aws";
import {
  describeSchedulerError,
  EventBridgeJobScheduler,
  SCHEDULER,
  SchedulerError,
} from "../../packages/core/src/adapters/scheduler";
import { type Answer, type AwsAnswers, scriptedCallers } from "../support/aws-answers";

/**
 * The adapter's error paths, driven by real HTTP answers shaped as EventBridge Scheduler sends
 * them (status, `x-amzn-errortype`, a `Message` that echoes request values) from a local server,
 * through the real caller.
 */

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
/** An error answer as the service sends it; its message echoes the input, as the service's do. */
const answer = (type: string, status: number): Answer => ({
  status,
  headers: { "x-amzn-errortype": `${type}:http://internal.amazon.com/coral/com.amazonaws.chronos/` },
  body: { Message: "Value '{\"sessionId\":\"ses_secret\"}' at 'target.input' failed" },
});
const ok: Answer = { status: 200, body: { ScheduleArn: "arn:aws:scheduler:::schedule/g/n" } };

const callerAgainst = scriptedCallers();

/** A caller against a local server answering `answers` in turn, with short waits. */
async function scripted(answers: Answer[], extra: { maxAttempts?: number; requestTimeoutMs?: number } = {}) {
  const { server, caller } = await callerAgainst(answers, {
    service: SCHEDULER,
    region: "us-east-1",
    retry: { maxAttempts: extra.maxAttempts ?? 3 },
    ...(extra.requestTimeoutMs ? { requestTimeoutMs: extra.requestTimeoutMs } : {}),
  });
  return { server, caller, scheduler: new EventBridgeJobScheduler(caller, options) };
}

/** The error one GetSchedule gets from `answers` (a single attempt unless said otherwise). */
async function errorOf(answers: Answer[], extra: { requestTimeoutMs?: number } = {}): Promise<unknown> {
  const { caller } = await scripted(answers, { maxAttempts: 1, ...extra });
  return caller
    .call({ method: "GET", path: "/schedules/n", query: { groupName: "g" } })
    .catch((e: unknown) => e);
}

/** The method and path (with the query) of each request the server got. */
const requests = (s: AwsAnswers) => s.received.map((r) => `${r.method} ${r.path}`);

describe("Scheduler error classification, from real answers", () => {
  it.each([
    ["throttling", answer("ThrottlingException", 400), true],
    ["an internal server error", answer("InternalServerException", 500), true],
    ["an unnamed 503", { status: 503, body: "Service Unavailable" } as Answer, true],
    ["an unnamed 429", { status: 429 } as Answer, true],
    ["a validation error", answer("ValidationException", 400), false],
    ["a conflict", answer("ConflictException", 409), false],
    ["a missing schedule or group", answer("ResourceNotFoundException", 404), false],
    ["a full quota of schedules", answer("ServiceQuotaExceededException", 402), false],
    ["a dropped connection", "reset" as Answer, true],
  ])("treats %s as transient: %s", async (_what, reply, transient) => {
    const error = await errorOf([reply]);

    expect(error).toBeInstanceOf(AwsServiceError);
    expect(describeSchedulerError(error).transient).toBe(transient);
  });

  it("treats a timeout as transient", async () => {
    const error = await errorOf(["hang"], { requestTimeoutMs: 50 });

    expect(describeSchedulerError(error)).toEqual({
      type: "TimeoutError",
      status: undefined,
      transient: true,
    });
  });

  it("treats a refused connection as transient", async () => {
    const { server, caller } = await scripted([]);
    await server.close();

    const error = await caller.call({ method: "GET", path: "/schedules/n" }).catch((e: unknown) => e);

    expect(describeSchedulerError(error)).toEqual({
      type: "NetworkingError",
      status: undefined,
      transient: true,
    });
  });

  it.each([
    ["a bug that is not the caller's", new TypeError("x is undefined"), false],
    ["something that is not an error", undefined, false],
  ])("treats %s as transient: %s", (_what, error, transient) => {
    expect(describeSchedulerError(error).transient).toBe(transient);
  });

  it("keeps the service's message, which can echo the input, out of its own and in the cause", async () => {
    // Prepare
    const { scheduler } = await scripted([answer("ValidationException", 400)]);

    // Act
    const error = (await scheduler.upsert(job).catch((e: unknown) => e)) as SchedulerError;

    // Assess
    expect(error).toBeInstanceOf(SchedulerError);
    expect(error.message).toBe(
      "Scheduler CreateSchedule failed for schedule ses_1-prework-reminder: ValidationException (HTTP 400)",
    );
    expect(error.cause).toBeInstanceOf(AwsServiceError);
    expect((error.cause as Error).message).toContain("ses_secret");
    expect(error).toMatchObject({ transient: false, schedulerErrorType: "ValidationException" });
  });

  it("says when no response arrived", async () => {
    const { server, scheduler } = await scripted([]);
    await server.close();

    const error = (await scheduler.remove(job.name).catch((e: unknown) => e)) as SchedulerError;

    expect(error.message).toBe(
      "Scheduler DeleteSchedule failed for schedule ses_1-prework-reminder: NetworkingError (no response)",
    );
    expect(error.transient).toBe(true);
  });
});

describe("EventBridgeJobScheduler error paths", () => {
  it("marks a create throttled on every attempt transient, and leaves the input out of the message", async () => {
    // Prepare
    const throttled = answer("ThrottlingException", 400);
    const { scheduler, server } = await scripted([throttled, throttled, throttled]);

    // Act
    const error = await scheduler.upsert(job).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(SchedulerError);
    expect(error).toMatchObject({ transient: true, schedulerErrorType: "ThrottlingException" });
    expect((error as Error).message).not.toContain("ses_secret");
    // The caller tried three times, with the same idempotency token each time.
    expect(server.received).toHaveLength(3);
    const tokens = server.received.map((r) => JSON.parse(r.body).ClientToken);
    expect(new Set(tokens).size).toBe(1);
  });

  it("creates after a throttled attempt, retried by the caller", async () => {
    const { scheduler, server } = await scripted([answer("ThrottlingException", 400), ok]);

    await expect(scheduler.upsert(job)).resolves.toBe("created");
    expect(requests(server)).toEqual([
      "POST /schedules/ses_1-prework-reminder",
      "POST /schedules/ses_1-prework-reminder",
    ]);
  });

  it("creates again when the schedule vanished between the conflict and the read", async () => {
    // Prepare
    const { scheduler, server } = await scripted([
      answer("ConflictException", 409),
      answer("ResourceNotFoundException", 404),
      ok,
    ]);

    // Act
    const result = await scheduler.upsert(job);

    // Assess
    expect(result).toBe("created");
    expect(requests(server)).toEqual([
      "POST /schedules/ses_1-prework-reminder",
      "GET /schedules/ses_1-prework-reminder",
      "POST /schedules/ses_1-prework-reminder",
    ]);
    expect(server.received[1]!.query).toBe("groupName=coachflow-test");
  });

  it("creates again when the schedule vanished between the read and the update", async () => {
    // Prepare
    const stale: Answer = {
      status: 200,
      body: { ScheduleExpression: "at(2029-01-01T09:00:00)", Target: {} },
    };
    const { scheduler, server } = await scripted([
      answer("ConflictException", 409),
      stale,
      answer("ResourceNotFoundException", 404),
      ok,
    ]);

    // Act
    const result = await scheduler.upsert(job);

    // Assess
    expect(result).toBe("created");
    expect(requests(server)).toEqual([
      "POST /schedules/ses_1-prework-reminder",
      "GET /schedules/ses_1-prework-reminder",
      "PUT /schedules/ses_1-prework-reminder",
      "POST /schedules/ses_1-prework-reminder",
    ]);
  });

  it("gives up, transiently, when the schedule keeps appearing and vanishing", async () => {
    // Prepare
    const round = [answer("ConflictException", 409), answer("ResourceNotFoundException", 404)];
    const { scheduler, server } = await scripted([...round, ...round, ...round]);

    // Act + Assess
    await expect(scheduler.upsert(job)).rejects.toMatchObject({ name: "SchedulerError", transient: true });
    expect(server.received).toHaveLength(6);
  });

  it("passes a failing delete on as not transient when the service refuses it, after one attempt", async () => {
    const { scheduler, server } = await scripted([answer("ValidationException", 400)]);

    await expect(scheduler.remove(job.name)).rejects.toMatchObject({ transient: false });
    expect(server.received).toHaveLength(1);
    const query = new URLSearchParams(server.received[0]!.query);
    expect(query.get("groupName")).toBe("coachflow-test");
    expect(query.get("clientToken")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers absent for a delete of a schedule that does not exist", async () => {
    const { scheduler } = await scripted([answer("ResourceNotFoundException", 404)]);

    await expect(scheduler.remove(job.name)).resolves.toBe("absent");
  });

  it.each([
    ["a retry count over the service's 185", { maximumRetryAttempts: 186 }],
    ["an event age under 60 s", { maximumEventAgeInSeconds: 59 }],
    ["a group name the service refuses", { groupName: "coach flow" }],
  ])("refuses %s when constructed", async (_what, bad) => {
    const { caller } = await scripted([]);

    expect(() => new EventBridgeJobScheduler(caller, { ...options, ...bad })).toThrow(Error);
  });
});
