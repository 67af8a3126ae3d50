import { performance } from "node:perf_hooks";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { sessionItem } from "../packages/core/src/adapters/dynamodb/booking-store";
import { countCalls } from "../packages/core/src/adapters/dynamodb/call-counter";
import { keys } from "../packages/core/src/adapters/dynamodb/keys";
import type { Client } from "../packages/core/src/clients/model";
import type { ActionItem } from "../packages/core/src/followups/model";
import { newId } from "../packages/core/src/ids";
import type { Session } from "../packages/core/src/sessions/model";
import { sessionCookie } from "../packages/core/src/web-auth/session-claim";
import { startWebSession } from "../packages/core/src/web-auth/web-sessions";
import { buildDeps, createApp, loadConfig } from "../packages/functions/src";
import { bootstrapResources } from "../packages/local/src/bootstrap";
import { DEMO_COACHES } from "../packages/local/src/demo/coaches";
import { sampleIntake } from "../packages/local/src/demo/intake";
import { seedDemoCoaches } from "../packages/local/src/demo/seed";
import { startDynamoDbLocal } from "../packages/local/src/emulators/dynamodb-local";
import { freePort } from "../packages/local/src/emulators/ports";
import { startSesLocal } from "../packages/local/src/emulators/ses-local";
import { type BenchResult, ms, quantile } from "./result";

const SESSIONS = 500;
const CLIENTS = 200;
const RUNS = 200;
const WARMUP = 20;
const DAY = 86_400_000;
const TARGET_P95_MS = 50;
const TARGET_CALLS = 3;

async function writeAll(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length > 0) {
      const res = await doc.send(new BatchWriteCommand({ RequestItems: request }));
      request = res.UnprocessedItems as typeof request;
    }
  }
}

/**
 * Page render time of the coach workspace, in process (`app.request()`, HTML included) against
 * DynamoDB Local, for a coach with 500 sessions over 200 clients, and the DynamoDB calls each
 * page makes. Sequential requests, after a warm-up: the time one page takes, not throughput.
 */
