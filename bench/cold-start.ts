import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUNDLE_FILE, type Bundle, buildBundles, DEPLOYED_SDK } from "../infra/bundling";
import { sampleIntake } from "../packages/local/src/demo/intake";
import { buildReference } from "./bundles";
import { calendlyCreated, signedCalendly } from "./calendly";
import { type FreshInvocation, httpEvent, invokeFreshAsync } from "./lambda-invoke";
import { startBenchStack } from "./local-stack";
import { type BenchResult, quantile } from "./result";

/**
 * Fresh processes per bundle; each imports its bundle and answers one real request.
 * `BENCH_RUNS=<n>` takes more, for a comparison whose difference is small beside the noise.
 */
const RUNS = Number(process.env.BENCH_RUNS) || 21;
const MAX_RATIO = 1.5;
const HOUR = 3600_000;
const TABLE = "bench-cold-start";
const SECRETS = {
  LINK_SIGNING_SECRET: "bench-link-signing-secret-0123456789",
  CALENDLY_SIGNING_KEY: "bench-calendly-signing-key-0123456789",
  CALCOM_WEBHOOK_SECRET: "bench-calcom-webhook-secret-0123456789",
};

/**
 * The reference's first real answer: the same Hono hello-world with a DynamoDB client as the
 * import bench, answering with one GetItem, since a real function answers with its client.
 */
const REFERENCE = `
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
const db = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
const app = new Hono();
app.get("/", async (c) => {
  const out = await db.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: "HEALTH" }, sk: { S: "HEALTH" } } }));
  return c.json({ hello: "world", found: Boolean(out.Item) });
});
export const handler = handle(app);
`;

/** An API Gateway v2 POST with a JSON body. */
const postJson = (rawPath: string, body: unknown) => {
  const event = httpEvent(rawPath);
  return {
    ...event,
    headers: { ...event.headers, "content-type": "application/json" },
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: "POST" } },
    body: JSON.stringify(body),
  };
};

const statusOf = (o: FreshInvocation["outcome"]) =>
  "returned" in o ? (o.returned as { statusCode?: number } | undefined)?.statusCode : undefined;

/**
 * Issue 9's cold-start figure, the one a person waits for: a fresh process imports the built
 * bundle and answers its first real request against the local stack (DynamoDB Local, the SES
 * emulator, the local Scheduler), as a ratio to the reference bundle doing the same with one
 * GetItem. The API takes an intake from a new address (reads, matching, the transaction, the
 * recommendation email); the dispatcher fires a pre-work reminder of a booked session (re-read,
 * ledger claim, suppression check, SES send, completion). Each run gets its own address or
 * session, so no run is a cheap repeat of another. Runs are interleaved across the bundles.
 */
