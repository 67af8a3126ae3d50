import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, freePorts } from "../../packages/local/src/emulators/ports";
import { intakeBody } from "../support/requests";

/** Starts `npm start`'s entry point exactly as npm does, on free ports and a temporary data folder. */
async function startCli(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/local/src/cli.ts", "--fresh"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const deadline = Date.now() + 45_000;
  while (!output.includes("coachflow is ready.")) {
    if (child.exitCode !== null) throw new Error(`the stack exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the stack did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output };
}

describe("npm start, end to end", () => {
  let stack: Awaited<ReturnType<typeof startCli>>;
  let ports: { api: number; dynamo: number; ses: number; scheduler: number };
  let dataDir: string;

  beforeAll(async () => {
    const [api, dynamo, ses, scheduler] = await freePorts(4);
    ports = { api: api!, dynamo: dynamo!, ses: ses!, scheduler: scheduler! };
    dataDir = await mkdtemp(join(tmpdir(), "coachflow-e2e-"));
    stack = await startCli({
      PORT: String(ports.api),
      DYNAMODB_PORT: String(ports.dynamo),
      SES_PORT: String(ports.ses),
      SCHEDULER_PORT: String(ports.scheduler),
      ADMIN_TOKEN: "e2e-admin-token-0123456789",
      COACHFLOW_DATA_DIR: dataDir,
    });
  }, 60_000);

  afterAll(async () => {
    if (stack?.child.exitCode === null) stack.child.kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  });

  it("prints every URL a person needs and the admin token", () => {
    const out = stack.output();
    for (const url of [
      `http://localhost:${ports.api}/docs`,
      `http://localhost:${ports.api}/intake`,
      `http://127.0.0.1:${ports.ses}`,
      `http://localhost:${ports.api}/_local/schedules`,
    ]) {
      expect(out).toContain(url);
    }
    expect(out).toContain("e2e-admin-token-0123456789");
    expect(out).toMatch(/demo coaches: \d+ added/);
  });

  it("answers health, lists the demo coaches, and takes an intake over HTTP that sends an email", async () => {
    const api = `http://localhost:${ports.api}`;
    expect((await fetch(`${api}/health`)).status).toBe(200);
    const coaches = await fetch(`${api}/v1/coaches`, {
      headers: { authorization: "Bearer e2e-admin-token-0123456789" },
    });
    expect(((await coaches.json()) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(8);

    const email = "e2e.client@example.com";
    const res = await fetch(`${api}/v1/intake`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(intakeBody(email)),
    });
    const body = (await res.json()) as { status: string; matches: { bookingUrl: string }[] };
    expect(res.status).toBe(201);
    expect(body.status).toBe("matched");

    const store = (await (await fetch(`http://127.0.0.1:${ports.ses}/store`)).json()) as {
      emails: { destination: { to: string[] }; subject: string }[];
    };
    const mail = store.emails.find((e) => e.destination.to.includes(email));
    expect(mail?.subject).toBe("Your recommended coaches");
  });

  it("refuses to start a second stack on busy ports with a one-line hint", async () => {
    const second = spawn(process.execPath, ["--import", "tsx", "packages/local/src/cli.ts"], {
      env: { ...process.env, PORT: String(ports.api), COACHFLOW_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    second.stderr.on("data", (d) => {
      err += String(d);
    });
    const code = await new Promise<number | null>((r) => second.once("exit", r));
    expect(code).toBe(1);
    expect(err.trim()).toMatch(new RegExp(`^✖ port ${ports.api} for the API is busy: .*set PORT`));
  });

  it("says in one line what to do when Java is missing", async () => {
    const noJava = spawn(process.execPath, ["--import", "tsx", "packages/local/src/cli.ts"], {
      env: { ...process.env, PATH: "/nonexistent", PORT: String(await freePort()) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    noJava.stderr.on("data", (d) => {
      err += String(d);
    });
    expect(await new Promise<number | null>((r) => noJava.once("exit", r))).toBe(1);
    expect(err.trim()).toMatch(/^✖ Java was not found: install a Java runtime ≥ 17/);
  });

  it("stops everything on Ctrl-C, the java child included", async () => {
    const pid = Number(/java pid (\d+)/.exec(stack.output())?.[1]);
    stack.child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => stack.child.once("exit", r));
    expect(code).toBe(0);
    expect(stack.output()).toContain("stopped.");
    expect(() => process.kill(pid, 0)).toThrow();
    await expect(fetch(`http://127.0.0.1:${ports.dynamo}`, { method: "POST" })).rejects.toThrow();
  });
});
