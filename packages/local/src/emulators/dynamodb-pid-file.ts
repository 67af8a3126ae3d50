import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { isRunning, processInfo } from "../processes";

/**
 * The pid file of a DynamoDB Local with a data folder: its java pid and the pid of the node process
 * that started it. A run that is killed outright (SIGKILL, a power cut of the terminal) cannot stop
 * its java child; the next start reads this file and stops that java.
 */
const pidFileSchema = z.object({ pid: z.int().positive(), parentPid: z.int().positive() });

export function writePidFile(file: string, pid: number): void {
  writeFileSync(file, `${JSON.stringify({ pid, parentPid: process.pid })}\n`);
}

export function removePidFile(file: string): void {
  rmSync(file, { force: true });
}

function readPidFile(file: string): z.infer<typeof pidFileSchema> | undefined {
  try {
    const parsed = pidFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // no file yet, or not one of ours
  }
}

async function ended(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * Stops the DynamoDB Local that an earlier run on `dbPath` left running, and returns its pid. It
 * stops nothing (and returns undefined) unless the process the pid file names is a DynamoDB Local
 * on this very `dbPath` whose starter has ended: a reused pid, another program, or the java of a
 * stack that still runs is left alone.
 */
export async function stopLeftoverDynamoDbLocal(file: string, dbPath: string): Promise<number | undefined> {
  const recorded = readPidFile(file);
  if (!recorded) return undefined;
  const info = processInfo(recorded.pid);
  const ours = info?.command.includes("DynamoDBLocal.jar") && info.command.includes(` -dbPath ${dbPath} `);
  if (!info || !ours || info.ppid === recorded.parentPid) return undefined;
  process.kill(recorded.pid, "SIGTERM");
  if (!(await ended(recorded.pid, 5000))) {
    process.kill(recorded.pid, "SIGKILL");
    await ended(recorded.pid, 5000);
  }
  removePidFile(file);
  return recorded.pid;
}
