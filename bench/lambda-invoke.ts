import { spawn, spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

/**
 * Running a built Lambda bundle's handler in a fresh Node process, as a cold start does: for the
 * bench (its import and first-answer times) and for the bundle tests (what the deployed code
 * answers). No AWS call is made: the events used need none.
 */

/** An API Gateway HTTP API (v2) request event, as Lambda hands it to the API function. */
export const httpEvent = (rawPath: string) => ({
  version: "2.0",
  routeKey: "$default",
  rawPath,
  rawQueryString: "",
  headers: { host: "bench.example", "user-agent": "bench" },
  requestContext: {
    http: { method: "GET", path: rawPath, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
    requestId: "bench",
    stage: "$default",
  },
  isBase64Encoded: false,
});

/** What the stage's functions find in their environment on AWS (no secret ARN: no network). */
export const LAMBDA_ENV: Record<string, string> = {
  TABLE_NAME: "coachflow-bench",
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  LINK_SIGNING_SECRET: "bench-link-signing-secret-0123456789",
  CALENDLY_SIGNING_KEY: "bench-calendly-signing-key-0123456789",
  CALCOM_WEBHOOK_SECRET: "bench-calcom-webhook-secret-0123456789",
  ADMIN_TOKEN: "bench-admin-token-0123456789abcdef",
  DISPATCHER_ARN: "arn:aws:lambda:us-east-1:123456789012:function:dispatcher",
  SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/scheduler",
  LOG_LEVEL: "silent",
};

export interface FreshInvocation {
  /** `await import()` of the bundle. */
  importMs: number;
  /** The import plus the invocation. */
  firstAnswerMs: number;
  /**
   * CPU time (user + system, all threads) the process spent in the import plus the invocation:
   * less moved by other processes on a shared machine than the wall time, but blind to waiting.
   */
  cpuMs: number;
  /** What the handler returned, or the message it threw. */
  outcome: { returned: unknown } | { threw: string };
}

function freshScript(file: string, event: unknown): string {
  return `const t = performance.now();
const cpu = process.cpuUsage();
const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)});
const imported = performance.now();
let outcome;
try { outcome = { returned: await handler(${JSON.stringify(event)}, { awsRequestId: "bench" }) }; }
catch (error) { outcome = { threw: String(error?.message ?? error) }; }
const answered = performance.now();
const used = process.cpuUsage(cpu);
process.stderr.write("\\n" + JSON.stringify({ importMs: imported - t, firstAnswerMs: answered - t, cpuMs: (used.user + used.system) / 1000, outcome }));`;
}

const freshEnv = (env: Record<string, string>) => ({
  PATH: process.env.PATH,
  NODE_OPTIONS: "",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  ...LAMBDA_ENV,
  ...env,
});

function readInvocation(file: string, stderr: string): FreshInvocation {
  const last = stderr.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(last) as FreshInvocation;
  } catch {
    throw new Error(`invoking ${file} failed: ${stderr.slice(-500)}`);
  }
}

/**
 * Imports `file` in a new process with `LAMBDA_ENV` (and `env` over it) and invokes its `handler`
 * with `event`, once. Blocks this process meanwhile: for events that need no server of this
 * process's own (see `invokeFreshAsync`).
 */
export function invokeFresh(file: string, event: unknown, env: Record<string, string> = {}): FreshInvocation {
  const { stderr } = spawnSync(process.execPath, ["--input-type=module", "-e", freshScript(file, event)], {
    env: freshEnv(env),
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return readInvocation(file, stderr);
}

/**
 * The same, without blocking: for events answered against emulators that run in this process
 * (the SES emulator, the local Scheduler), which must keep serving while the child runs.
 */
export function invokeFreshAsync(
  file: string,
  event: unknown,
  env: Record<string, string> = {},
  flags: readonly string[] = [],
): Promise<FreshInvocation> {
  return new Promise((resolve, reject) => {
    // BENCH_CPU_PROF=<dir>: each child writes a V8 CPU profile there, to see where the time goes.
    // BENCH_NODE_FLAGS: V8/Node flags for the children, e.g. "--trace-gc" (with BENCH_DEBUG to see it).
    const profile = [
      ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
      ...flags,
    ];
    const child = spawn(
      process.execPath,
      [...profile, "--input-type=module", "-e", freshScript(file, event)],
      {
        env: freshEnv(env),
        stdio: ["ignore", process.env.BENCH_DEBUG ? "inherit" : "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", () => {
      try {
        resolve(readInvocation(file, stderr));
      } catch (error) {
        reject(error);
      }
    });
  });
}
