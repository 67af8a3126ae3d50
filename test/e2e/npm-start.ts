import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** One `npm start`, spawned exactly as a person runs it, and the processes it made. */
export interface NpmStart {
  npm: ChildProcess;
  output: () => string;
  /** The DynamoDB Local java child, from the "java pid N" line of the start-up output. */
  javaPid: number;
  /** The node process that runs cli.ts: the java child's parent. */
  cliPid: number;
}

/**
 * Runs `npm start -- …args` with `env` over this process's environment; resolves once it is ready.
 * npm leads a process group of its own, as in a terminal, so `killGroup` can clean up after a test.
 */
export async function npmStart(env: Record<string, string>, args: string[] = []): Promise<NpmStart> {
  const npm = spawn("npm", ["start", "--", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  npm.stdout?.on("data", (d) => {
    output += String(d);
  });
  npm.stderr?.on("data", (d) => {
    output += String(d);
  });
  try {
    const deadline = Date.now() + 60_000;
    while (!output.includes("coachflow is ready.")) {
      if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not get ready in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const javaPid = Number(/DynamoDB Local on \S+ \(java pid (\d+)/.exec(output)?.[1]);
    return { npm, output: () => output, javaPid, cliPid: parentOf(javaPid) };
  } catch (error) {
    killGroup(npm);
    throw error;
  }
}

/** SIGKILLs what is left of the process group an `npmStart` made (the orphans of a crash included). */
export function killGroup(npm: ChildProcess): void {
  try {
    if (npm.pid) process.kill(-npm.pid, "SIGKILL");
  } catch {
    // the group is gone already
  }
}

function parentOf(pid: number): number {
  // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ")".
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** Whether `pid` runs (a zombie, ended but not yet reaped by its parent, does not). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0]!);
  } catch {
    return false;
  }
}

/** Pids of every running DynamoDB Local whose command line names `dataDir`. */
export function dynamoDbLocalsOf(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
    } catch {
      continue; // gone meanwhile
    }
    if (cmdline.includes("DynamoDBLocal.jar") && cmdline.includes(dataDir)) pids.push(Number(entry));
  }
  return pids;
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * Polls until every port can be bound, no DynamoDB Local of `dataDir` runs and none of `pids` runs;
 * returns what is left when that does not happen within `timeoutMs`.
 */
export async function waitUntilReleased(
  ports: number[],
  dataDir: string,
  pids: number[],
  timeoutMs = 15_000,
): Promise<{ busyPorts: number[]; javas: number[]; running: number[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busyPorts: number[] = [];
    for (const port of ports) if (!(await canBind(port))) busyPorts.push(port);
    const left = { busyPorts, javas: dynamoDbLocalsOf(dataDir), running: pids.filter(isAlive) };
    if (Object.values(left).every((l) => l.length === 0) || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 200));
  }
}
