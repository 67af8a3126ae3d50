import { performance } from "node:perf_hooks";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { countCalls } from "../packages/core/src/adapters/dynamodb/call-counter";
import { signCalendly } from "../packages/core/src/webhooks/signatures";
import { sampleIntake } from "../packages/local/src/demo/intake";
import { calendlyCreated } from "./calendly";
import { startBenchStack } from "./local-stack";
import { type BenchResult, ms, quantile } from "./result";

const DELIVERIES = 400;
const CONCURRENCY = 16;
/** Deliveries (and puts) before the timed run, to warm the JIT, the SDK and DynamoDB Local. */
const WARMUP = 32;
const SIGNING_KEY = "bench-calendly-signing-key-0123456789";
const HOUR = 3600_000;

/** Runs `work(i)` for i in [0, count) with at most `concurrency` in flight; returns each one's ms. */
async function pool(count: number, concurrency: number, work: (i: number) => Promise<void>) {
  const latencies = new Float64Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await work(i);
      latencies[i] = performance.now() - t0;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: count / seconds, sorted: [...latencies].sort((a, b) => a - b) };
}

/**
 * Booking-webhook throughput end to end (signature, parse, booking chain, session, schedules,
 * emails, delivery log) against DynamoDB Local, the SES emulator and the local Scheduler, next to a
 * bare PutItem loop against the same DynamoDB Local: the ratio says how much of DynamoDB Local's
 * capacity one webhook takes. Half the bookings come from pre-made intake clients (token in the
 * link), half from people who never applied (a client is created).
 */
export async function benchWebhooks(): Promise<BenchResult[]> {
  const { deps, app, clock, env, stop } = await startBenchStack("bench-webhooks", {
    LINK_SIGNING_SECRET: "bench-link-secret-0123456789",
    CALENDLY_SIGNING_KEY: SIGNING_KEY,
    CALCOM_WEBHOOK_SECRET: "bench-calcom-secret-0123456789",
  });
  try {
    // Pre-made intake clients, one per token booking, and the bodies of every delivery.
    const total = WARMUP + DELIVERIES;
    const tokens: (string | undefined)[] = new Array(total);
    await pool(total, CONCURRENCY, async (i) => {
      if (i % 2 === 0) return;
      // Each client from an IP of their own, as people apply: the email limits count per IP (0032).
      const res = await app.request(
        "/v1/intake",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(sampleIntake(`bench.intake.${i}@example.com`)),
        },
        { incoming: { socket: { remoteAddress: `10.${i >> 8}.${i & 255}.1` } } },
      );
      const body = (await res.json()) as { matches?: { bookingUrl: string }[] };
      const url = body.matches?.[0] ? new URL(body.matches[0].bookingUrl) : undefined;
      const token =
        url?.searchParams.get("utm_content") ?? url?.searchParams.get("metadata[coachflow]") ?? undefined;
      if (!token) throw new Error(`intake ${i} answered ${res.status} without a booking token`);
      tokens[i] = token;
    });
    const base = Math.ceil(clock.now().getTime() / HOUR) * HOUR + 72 * HOUR;
    const bodies = Array.from({ length: total }, (_, i) =>
      calendlyCreated(i, {
        email: tokens[i] ? `bench.intake.${i}@example.com` : `bench.walkin.${i}@example.com`,
        ...(tokens[i] ? { token: tokens[i] } : {}),
        start: base + i * HOUR,
      }),
    );
    const deliver = async (i: number) => {
      const raw = bodies[i]!;
      const t = Math.floor(clock.now().getTime() / 1000);
      const res = await app.request("/v1/webhooks/calendly", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "calendly-webhook-signature": signCalendly(raw, SIGNING_KEY, t),
        },
        body: raw,
      });
      const answer = (await res.json()) as { outcome?: string };
      if (res.status !== 200 || answer.outcome !== "processed") {
        throw new Error(`delivery ${i} answered ${res.status} ${answer.outcome ?? ""}`);
      }
    };

    const counter = countCalls(deps.aws.dynamodb);
    await pool(WARMUP, CONCURRENCY, (i) => deliver(i));
    counter.reset();
    const webhooks = await pool(DELIVERIES, CONCURRENCY, (i) => deliver(WARMUP + i));
    const callsPerWebhook = counter.total() / DELIVERIES;

    // A bare PutItem loop, same table, items about as large as one delivery's body.
    const itemBytes = Math.round(bodies.reduce((sum, b) => sum + b.length, 0) / bodies.length);
    const filler = "x".repeat(itemBytes);
    const doc = DynamoDBDocumentClient.from(deps.aws.dynamodb);
    const put = (i: number) =>
      doc.send(
        new PutCommand({
          TableName: env.TABLE_NAME,
          Item: { pk: `BENCH#${i}`, sk: "PUT", payload: filler },
        }),
      );
    await pool(WARMUP, CONCURRENCY, async (i) => {
      await put(-1 - i);
    });
    const puts = await pool(DELIVERIES, CONCURRENCY, async (i) => {
      await put(i);
    });

    const ratio = Math.round((webhooks.perSecond / puts.perSecond) * 1000) / 1000;
    return [
      {
        name: `Calendly invitee.created, ${DELIVERIES} deliveries, concurrency ${CONCURRENCY}`,
        metrics: {
          "per second": Math.round(webhooks.perSecond * 10) / 10,
          "p50 ms": ms(quantile(webhooks.sorted, 0.5)),
          "p99 ms": ms(quantile(webhooks.sorted, 0.99)),
          "DynamoDB calls each": Math.round(callsPerWebhook * 100) / 100,
          "webhook/put": ratio,
        },
      },
      {
        name: `PutItem of ~${itemBytes} B, ${DELIVERIES} items, concurrency ${CONCURRENCY}`,
        metrics: {
          "per second": Math.round(puts.perSecond * 10) / 10,
          "p50 ms": ms(quantile(puts.sorted, 0.5)),
          "p99 ms": ms(quantile(puts.sorted, 0.99)),
          "DynamoDB calls each": 1,
        },
      },
    ];
  } finally {
    await stop();
  }
}