export async function benchWorkspace(): Promise<BenchResult[]> {
  process.env.AWS_ACCESS_KEY_ID ??= "local";
  process.env.AWS_SECRET_ACCESS_KEY ??= "local";
  const [dynamo, ses] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal({ port })),
    freePort().then((port) => startSesLocal({ port })),
  ]);
  try {
    const config = loadConfig({
      TABLE_NAME: "bench-workspace",
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
      SCHEDULER_ENDPOINT: "http://127.0.0.1:9",
      LOG_LEVEL: "silent",
      LINK_SIGNING_SECRET: "bench-link-secret-0123456789",
      CALENDLY_SIGNING_KEY: "bench-calendly-signing-key-0123456789",
      CALCOM_WEBHOOK_SECRET: "bench-calcom-secret-0123456789",
      DISPATCHER_ARN: "arn:aws:lambda:us-east-1:000000000000:function:coachflow-bench-dispatcher",
      SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/coachflow-bench-scheduler",
    });
    const deps = buildDeps(config);
    await bootstrapResources(deps);
    await seedDemoCoaches(deps);
    const coach = (await deps.bookings.coaches.findByEmail(DEMO_COACHES[0]!.input.email))!;
    const doc = DynamoDBDocumentClient.from(deps.aws.dynamodb, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const now = Date.now();
    const at = (ms: number) => new Date(ms).toISOString();

    const clients: Client[] = Array.from({ length: CLIENTS }, (_, i) => {
      const { consent: _c, ...intake } = sampleIntake(`bench.ws.${i}@example.com`);
      return {
        ...intake,
        preferences: { ...intake.preferences, style: "supportive" as const, cadence: "biweekly" as const },
        seniority: "lead" as const,
        id: newId("client", now - i),
        status: "matched",
        matches: [],
        answersHash: `h${i}`,
        matchedBy: "matcher",
        smartGoals: [
          {
            text: "Delegate reviews",
            measure: "Half by teammates",
            targetDate: at(now + 20 * DAY).slice(0, 10),
          },
        ],
        createdAt: at(now - 300 * DAY),
        updatedAt: at(now - 300 * DAY),
        version: 1,
      } as Client;
    });
    // 500 sessions over the past ~200 days and the next ~50; those in the past are finished.
    const sessions: Session[] = Array.from({ length: SESSIONS }, (_, i) => {
      const client = clients[i % CLIENTS]!;
      const start = now - 200 * DAY + Math.floor(i * ((250 * DAY) / SESSIONS));
      const nth = Math.floor(i / CLIENTS);
      const past = start + 3_600_000 < now;
      return {
        id: newId("session", start),
        clientId: client.id,
        coachId: coach.id,
        kind: nth === 0 ? "intro" : "starter",
        ...(nth === 0 ? {} : { number: nth }),
        startsAt: at(start),
        endsAt: at(start + 3_600_000),
        status: past ? "finished" : "scheduled",
        provider: "calendly",
        bookingId: `BENCH${i}`,
        ...(past
          ? {
              finish: {
                finishedAt: at(start + 3_700_000),
                takeaways: ["Delegation starts with the review queue", "Speak first in planning"],
                next: { type: "recurring" as const, cadence: "biweekly" as const },
                actionItemIds: [],
              },
            }
          : {}),
        createdAt: at(start - DAY),
        updatedAt: at(start - DAY),
        version: 1,
      } as Session;
    });
    const items: ActionItem[] = sessions
      .filter((s) => s.status === "finished")
      .map((s, i) => ({
        id: newId("actionItem", Date.parse(s.startsAt)),
        clientId: s.clientId,
        coachId: coach.id,
        sessionId: s.id,
        text: `Action ${i}`,
        dueDate: at(Date.parse(s.startsAt) + 7 * DAY).slice(0, 10),
        done: i % 3 === 0,
        createdAt: s.endsAt,
        updatedAt: s.endsAt,
        version: 1,
      }));
    await writeAll(doc, config.tableName, [
      ...clients.map((c) => ({ ...keys.client(c.id), ...keys.clientListing(c.id), type: "client", ...c })),
      ...sessions.map((s) => sessionItem(s)),
      ...items.map((a) => ({
        ...keys.actionItem(a.id),
        ...keys.clientActionItems(a.clientId, a.dueDate, a.id),
        ...(a.done ? {} : keys.coachOpenActionItems(a.coachId, a.dueDate, a.id)),
        type: "actionItem",
        ...a,
      })),
    ]);

    const { auth } = await deps.web();
    const id = await startWebSession({ store: auth, wallClock: deps.wallClock }, coach);
    const app = createApp(deps);
    const headers = { cookie: `cf_session=${sessionCookie({ secret: config.linkSecret }, coach.id, id)}` };
    const upcoming = sessions.find((s) => s.status === "scheduled" && s.kind === "starter")!;
    const intro = sessions.find((s) => s.kind === "intro")!;
    const pages = [
      { name: "home (/app)", path: "/app" },
      { name: "session page, starter", path: `/app/sessions/${upcoming.id}` },
      { name: "session page, intro", path: `/app/sessions/${intro.id}` },
      { name: "finish form", path: `/app/sessions/${upcoming.id}/finish` },
      { name: "client page", path: `/app/clients/${upcoming.clientId}` },
    ];
    const counter = countCalls(deps.aws.dynamodb);
    const results: BenchResult[] = [];
    for (const page of pages) {
      const get = async () => {
        const res = await app.request(page.path, { headers });
        if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
        return res.text();
      };
      for (let i = 0; i < WARMUP; i++) await get();
      counter.reset();
      const bytes = (await get()).length;
      const calls = counter.total();
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await get();
        samples.push(performance.now() - t0);
      }
      samples.sort((a, b) => a - b);
      const p95 = quantile(samples, 0.95);
      results.push({
        name: `${page.name}, ${SESSIONS} sessions, ${CLIENTS} clients`,
        metrics: {
          p50: ms(quantile(samples, 0.5)),
          p95: ms(p95),
          "DynamoDB calls": calls,
          "HTML bytes": bytes,
        },
        target: `p95 ≤ ${TARGET_P95_MS} ms, ≤ ${TARGET_CALLS} calls`,
        pass: p95 <= TARGET_P95_MS && calls <= TARGET_CALLS,
      });
    }
    deps.aws.dynamodb.destroy();
    return results;
  } finally {
    await Promise.all([dynamo.stop(), ses.stop()]);
  }
}
