import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopLeftoverDynamoDbLocal } from "../../../packages/local/src/emulators/dynamodb-pid-file";
import { isRunning } from "../../../packages/local/src/processes";

/** A stand-in whose command line reads like DynamoDB Local's (`node -e … DynamoDBLocal.jar -dbPath …`). */
function lookalike(dbPath: string): ChildProcess {
  return spawn(
    process.execPath,
    ["-e", "setTimeout(() => {}, 60000)", "DynamoDBLocal.jar", "-dbPath", dbPath, "-sharedDb"],
    { stdio: "ignore" },
  );
}
const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once("exit", () => r()));

describe("stopLeftoverDynamoDbLocal", () => {
  let dir: string;
  let pidFile: string;
  let dbPath: string;
  let endedPid: number;
  const children: ChildProcess[] = [];
  const started = (child: ChildProcess) => {
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "coachflow-pid-"));
    pidFile = join(dir, "dynamodb-local.pid");
    dbPath = join(dir, "dynamodb");
    const ended = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await exited(ended);
    endedPid = ended.pid!;
  });
  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  it("stops the DynamoDB Local of this data folder whose starter has ended", async () => {
    const left = started(lookalike(dbPath));
    await writeFile(pidFile, JSON.stringify({ pid: left.pid, parentPid: endedPid }));
    expect(await stopLeftoverDynamoDbLocal(pidFile, dbPath)).toBe(left.pid);
    expect(isRunning(left.pid!)).toBe(false);
  });

  it("leaves alone the DynamoDB Local of a stack that still runs", async () => {
    const live = started(lookalike(dbPath));
    await writeFile(pidFile, JSON.stringify({ pid: live.pid, parentPid: process.pid }));
    expect(await stopLeftoverDynamoDbLocal(pidFile, dbPath)).toBeUndefined();
    expect(isRunning(live.pid!)).toBe(true);
  });

  it("leaves alone a DynamoDB Local of another data folder", async () => {
    const other = started(lookalike(`${dbPath}-other`));
    await writeFile(pidFile, JSON.stringify({ pid: other.pid, parentPid: endedPid }));
    expect(await stopLeftoverDynamoDbLocal(pidFile, dbPath)).toBeUndefined();
    expect(isRunning(other.pid!)).toBe(true);
  });

  it("ignores a pid file it cannot read", async () => {
    await writeFile(pidFile, "12345\n");
    expect(await stopLeftoverDynamoDbLocal(pidFile, dbPath)).toBeUndefined();
  });
});
