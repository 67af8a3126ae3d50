import { randomUUID } from "node:crypto";
import { GetScheduleCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AwsCaller } from "../../packages/core/src/adapters/aws";
import {
  EventBridgeJobScheduler,
  SCHEDULER,
  SchedulerError,
} from "../../packages/core/src/adapters/scheduler";
import { isoSeconds } from "../../packages/core/src/sessions/schedule-names";
import { freePort } from "../../packages/local/src/emulators/ports";
import {
  type FireEvent,
  LocalClock,
  type LocalScheduler,
  startLocalScheduler,
} from "../../packages/local/src/scheduler";

const GROUP = "coachflow-test";
const TARGET = "arn:aws:lambda:us-east-1:000000000000:function:dispatcher";
const ROLE = "arn:aws:iam::000000000000:role/scheduler-invoke";
const DLQ = "arn:aws:sqs:us-east-1:000000000000:scheduler-dlq";
const HOUR = 3_600_000;

const clock = new LocalClock();
const fired: FireEvent[] = [];
let local: LocalScheduler;
/** The SDK's client, as an independent reader of what the adapter's own calls stored. */
let client: SchedulerClient;
let caller: AwsCaller;
let scheduler: EventBridgeJobScheduler;

/** A unique name per test, so tests sharing the emulator do not see each other's schedules. */
const uniqueName = (label: string) => `ses_${randomUUID().slice(0, 8)}-${label}`;
/** `hours` from the local clock's now, as ISO UTC with whole seconds. */
const inHours = (hours: number) => isoSeconds(clock.now().getTime() + hours * HOUR);
const getSchedule = (name: string) => client.send(new GetScheduleCommand({ Name: name, GroupName: GROUP }));

