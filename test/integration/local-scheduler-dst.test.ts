import { CreateScheduleCommand, GetScheduleCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../packages/local/src/emulators/ports";
import {
  type FireEvent,
  LocalClock,
  type LocalScheduler,
  startLocalScheduler,
} from "../../packages/local/src/scheduler";

const running: LocalScheduler[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function start(startAt: string) {
  const fired: FireEvent[] = [];
  const scheduler = await startLocalScheduler({
    port: await freePort(),
    clock: new LocalClock({ startAt }),
    onFire: async (event) => {
      fired.push(event);
    },
    tickMs: 60_000,
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

const zoned = (name: string, at: string) =>
  new CreateScheduleCommand({
    Name: name,
    ScheduleExpression: `at(${at})`,
    ScheduleExpressionTimezone: "America/New_York",
    FlexibleTimeWindow: { Mode: "OFF" },
    Target: {
      Arn: "arn:aws:lambda:us-east-1:000000000000:function:dispatcher",
      RoleArn: "arn:aws:iam::000000000000:role/scheduler",
      Input: JSON.stringify({ job: name }),
    },
  });

describe("local scheduler, a zoned at() across daylight-saving changes (EventBridge's rule, 0017)", () => {
  it("never fires a wall time the clocks skip, and fires a repeated one once, at its first instant", async () => {
    // New York: 10 March 2030 02:00 EST → 03:00 EDT; 3 November 2030 02:00 EDT → 01:00 EST.
    const { scheduler, client, fired } = await start("2030-03-09T12:00:00Z");
    await client.send(zoned("skipped", "2030-03-10T02:30:00"));
    await client.send(zoned("after-the-jump", "2030-03-10T03:00:00"));
    await client.send(zoned("repeated", "2030-11-03T01:30:00"));

    // The skipped one is stored as sent, but it is never due.
    const stored = await client.send(new GetScheduleCommand({ Name: "skipped" }));
    expect(stored.ScheduleExpression).toBe("at(2030-03-10T02:30:00)");
    expect(scheduler.pendingSchedules().map((p) => [p.name, p.at])).toEqual([
      ["after-the-jump", "2030-03-10T07:00:00.000Z"],
      ["repeated", "2030-11-03T05:30:00.000Z"],
    ]);

    await scheduler.advanceClock({ to: "2030-11-04T00:00:00Z" });

    expect(fired.map((f) => [f.name, f.scheduledTime.toISOString()])).toEqual([
      ["after-the-jump", "2030-03-10T07:00:00.000Z"],
      ["repeated", "2030-11-03T05:30:00.000Z"],
    ]);
  });
});
