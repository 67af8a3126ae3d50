import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../../packages/local/src/emulators/ports";
import { intakeBody } from "../support/requests";
import {
  dynamoDbLocalsOf,
  isAlive,
  killGroup,
  type NpmStart,
  npmStart,
  waitUntilReleased,
} from "./npm-start";

/**
 * `npm start` as a person runs it, stopped by a signal to the npm process, crashed, and started again
 * on the same data folder. Starts are costly on a shared 2-core machine, so the tests share three
 * starts and run in order: each leaves the stack where the next one picks it up.
 */
describe("npm start across stops, crashes and restarts", () => {
  let dataDir: string;
  let ports: { api: number; dynamo: number; ses: number; scheduler: number };
  let running: NpmStart | undefined;
  const started: NpmStart[] = [];
  const decoys: ChildProcess[] = [];
  const client = "e2e.lifecycle@example.com";

  const start = async (args: string[]) => {
    const stack = await npmStart(
      {
        PORT: String(ports.api),
        DYNAMODB_PORT: String(ports.dynamo),
        SES_PORT: String(ports.ses),
        SCHEDULER_PORT: String(ports.scheduler),
        COACHFLOW_DATA_DIR: dataDir,
      },
      args,
    );
    started.push(stack);
    return stack;
  };
  /** Kills whatever a failed step left running, so the next test starts from a clean machine. */
  const killLeftovers = () => {
    for (const s of started) killGroup(s.npm);
    for (const pid of dynamoDbLocalsOf(dataDir)) process.kill(pid, "SIGKILL");
    running = undefined;
  };
  const step = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      killLeftovers();
      throw error;
    }
  };
  const mailTo = async (to: string) => {
    const store = (await (await fetch(`http://127.0.0.1:${ports.ses}/store`)).json()) as {
      emails: { destination: { to: string[] }; subject: string }[];
    };
    return store.emails.filter((e) => e.destination.to.includes(to));
  };
  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => child.once("exit", () => r()));
  const allPorts = () => [ports.api, ports.dynamo, ports.ses, ports.scheduler];

  beforeAll(async () => {
    const [api, dynamo, ses, scheduler] = await freePorts(4);
    ports = { api: api!, dynamo: dynamo!, ses: ses!, scheduler: scheduler! };
    dataDir = await mkdtemp(join(tmpdir(), "coachflow-e2e-lifecycle-"));
  });

  afterAll(async () => {
    killLeftovers();
    for (const d of decoys) d.kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  });

  it("after a crash of cli.ts, the next start stops the java it left behind and starts normally", async () => {
    await step(async () => {
      const crashed = await start(["--fresh"]);
      const res = await fetch(`http://localhost:${ports.api}/v1/intake`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(intakeBody(client)),
      });
      expect(res.status).toBe(201);
      expect(await mailTo(client)).toHaveLength(1);

      process.kill(crashed.cliPid, "SIGKILL");
      await exited(crashed.npm);
      expect(isAlive(crashed.javaPid)).toBe(true); // the crash left DynamoDB Local running

      running = await start([]);
      expect(isAlive(crashed.javaPid)).toBe(false);
      expect(dynamoDbLocalsOf(dataDir)).toEqual([running.javaPid]);
      expect(running.output()).toContain(`java pid ${crashed.javaPid}`);
    });
  }, 120_000);

  it("shows in the mail viewer the mail sent before the crash", async () => {
    await step(async () => {
      running ??= await start([]);
      const mail = await mailTo(client);
      expect(mail.map((m) => m.subject)).toEqual(["Your recommended coaches"]);
    });
  }, 90_000);

  it("stops everything, the java child included, when the npm process gets SIGTERM", async () => {
    await step(async () => {
      running ??= await start([]);
      running.npm.kill("SIGTERM");
      const left = await waitUntilReleased(allPorts(), dataDir, [running.cliPid]);
      expect(left).toEqual({ busyPorts: [], javas: [], running: [] });
      running = undefined;
    });
  }, 90_000);

  it("--fresh clears the kept mail and leaves alone a process the pid file names that is not its DynamoDB Local", async () => {
    await step(async () => {
      const decoy = spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)"], { stdio: "ignore" });
      decoys.push(decoy);
      // As a crashed run's pid file reads, but naming a process that is not DynamoDB Local.
      const ended = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
      await exited(ended);
      await writeFile(
        join(dataDir, "dynamodb-local.pid"),
        JSON.stringify({ pid: decoy.pid, parentPid: ended.pid }),
      );

      running = await start(["--fresh"]);
      expect(isAlive(decoy.pid!)).toBe(true);
      expect(await mailTo(client)).toEqual([]);
    });
  }, 90_000);

  it("stops everything, the java child included, when the npm process gets SIGHUP", async () => {
    await step(async () => {
      running ??= await start([]);
      running.npm.kill("SIGHUP");
      const left = await waitUntilReleased(allPorts(), dataDir, [running.cliPid]);
      expect(left).toEqual({ busyPorts: [], javas: [], running: [] });
      running = undefined;
    });
  }, 90_000);
});
