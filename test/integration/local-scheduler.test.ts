import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from "@aws-sdk/client-scheduler";
import { afterEach, describe, expect, it, vi } from "vitest";
import { freePort } from "../../packages/local/src/emulators/ports";
import {
  atExpression,
  type FireEvent,
  LocalClock,
  type LocalScheduler,
  type OnFire,
  startLocalScheduler,
} from "../../packages/local/src/scheduler";

const START = "2030-03-01T08:00:00Z";
const running: LocalScheduler[] = [];

async function start(opts: { onFire?: OnFire; clock?: LocalClock; filePath?: string; tickMs?: number } = {}) {
  const fired: FireEvent[] = [];
  const onFire: OnFire =
    opts.onFire ??
    (async (event) => {
      fired.push(event);
    });
  const scheduler = await startLocalScheduler({
    port: await freePort(),
    clock: opts.clock ?? new LocalClock({ startAt: START }),
    onFire,
    filePath: opts.filePath,
    tickMs: opts.tickMs ?? 60_000,
  });
  running.push(scheduler);
  const client = new SchedulerClient({
    endpoint: scheduler.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  return { scheduler, client, fired };
}

/** A one-time schedule the way the application creates them. */
function reminder(
  name: string,
  at: string,
  extra: Partial<CreateScheduleCommandInput> = {},
): CreateScheduleCommandInput {
  return {
    Name: name,
    GroupName: "coachflow-test",
    ScheduleExpression: `at(${at})`,
    FlexibleTimeWindow: { Mode: "OFF" },
    ActionAfterCompletion: "DELETE",
    Target: {
      Arn: "arn:aws:lambda:us-east-1:000000000000:function:dispatcher",
      RoleArn: "arn:aws:iam::000000000000:role/scheduler",
      Input: JSON.stringify({ job: name }),
    },
    ...extra,
  };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

describe("local scheduler API, through the production SchedulerClient", () => {
  it("returns every stored field from GetSchedule after CreateSchedule", async () => {
    const { client } = await start();
    const created = await client.send(
      new CreateScheduleCommand(
        reminder("ses_1-prework", "2030-03-02T09:00:00", {
          ScheduleExpressionTimezone: "Europe/Berlin",
          Description: "pre-work for session 1",
          State: "ENABLED",
          Target: {
            Arn: "arn:aws:lambda:us-east-1:000000000000:function:dispatcher",
            RoleArn: "arn:aws:iam::000000000000:role/scheduler",
            Input: '{"job":"prework","sessionId":"ses_1"}',
            RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
            DeadLetterConfig: { Arn: "arn:aws:sqs:us-east-1:000000000000:dlq" },
          },
        }),
      ),
    );
    const arn = "arn:aws:scheduler:us-east-1:000000000000:schedule/coachflow-test/ses_1-prework";
    expect(created.ScheduleArn).toBe(arn);

    const got = await client.send(
      new GetScheduleCommand({ Name: "ses_1-prework", GroupName: "coachflow-test" }),
    );

    expect(got).toMatchObject({
      Arn: arn,
      Name: "ses_1-prework",
      GroupName: "coachflow-test",
      ScheduleExpression: "at(2030-03-02T09:00:00)",
      ScheduleExpressionTimezone: "Europe/Berlin",
      Description: "pre-work for session 1",
      State: "ENABLED",
      ActionAfterCompletion: "DELETE",
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: {
        Arn: "arn:aws:lambda:us-east-1:000000000000:function:dispatcher",
        RoleArn: "arn:aws:iam::000000000000:role/scheduler",
        Input: '{"job":"prework","sessionId":"ses_1"}',
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: "arn:aws:sqs:us-east-1:000000000000:dlq" },
      },
    });
    expect(got.CreationDate).toBeInstanceOf(Date);
    expect(Math.abs((got.CreationDate?.getTime() ?? 0) - Date.parse(START))).toBeLessThan(5_000);
    expect(got.LastModificationDate?.getTime()).toBe(got.CreationDate?.getTime());
  });

  it("fills the service defaults: UTC, ENABLED, NONE, RetryPolicy 185 / 86400, group default", async () => {
    const { client } = await start();
    await client.send(
      new CreateScheduleCommand({
        Name: "plain",
        ScheduleExpression: "at(2030-03-02T09:00:00)",
        FlexibleTimeWindow: { Mode: "OFF" },
        Target: { Arn: "arn:t", RoleArn: "arn:r" },
      }),
    );
    const got = await client.send(new GetScheduleCommand({ Name: "plain" }));
    expect(got).toMatchObject({
      Arn: "arn:aws:scheduler:us-east-1:000000000000:schedule/default/plain",
      GroupName: "default",
      ScheduleExpressionTimezone: "UTC",
      State: "ENABLED",
      ActionAfterCompletion: "NONE",
      Target: { RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 } },
    });
  });

  it("throws ConflictException when the schedule already exists", async () => {
    const { client } = await start();
    await client.send(new CreateScheduleCommand(reminder("dup", "2030-03-02T09:00:00")));

    const error = await client
      .send(new CreateScheduleCommand(reminder("dup", "2030-03-03T09:00:00")))
      .catch((e) => e);

    expect(error).toBeInstanceOf(ConflictException);
    expect(error.name).toBe("ConflictException");
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it("throws ResourceNotFoundException for get, update and delete of a missing schedule", async () => {
    const { client } = await start();
    const calls = [
      client.send(new GetScheduleCommand({ Name: "missing", GroupName: "coachflow-test" })),
      client.send(new UpdateScheduleCommand(reminder("missing", "2030-03-02T09:00:00"))),
      client.send(new DeleteScheduleCommand({ Name: "missing", GroupName: "coachflow-test" })),
    ];
    for (const call of calls) {
      const error = await call.catch((e) => e);
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.name).toBe("ResourceNotFoundException");
      expect(error.$metadata.httpStatusCode).toBe(404);
    }
  });

  it("finds a schedule only in its own group and deletes it", async () => {
    const { client } = await start();
    await client.send(new CreateScheduleCommand(reminder("grouped", "2030-03-02T09:00:00")));

    await expect(client.send(new GetScheduleCommand({ Name: "grouped" }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await client.send(new DeleteScheduleCommand({ Name: "grouped", GroupName: "coachflow-test" }));
    await expect(
      client.send(new GetScheduleCommand({ Name: "grouped", GroupName: "coachflow-test" })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("updates by replacing the whole definition and keeps CreationDate", async () => {
    const { client, scheduler } = await start();
    await client.send(
      new CreateScheduleCommand(reminder("moved", "2030-03-02T09:00:00", { Description: "old" })),
    );
    const before = await client.send(new GetScheduleCommand({ Name: "moved", GroupName: "coachflow-test" }));
    scheduler.clock.advanceBy(60_000);

    await client.send(new UpdateScheduleCommand(reminder("moved", "2030-03-05T09:00:00")));

    const after = await client.send(new GetScheduleCommand({ Name: "moved", GroupName: "coachflow-test" }));
    expect(after.ScheduleExpression).toBe("at(2030-03-05T09:00:00)");
    expect(after.Description).toBeUndefined();
    expect(after.CreationDate?.getTime()).toBe(before.CreationDate?.getTime());
    expect(after.LastModificationDate?.getTime()).toBeGreaterThan(
      before.LastModificationDate?.getTime() ?? 0,
    );
  });

  it("lists by name prefix and pages with MaxResults", async () => {
    const { client } = await start();
    for (const name of ["ses_1-a", "ses_1-b", "ses_1-c", "ses_2-a"]) {
      await client.send(new CreateScheduleCommand(reminder(name, "2030-03-02T09:00:00")));
    }

    const first = await client.send(new ListSchedulesCommand({ NamePrefix: "ses_1-", MaxResults: 2 }));
    const second = await client.send(
      new ListSchedulesCommand({ NamePrefix: "ses_1-", MaxResults: 2, NextToken: first.NextToken }),
    );

    expect(first.Schedules?.map((s) => s.Name)).toEqual(["ses_1-a", "ses_1-b"]);
    expect(first.NextToken).toBeTypeOf("string");
    expect(second.Schedules?.map((s) => s.Name)).toEqual(["ses_1-c"]);
    expect(second.NextToken).toBeUndefined();
    expect(first.Schedules?.[0]).toMatchObject({
      GroupName: "coachflow-test",
      State: "ENABLED",
      Target: { Arn: "arn:aws:lambda:us-east-1:000000000000:function:dispatcher" },
    });
    const inOtherGroup = await client.send(new ListSchedulesCommand({ GroupName: "default" }));
    expect(inOtherGroup.Schedules).toEqual([]);
  });

  it("creates and reads schedule groups; default always exists", async () => {
    const { client } = await start();

    const created = await client.send(new CreateScheduleGroupCommand({ Name: "coachflow-dev" }));
    const again = await client
      .send(new CreateScheduleGroupCommand({ Name: "coachflow-dev" }))
      .catch((e) => e);
    const got = await client.send(new GetScheduleGroupCommand({ Name: "coachflow-dev" }));
    const missing = await client.send(new GetScheduleGroupCommand({ Name: "nope" })).catch((e) => e);

    expect(created.ScheduleGroupArn).toBe(
      "arn:aws:scheduler:us-east-1:000000000000:schedule-group/coachflow-dev",
    );
    expect(again).toBeInstanceOf(ConflictException);
    expect(got).toMatchObject({ Arn: created.ScheduleGroupArn, Name: "coachflow-dev", State: "ACTIVE" });
    expect(got.CreationDate).toBeInstanceOf(Date);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new GetScheduleGroupCommand({ Name: "default" }))).resolves.toMatchObject({
      Name: "default",
    });
  });

  it.each([
    ["an impossible date", { ScheduleExpression: "at(2030-02-30T09:00:00)" }],
    ["a zone suffix", { ScheduleExpression: "at(2030-03-02T09:00:00Z)" }],
    ["an unknown time zone", { ScheduleExpressionTimezone: "Mars/Olympus" }],
    ["a bad name", { Name: "has space" }],
    ["a name over 64 characters", { Name: "x".repeat(65) }],
    ["a missing Target", { Target: undefined }],
    ["a missing Target.RoleArn", { Target: { Arn: "arn:t" } as never }],
    ["a FLEXIBLE window without a size", { FlexibleTimeWindow: { Mode: "FLEXIBLE" as const } }],
  ])("throws ValidationException for %s", async (_what, change) => {
    const { client } = await start();

    const error = await client
      .send(new CreateScheduleCommand({ ...reminder("bad", "2030-03-02T09:00:00"), ...change }))
      .catch((e) => e);

    expect(error).toBeInstanceOf(ValidationException);
    expect(error.name).toBe("ValidationException");
    expect(error.message).not.toBe("UnknownError");
  });

  it("accepts rate() and cron() but never fires them", async () => {
    const { client, scheduler, fired } = await start();
    await client.send(
      new CreateScheduleCommand(reminder("every", "x", { ScheduleExpression: "rate(5 minutes)" })),
    );
    await client.send(
      new CreateScheduleCommand(reminder("cron", "x", { ScheduleExpression: "cron(0 9 * * ? *)" })),
    );

    await scheduler.advanceClock({ advanceBy: "P30D" });

    expect(fired).toEqual([]);
    expect(scheduler.pendingSchedules()).toEqual([]);
  });
});

describe("local scheduler firing on the movable clock", () => {
  it("fires exactly the due schedules, in time order (ties by name), with their Input, and deletes them", async () => {
    const { client, scheduler, fired } = await start();
    await client.send(new CreateScheduleCommand(reminder("c-late", "2030-03-02T10:00:00")));
    await client.send(new CreateScheduleCommand(reminder("b-tie", "2030-03-02T09:00:00")));
    await client.send(new CreateScheduleCommand(reminder("a-tie", "2030-03-02T09:00:00")));
    await client.send(new CreateScheduleCommand(reminder("d-early", "2030-03-01T20:00:00")));
    await client.send(new CreateScheduleCommand(reminder("e-future", "2030-03-03T08:00:01")));

    const result = await scheduler.advanceClock({ advanceBy: "P1DT2H30M" });

    expect(result.map((r) => [r.name, r.outcome, r.attempts])).toEqual([
      ["d-early", "ok", 1],
      ["a-tie", "ok", 1],
      ["b-tie", "ok", 1],
      ["c-late", "ok", 1],
    ]);
    expect(result[0]?.scheduledTime).toEqual(new Date("2030-03-01T20:00:00Z"));
    expect(fired.map((f) => [f.name, f.groupName, f.input])).toEqual([
      ["d-early", "coachflow-test", '{"job":"d-early"}'],
      ["a-tie", "coachflow-test", '{"job":"a-tie"}'],
      ["b-tie", "coachflow-test", '{"job":"b-tie"}'],
      ["c-late", "coachflow-test", '{"job":"c-late"}'],
    ]);
    const left = await client.send(new ListSchedulesCommand({}));
    expect(left.Schedules?.map((s) => s.Name)).toEqual(["e-future"]);
    expect(scheduler.pendingSchedules()).toEqual([
      {
        name: "e-future",
        groupName: "coachflow-test",
        at: "2030-03-03T08:00:01.000Z",
        input: '{"job":"e-future"}',
        state: "ENABLED",
      },
    ]);
  });

  it("keeps a NONE schedule after it fires but never fires it twice; skips DISABLED ones", async () => {
    const { client, scheduler, fired } = await start();
    await client.send(
      new CreateScheduleCommand(reminder("kept", "2030-03-01T09:00:00", { ActionAfterCompletion: "NONE" })),
    );
    await client.send(
      new CreateScheduleCommand(reminder("off", "2030-03-01T09:00:00", { State: "DISABLED" })),
    );

    await scheduler.advanceClock({ to: "2030-03-01T12:00:00Z" });
    await scheduler.advanceClock({ advanceBy: "P1D" });
    await scheduler.fireDue();

    expect(fired.map((f) => f.name)).toEqual(["kept"]);
    await expect(
      client.send(new GetScheduleCommand({ Name: "kept", GroupName: "coachflow-test" })),
    ).resolves.toBeTruthy();
    expect(scheduler.pendingSchedules().map((p) => [p.name, p.state])).toEqual([["off", "DISABLED"]]);
  });

  it("retries a failing callback MaximumRetryAttempts times, dead-letters it, and goes on with the others", async () => {
    let calls = 0;
    const delivered: string[] = [];
    const { client, scheduler } = await start({
      onFire: async (event) => {
        if (event.name === "broken") {
          calls++;
          throw new Error(`dispatcher down (call ${calls})`);
        }
        delivered.push(event.name);
      },
    });
    const target = {
      Arn: "arn:aws:lambda:us-east-1:000000000000:function:dispatcher",
      RoleArn: "arn:aws:iam::000000000000:role/scheduler",
      Input: '{"job":"broken"}',
      RetryPolicy: { MaximumRetryAttempts: 2 },
      DeadLetterConfig: { Arn: "arn:aws:sqs:us-east-1:000000000000:dlq" },
    };
    await client.send(
      new CreateScheduleCommand(reminder("broken", "2030-03-01T09:00:00", { Target: target })),
    );
    await client.send(new CreateScheduleCommand(reminder("healthy", "2030-03-01T10:00:00")));

    const result = await scheduler.advanceClock({ advanceBy: "PT3H" });

    expect(calls).toBe(3);
    expect(result).toEqual([
      expect.objectContaining({
        name: "broken",
        outcome: "failed",
        attempts: 3,
        error: "dispatcher down (call 3)",
      }),
      expect.objectContaining({ name: "healthy", outcome: "ok", attempts: 1 }),
    ]);
    expect(delivered).toEqual(["healthy"]);
    expect(scheduler.deadLetters()).toEqual([
      expect.objectContaining({
        name: "broken",
        groupName: "coachflow-test",
        input: '{"job":"broken"}',
        deadLetterArn: "arn:aws:sqs:us-east-1:000000000000:dlq",
        error: "dispatcher down (call 3)",
        attempts: 3,
      }),
    ]);
    await scheduler.advanceClock({ advanceBy: "PT1H" });
    expect(calls).toBe(3);
  });

  it("fires, in the same advance, a due schedule that a callback creates", async () => {
    const clock = new LocalClock({ startAt: START });
    let client: SchedulerClient | undefined;
    const fired: string[] = [];
    const started = await start({
      clock,
      onFire: async (event) => {
        fired.push(event.name);
        if (event.name === "first" && client) {
          await client.send(
            new CreateScheduleCommand(reminder("follow-up", atExpression(clock.now()).slice(3, -1))),
          );
        }
      },
    });
    client = started.client;
    await client.send(new CreateScheduleCommand(reminder("first", "2030-03-01T09:00:00")));

    const result = await started.scheduler.advanceClock({ advanceBy: "PT2H" });

    expect(fired).toEqual(["first", "follow-up"]);
    expect(result.map((r) => r.name)).toEqual(["first", "follow-up"]);
  });

  it("fires due schedules on its own, without a clock move", async () => {
    const clock = new LocalClock();
    const { client, fired } = await start({ clock, tickMs: 20 });
    const inOneSecond = new Date(Math.floor(clock.now().getTime() / 1000) * 1000 + 1000);
    await client.send(new CreateScheduleCommand(reminder("soon", atExpression(inOneSecond).slice(3, -1))));
    expect(fired).toEqual([]);

    await vi.waitFor(() => expect(fired.map((f) => f.name)).toEqual(["soon"]), {
      timeout: 2_000,
      interval: 20,
    });
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(inOneSecond.getTime());
  });

  it("runs one firing pass at a time: a clock move waits for the running pass, nothing fires twice", async () => {
    const fired: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const { client, scheduler } = await start({
      onFire: async (event) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        fired.push(event.name);
        inFlight--;
      },
    });
    await client.send(
      new CreateScheduleCommand(
        reminder("due-now", "2030-03-01T08:00:00", { ActionAfterCompletion: "NONE" }),
      ),
    );
    await client.send(new CreateScheduleCommand(reminder("due-later", "2030-03-01T10:00:00")));

    const [running, again, moved] = await Promise.all([
      scheduler.fireDue(),
      scheduler.fireDue(),
      scheduler.advanceClock({ advanceBy: "PT3H" }),
    ]);

    expect(running.map((r) => r.name)).toEqual(["due-now"]);
    expect(again).toEqual([]);
    expect(moved.map((r) => r.name)).toEqual(["due-later"]);
    expect(fired).toEqual(["due-now", "due-later"]);
    expect(maxInFlight).toBe(1);
  });

  it("refuses a backwards or malformed clock move with a validation error", async () => {
    const { scheduler } = await start();
    await expect(scheduler.advanceClock({ to: "2030-01-01T00:00:00Z" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(scheduler.advanceClock({ advanceBy: "1 day" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(scheduler.advanceClock({ to: "next tuesday" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(scheduler.clock.now().getTime() - Date.parse(START)).toBeLessThan(5_000);
  });

  it("keeps pending schedules and the clock's position across a restart with filePath", async () => {
    const dir = mkdtempSync(join(tmpdir(), "local-scheduler-"));
    const filePath = join(dir, "schedules.json");
    try {
      const first = await start({ filePath });
      await first.client.send(new CreateScheduleCommand(reminder("done-before", "2030-03-01T09:00:00")));
      await first.client.send(new CreateScheduleCommand(reminder("survivor", "2030-03-05T09:00:00")));
      await first.scheduler.advanceClock({ advanceBy: "P1D" });
      await first.scheduler.stop();

      const second = await start({ filePath, clock: new LocalClock({ startAt: START }) });
      expect(second.scheduler.clock.now().getTime()).toBeGreaterThanOrEqual(
        Date.parse("2030-03-02T08:00:00Z"),
      );
      const got = await second.client.send(
        new GetScheduleCommand({ Name: "survivor", GroupName: "coachflow-test" }),
      );
      expect(got.Target?.Input).toBe('{"job":"survivor"}');
      await expect(
        second.client.send(new GetScheduleCommand({ Name: "done-before", GroupName: "coachflow-test" })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
      await second.scheduler.advanceClock({ to: "2030-03-06T00:00:00Z" });
      expect(second.fired.map((f) => f.name)).toEqual(["survivor"]);
      expect(readdirSync(dir)).toEqual(["schedules.json"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