beforeAll(async () => {
  local = await startLocalScheduler({
    port: await freePort(),
    clock,
    onFire: async (event) => {
      fired.push(event);
    },
  });
  client = new SchedulerClient({
    endpoint: local.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  caller = new AwsCaller({
    service: SCHEDULER,
    endpoint: local.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  scheduler = new EventBridgeJobScheduler(caller, {
    groupName: GROUP,
    targetArn: TARGET,
    roleArn: ROLE,
    deadLetterArn: DLQ,
  });
});

afterAll(async () => {
  client?.destroy();
  caller?.destroy();
  await local?.stop();
});

describe("EventBridgeJobScheduler against the local scheduler", () => {
  it("creates a one-time UTC schedule with every field the design asks for", async () => {
    // Prepare
    const name = uniqueName("prework-reminder");
    const at = inHours(24);
    const input = { job: "prework-reminder", sessionId: "ses_01J0000000000000000000000", attempt: 1 };

    // Act
    const result = await scheduler.upsert({ name, at, input });

    // Assess
    expect(result).toBe("created");
    const stored = await getSchedule(name);
    expect(stored).toMatchObject({
      Name: name,
      GroupName: GROUP,
      ScheduleExpression: `at(${at.slice(0, 19)})`,
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      State: "ENABLED",
      Target: {
        Arn: TARGET,
        RoleArn: ROLE,
        Input: JSON.stringify(input),
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: DLQ },
      },
    });
  });

  it("answers unchanged for the same upsert again, even with the input's keys in another order", async () => {
    // Prepare
    const name = uniqueName("agenda-reminder");
    const at = inHours(10);
    await scheduler.upsert({ name, at, input: { job: "agenda-reminder", sessionId: "ses_1" } });
    const before = await getSchedule(name);

    // Act
    const again = await scheduler.upsert({ name, at, input: { job: "agenda-reminder", sessionId: "ses_1" } });
    const reordered = await scheduler.upsert({
      name,
      at,
      input: { sessionId: "ses_1", job: "agenda-reminder" },
    });

    // Assess
    expect([again, reordered]).toEqual(["unchanged", "unchanged"]);
    expect((await getSchedule(name)).LastModificationDate).toEqual(before.LastModificationDate);
  });

  it("moves a schedule to a new time and replaces its input", async () => {
    // Prepare
    const name = uniqueName("finish-nudge");
    await scheduler.upsert({ name, at: inHours(5), input: { job: "finish-nudge", sessionId: "ses_2" } });
    const later = inHours(30);

    // Act
    const moved = await scheduler.upsert({
      name,
      at: later,
      input: { job: "finish-nudge", sessionId: "ses_2" },
    });
    const changed = await scheduler.upsert({
      name,
      at: later,
      input: { job: "finish-nudge", sessionId: "ses_3" },
    });

    // Assess
    expect([moved, changed]).toEqual(["updated", "updated"]);
    const stored = await getSchedule(name);
    expect(stored.ScheduleExpression).toBe(`at(${later.slice(0, 19)})`);
    expect(stored.Target?.Input).toBe(JSON.stringify({ job: "finish-nudge", sessionId: "ses_3" }));
    // The update sent the whole definition again, not just the changed fields.
    expect(stored).toMatchObject({
      ActionAfterCompletion: "DELETE",
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: { DeadLetterConfig: { Arn: DLQ }, RetryPolicy: { MaximumRetryAttempts: 10 } },
    });
  });

  it("deletes a schedule, and answers absent for one that does not exist", async () => {
    // Prepare
    const name = uniqueName("cancelled");
    await scheduler.upsert({ name, at: inHours(3), input: { job: "agenda-reminder" } });

    // Act
    const first = await scheduler.remove(name);
    const second = await scheduler.remove(name);

    // Assess
    expect([first, second]).toEqual(["deleted", "absent"]);
    await expect(getSchedule(name)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("lists schedules by name prefix, soonest first, with their inputs", async () => {
    // Prepare
    const session = `ses_${randomUUID().slice(0, 8)}`;
    const times = { late: inHours(48), early: inHours(2), middle: inHours(20) };
    await scheduler.upsert({ name: `${session}-late`, at: times.late, input: { n: 3 } });
    await scheduler.upsert({ name: `${session}-early`, at: times.early, input: { n: 1 } });
    await scheduler.upsert({ name: `${session}-middle`, at: times.middle, input: { n: 2 } });
    await scheduler.upsert({ name: uniqueName("other"), at: inHours(1), input: { n: 0 } });

    // Act
    const listed = await scheduler.list(`${session}-`);

    // Assess
    expect(listed).toEqual([
      { name: `${session}-early`, at: times.early, input: { n: 1 } },
      { name: `${session}-middle`, at: times.middle, input: { n: 2 } },
      { name: `${session}-late`, at: times.late, input: { n: 3 } },
    ]);
  });

  it("lists across ListSchedules pages", async () => {
    // Prepare: more than the emulator's (and the service's) page of 100.
    const prefix = `ses_${randomUUID().slice(0, 8)}-`;
    const at = inHours(100);
    for (let i = 0; i < 105; i++) {
      await scheduler.upsert({ name: `${prefix}${String(i).padStart(3, "0")}`, at, input: { i } });
    }

    // Act
    const listed = await scheduler.list(prefix);

    // Assess
    expect(listed).toHaveLength(105);
    expect(listed.at(-1)).toEqual({ name: `${prefix}104`, at, input: { i: 104 } });
  });

  it("fires the dispatcher with exactly our input when its time comes, then is gone", async () => {
    // Prepare
    const name = uniqueName("fires");
    const at = inHours(1);
    const input = { job: "prework-reminder", sessionId: "ses_fire" };
    await scheduler.upsert({ name, at, input });

    // Act
    const outcomes = await local.advanceClock({ to: at });

    // Assess
    expect(outcomes).toContainEqual(expect.objectContaining({ name, outcome: "ok", attempts: 1 }));
    const event = fired.find((e) => e.name === name);
    expect(event).toMatchObject({ groupName: GROUP, targetArn: TARGET, input: JSON.stringify(input) });
    expect(JSON.parse(event?.input ?? "")).toEqual(input);
    expect(event?.scheduledTime.toISOString()).toBe(new Date(at).toISOString());
    await expect(getSchedule(name)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    expect(await scheduler.list(name)).toEqual([]);
  });

  it.each([
    ["an empty name", "", inHours(1)],
    ["a name over 64 characters", "x".repeat(65), inHours(1)],
    ["a name with characters the service refuses", "coach@example.com", inHours(1)],
    ["a time with milliseconds", "ses_ok-name", "2030-01-01T09:00:00.500Z"],
    ["a time with an offset instead of Z", "ses_ok-name", "2030-01-01T09:00:00+02:00"],
    ["a time without seconds", "ses_ok-name", "2030-01-01T09:00Z"],
    ["a date that does not exist", "ses_ok-name", "2030-02-30T09:00:00Z"],
  ])("refuses %s before calling the service", async (_what, name, at) => {
    // Prepare
    const send = vi.spyOn(caller, "call");

    // Act
    const upsert = scheduler.upsert({ name, at, input: { job: "x" } });

    // Assess
    await expect(upsert).rejects.toThrow(Error);
    await expect(upsert).rejects.not.toHaveProperty("transient");
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
  });

  it("refuses a bad name on remove and list before calling the service", async () => {
    // Prepare
    const send = vi.spyOn(caller, "call");

    // Act + Assess
    await expect(scheduler.remove("bad name")).rejects.toThrow(/schedule name must be/);
    await expect(scheduler.list("bad/prefix")).rejects.toThrow(/prefix must be/);
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
  });

  it("reports a definition the service refuses as a permanent SchedulerError, after one request", async () => {
    // Prepare: a target ARN over the service's 1600 characters, which only the service checks.
    const refusing = new EventBridgeJobScheduler(caller, {
      groupName: GROUP,
      targetArn: `arn:aws:lambda:us-east-1:000000000000:function:${"x".repeat(1600)}`,
      roleArn: ROLE,
    });
    const name = uniqueName("refused");
    const call = vi.spyOn(caller, "call");

    // Act
    const error = await refusing
      .upsert({ name, at: inHours(2), input: { sessionId: "ses_private" } })
      .catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(SchedulerError);
    expect(error).toMatchObject({ transient: false, schedulerErrorType: "ValidationException" });
    expect((error as Error).message).toBe(
      `Scheduler CreateSchedule failed for schedule ${name}: ValidationException (HTTP 400)`,
    );
    expect((error as Error).cause).toMatchObject({ name: "ValidationException", status: 400, attempts: 1 });
    expect(call).toHaveBeenCalledTimes(1);
    call.mockRestore();
    await expect(getSchedule(name)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("updates a schedule that a changed deployment setting makes different", async () => {
    // Prepare
    const name = uniqueName("new-role");
    const at = inHours(6);
    await scheduler.upsert({ name, at, input: { job: "x" } });
    const moved = new EventBridgeJobScheduler(caller, {
      groupName: GROUP,
      targetArn: TARGET,
      roleArn: `${ROLE}-v2`,
      deadLetterArn: DLQ,
      maximumRetryAttempts: 3,
    });

    // Act
    const result = await moved.upsert({ name, at, input: { job: "x" } });

    // Assess
    expect(result).toBe("updated");
    expect((await getSchedule(name)).Target).toMatchObject({
      RoleArn: `${ROLE}-v2`,
      RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
    });
  });

  it("keeps a refused name out of the error message", async () => {
    await expect(
      scheduler.upsert({ name: "coach@example.com", at: inHours(1), input: { job: "x" } }),
    ).rejects.toThrow(/^schedule name must be 1-64 characters .* \(got 17 characters\)$/);
  });
});
