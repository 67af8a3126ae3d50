import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUNDLE_FILE, buildBundles, DEPLOYED_SDK } from "../infra/bundling";
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

/**
 * The floor under the API's figure: the same reference making the first intake's calls, in the
 * same order, with no code of the product's: the settings, the email's records and the active
 * coaches read at once; the email limits' transaction; the client's (the items an intake writes);
 * one SendEmail through the same signed caller. What the API takes beyond it is the product's code.
 */
const FLOOR = `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { AwsCaller } from "@coachflow/core/adapters/aws/index";
import { SES_V2 } from "@coachflow/core/adapters/ses/service";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));
const ses = new AwsCaller({ service: SES_V2, region: process.env.AWS_REGION ?? "us-east-1", credentials: defaultProvider(), endpoint: process.env.SES_ENDPOINT });
const TableName = process.env.TABLE_NAME;
const app = new Hono();
app.post("/v1/intake", async (c) => {
  const body = await c.req.json();
  const id = crypto.randomUUID();
  const [, , coaches] = await Promise.all([
    doc.send(new GetCommand({ TableName, Key: { pk: "PROGRAM", sk: "SETTINGS" } })),
    doc.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: [{ pk: "FLOOR#" + body.email, sk: "INTAKE" }, { pk: "FLOOR#" + body.email, sk: "SUPPRESSED" }] } } })),
    doc.send(new QueryCommand({ TableName, IndexName: "gsi2", KeyConditionExpression: "gsi2pk = :p", ExpressionAttributeValues: { ":p": "COACHES#ACTIVE" } })),
  ]);
  const window = Math.floor(Date.now() / 3600000);
  await doc.send(new TransactWriteCommand({ TransactItems: ["address-hour", "address-day", "ip-hour"].map((k) => ({
    Update: { TableName, Key: { pk: "FLOOR#RATE#" + k + "#" + body.email, sk: String(window) }, UpdateExpression: "ADD #n :one", ConditionExpression: "attribute_not_exists(#n) OR #n < :limit", ExpressionAttributeNames: { "#n": "count" }, ExpressionAttributeValues: { ":one": 1, ":limit": 1000000 } },
  })) }));
  const item = { ...body, id, matches: (coaches.Items ?? []).slice(0, 3).map((c) => c.id) };
  await doc.send(new TransactWriteCommand({ TransactItems: [
    { Put: { TableName, Item: { pk: "FLOOR#" + id, sk: "PROFILE", ...item }, ConditionExpression: "attribute_not_exists(pk)" } },
    { Put: { TableName, Item: { pk: "FLOOR#" + body.email, sk: "INTAKE", clientId: id } } },
    { Put: { TableName, Item: { pk: "FLOOR#" + id, sk: "EMAIL#1", kind: "coach-recommendations" } } },
    { Update: { TableName, Key: { pk: "FLOOR#FIGURES", sk: "SHARD#" + (window % 8) }, UpdateExpression: "ADD matched :one", ExpressionAttributeValues: { ":one": 1 } } },
  ] }));
  await ses.call({ method: "POST", path: "/v2/email/outbound-emails", idempotent: false, body: {
    FromEmailAddress: "floor@example.com", Destination: { ToAddresses: [body.email] },
    Content: { Simple: { Subject: { Data: "Your coaches" }, Body: { Text: { Data: JSON.stringify(item.matches) } } } },
  } });
  return c.json({ clientId: id }, 201);
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

/** One row of the table: a bundle, the Node flags its processes start with, its request. */
interface Row {
  label: string;
  file: string;
  flags: string[];
  event: (run: number) => unknown;
  ok: (o: FreshInvocation["outcome"]) => boolean;
  /** The label of the reference row it is compared with (the same flags). */
  reference?: string;
  /** A row measured beside the targets, with no target of its own (the floor). */
  untargeted?: true;
}

const REFERENCE_LABEL = "reference (Hono + DynamoDB client, one GetItem)";
const API_LABEL = "api: cold start + first intake";
const FLOOR_LABEL = "floor: the reference making the intake's calls (no product code)";
const DISPATCHER_LABEL = "dispatcher: cold start + first reminder firing";

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
  const env = {
    ...stack.env,
    // Every intake comes from the same address (127.0.0.1): the per-address limit of 60 an hour
    // (decision 0032) would refuse the 61st, which BENCH_RUNS=30 with one BENCH_COMPARE reaches.
    RATE_LIMIT_IP_PER_HOUR: "1000000",
    ...(process.env.BENCH_DEBUG ? { LOG_LEVEL: "debug" } : {}),
  };
  try {
    // BENCH_COMPARE=<dir>[,<dir>…]: bundles built elsewhere (e.g. another commit's, by
    // buildBundles) run beside these, interleaved, so that a change is measured before and after
    // in one run. BENCH_COMPARE_FLAGS=<flags>[,<flags>…]: the reference and these bundles run
    // again, each time with these Node flags, and are compared with the reference started with
    // the same flags (e.g. the heap flags Lambda's own bootstrap starts node with; performance.md).
    const compared = process.env.BENCH_COMPARE?.split(",").filter(Boolean) ?? [];
    const flagSets = ["", ...(process.env.BENCH_COMPARE_FLAGS?.split(",") ?? [])].map((flags) =>
      flags.split(" ").filter(Boolean),
    );
    const dispatchers = flagSets.length * (1 + compared.length);

    // One booked session per dispatcher run (and one for the warm-up), each with a pending
    // pre-work reminder: the firing the dispatcher's fresh processes answer.
    const start = Math.ceil(clock.now().getTime() / HOUR) * HOUR + 72 * HOUR;
    const sessions = (RUNS + 1) * dispatchers;
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
    const reference = await buildReference(path.join(outdir, "reference"), DEPLOYED_SDK, REFERENCE);
    const floor = await buildReference(path.join(outdir, "floor"), DEPLOYED_SDK, FLOOR);
    const builds = [{ suffix: "", dir: outdir }, ...compared.map((dir) => ({ suffix: `, ${dir}`, dir }))];
    const rows: Row[] = [];
    let nextFiring = 0;
    for (const flags of flagSets) {
      const flagged = flags.length ? `, node ${flags.join(" ")}` : "";
      const referenceLabel = REFERENCE_LABEL + flagged;
      rows.push({
        label: referenceLabel,
        file: path.join(reference.dir, BUNDLE_FILE),
        flags,
        event: () => httpEvent("/"),
        ok: (o) => statusOf(o) === 200,
      });
      rows.push({
        label: FLOOR_LABEL + flagged,
        file: path.join(floor.dir, BUNDLE_FILE),
        flags,
        event: (i) => postJson("/v1/intake", sampleIntake(`bench.cold.floor.${i}.${Date.now()}@example.com`)),
        ok: (o) => statusOf(o) === 201,
        reference: referenceLabel,
        untargeted: true,
      });
      for (const { suffix, dir } of builds) {
        rows.push({
          label: API_LABEL + suffix + flagged,
          file: path.join(dir === outdir ? bundles.api.dir : path.join(dir, "api"), BUNDLE_FILE),
          flags,
          event: (i) =>
            postJson("/v1/intake", sampleIntake(`bench.cold.intake.${i}.${Date.now()}@example.com`)),
          ok: (o) => statusOf(o) === 201,
          reference: referenceLabel,
        });
        const first = nextFiring;
        nextFiring += RUNS + 1;
        rows.push({
          label: DISPATCHER_LABEL + suffix + flagged,
          file: path.join(
            dir === outdir ? bundles.dispatcher.dir : path.join(dir, "dispatcher"),
            BUNDLE_FILE,
          ),
          flags,
          event: (i) => firings[first + i],
          ok: (o) => "returned" in o && (o.returned as { outcome?: string }).outcome === "sent",
          reference: referenceLabel,
        });
      }
    }

    const samples = new Map<Row, FreshInvocation[]>(rows.map((row) => [row, []]));
    // Every other run goes through the rows in reverse order, so that none always runs right
    // after another (DynamoDB Local, the emulators and the file cache warm up between children).
    for (let run = 0; run <= RUNS; run++) {
      for (const row of run % 2 ? [...rows].reverse() : rows) {
        const invocation = await invokeFreshAsync(row.file, row.event(run), env, row.flags);
        if (!row.ok(invocation.outcome)) {
          throw new Error(
            `${row.label}: unexpected answer ${JSON.stringify(invocation.outcome).slice(0, 300)}`,
          );
        }
        // The first run warms the file cache and DynamoDB Local; it is checked, not counted.
        if (run > 0) samples.get(row)!.push(invocation);
      }
    }
    const median = (row: Row, key: "importMs" | "firstAnswerMs" | "cpuMs") =>
      quantile(
        samples
          .get(row)!
          .map((s) => s[key])
          .sort((a, b) => a - b),
        0.5,
      );
    const round = (ms: number) => Math.round(ms * 100) / 100;
    return rows.map((row) => {
      const reference = rows.find((r) => r.label === (row.reference ?? row.label))!;
      const whole = median(row, "firstAnswerMs");
      const yardstick = median(reference, "firstAnswerMs");
      const metrics = {
        "import p50 ms": round(median(row, "importMs")),
        "import + 1st real answer p50 ms": round(whole),
        "× reference": round(whole / yardstick),
        // The same processes' CPU time: a check on the wall times when the machine is busy.
        "cpu p50 ms": round(median(row, "cpuMs")),
        "cpu × reference": round(median(row, "cpuMs") / median(reference, "cpuMs")),
      };
      if (!row.reference || row.untargeted) return { name: row.label, metrics };
      return {
        name: row.label,
        metrics,
        target: `≤ ${MAX_RATIO}× reference`,
        pass: whole / yardstick <= MAX_RATIO,
      };
    });
  } finally {
    await stack.stop();
  }
}