export async function benchColdStart(): Promise<BenchResult[]> {
  const stack = await startBenchStack(TABLE, SECRETS);
  const { app, clock, scheduler } = stack;
  const env = { ...stack.env, ...(process.env.BENCH_DEBUG ? { LOG_LEVEL: "debug" } : {}) };
  try {
    // One booked session per dispatcher run (and one for the warm-up), each with a pending
    // pre-work reminder: the firing the dispatcher's fresh processes answer.
    const start = Math.ceil(clock.now().getTime() / HOUR) * HOUR + 72 * HOUR;
    // BENCH_COMPARE=<dir>[,<dir>…]: bundles built elsewhere (e.g. another commit's, by
    // buildBundles) run beside these, interleaved, so that a change is measured before and after
    // in one run.
    const compared = process.env.BENCH_COMPARE?.split(",").filter(Boolean) ?? [];
    const sessions = (RUNS + 1) * (1 + compared.length);
    for (let i = 0; i < sessions; i++) {
      const raw = calendlyCreated(i, { email: `bench.cold.${i}@example.com`, start: start + i * HOUR });
      const res = await app.request(
        "/v1/webhooks/calendly",
        signedCalendly(raw, SECRETS.CALENDLY_SIGNING_KEY, clock),
      );
      if (res.status !== 200) throw new Error(`booking ${i} answered ${res.status}`);
    }
    const firings = scheduler
      .pendingSchedules()
      .filter((s) => s.name.endsWith("-prework-reminder"))
      .map((s) => JSON.parse(s.input) as unknown);
    if (firings.length < sessions) throw new Error(`only ${firings.length} pre-work reminders pending`);

    const outdir = mkdtempSync(path.join(os.tmpdir(), "coachflow-bench-cold-"));
    const bundles = await buildBundles(outdir, DEPLOYED_SDK);
    const built: Record<string, Bundle> = {
      reference: await buildReference(path.join(outdir, "reference"), DEPLOYED_SDK, REFERENCE),
      api: bundles.api,
      dispatcher: bundles.dispatcher,
    };
    const files: Record<string, string> = Object.fromEntries(
      Object.entries(built).map(([name, bundle]) => [name, path.join(bundle.dir, BUNDLE_FILE)]),
    );
    const requests: Record<
      string,
      { event: (i: number) => unknown; ok: (o: FreshInvocation["outcome"]) => boolean }
    > = {
      reference: { event: () => httpEvent("/"), ok: (o) => statusOf(o) === 200 },
      api: {
        event: (i) =>
          postJson("/v1/intake", sampleIntake(`bench.cold.intake.${i}.${Date.now()}@example.com`)),
        ok: (o) => statusOf(o) === 201,
      },
      dispatcher: {
        event: (i) => firings[i],
        ok: (o) => "returned" in o && (o.returned as { outcome?: string }).outcome === "sent",
      },
    };
    compared.forEach((dir, k) => {
      requests[`api, ${dir}`] = requests.api!;
      requests[`dispatcher, ${dir}`] = {
        ...requests.dispatcher!,
        event: (i) => firings[(RUNS + 1) * (k + 1) + i],
      };
      files[`api, ${dir}`] = path.join(dir, "api", BUNDLE_FILE);
      files[`dispatcher, ${dir}`] = path.join(dir, "dispatcher", BUNDLE_FILE);
    });
    const samples: Record<string, FreshInvocation[]> = Object.fromEntries(
      Object.keys(requests).map((name) => [name, []]),
    );
    // Every other run goes through the bundles in reverse order, so that none always runs right
    // after another (DynamoDB Local, the emulators and the file cache warm up between children).
    const names = Object.keys(requests);
    for (let run = 0; run <= RUNS; run++) {
      for (const name of run % 2 ? [...names].reverse() : names) {
        const invocation = await invokeFreshAsync(files[name]!, requests[name]!.event(run), env);
        if (!requests[name]!.ok(invocation.outcome)) {
          throw new Error(`${name}: unexpected answer ${JSON.stringify(invocation.outcome).slice(0, 300)}`);
        }
        // The first run warms the file cache and DynamoDB Local; it is checked, not counted.
        if (run > 0) samples[name]!.push(invocation);
      }
    }
    const median = (name: string, key: "importMs" | "firstAnswerMs") =>
      quantile(
        samples[name]!.map((s) => s[key]).sort((a, b) => a - b),
        0.5,
      );
    const reference = median("reference", "firstAnswerMs");
    const round = (ms: number) => Math.round(ms * 100) / 100;
    return Object.keys(requests).map((name) => {
      const whole = median(name, "firstAnswerMs");
      const metrics = {
        "import p50 ms": round(median(name, "importMs")),
        "import + 1st real answer p50 ms": round(whole),
        "× reference": round(whole / reference),
      };
      if (name === "reference") return { name: "reference (Hono + DynamoDB client, one GetItem)", metrics };
      const ratio = whole / reference;
      return {
        name: `${name.startsWith("api") ? "api: cold start + first intake" : "dispatcher: cold start + first reminder firing"}${name.includes(", ") ? name.slice(name.indexOf(", ")) : ""}`,
        metrics,
        target: `≤ ${MAX_RATIO}× reference`,
        pass: ratio <= MAX_RATIO,
      };
    });
  } finally {
    await stack.stop();
  }
}
