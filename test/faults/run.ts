import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { CLAIM_LEASE_MS } from "../../packages/core/src/adapters/dynamodb/send-ledger";
import { signCalcom, signCalendly } from "../../packages/core/src/webhooks/signatures";
import { FAULT_KINDS, type FaultKind, type FaultRates, type Service } from "./fault-proxy";
import {
  FAULT_ADMIN_TOKEN,
  FAULT_CALCOM_SECRET,
  FAULT_CALENDLY_KEY,
  type FaultStack,
  startFaultStack,
} from "./fault-stack";
import { checkInvariants, type Firing, type InvariantReport } from "./invariants";
import { SeededRandom } from "./seeded-random";
import { buildWorkload, type ProviderDelivery } from "./workload";

/*
 * One fault run (issue 9, "Faults survived, measured"): booking deliveries and schedule firings
 * through the fault proxies, then heal, replay what the delivery log shows as failed, redrive
 * the firings that failed every attempt, and check the invariants (invariants.ts).
 */

/** About one request in eight meets a fault; one in sixteen fails. */
export const DEFAULT_RATES: FaultRates = {
  "drop-before": 0.015,
  "drop-after": 0.015,
  "error-500": 0.01,
  "error-503": 0.01,
  throttle: 0.015,
  latency: 0.06,
};

export interface FaultRunOptions {
  seed: number;
  dynamoEndpoint: string;
  sesEndpoint: string;
  deliveries?: number;
  duplicateShare?: number;
  firings?: number;
  /** Share of dispatcher runs cut after their k-th AWS call. */
  killShare?: number;
  /** Deliveries in flight at once, as a provider sends them. */
  concurrency?: number;
  rates?: FaultRates;
  /** Where to write the application's log lines (ids only), to trace a violation. */
  logFile?: string;
}

export interface FaultRunReport {
  seed: number;
  durationMs: number;
  phasesMs: { deliveries: number; firings: number };
  chains: number;
  deliveries: { sent: number; duplicates: number; byStatus: Record<string, number> };
  replays: { failedInLog: number; replayed: number; rounds: number; stillFailed: number };
  firings: {
    schedules: number;
    fired: number;
    runs: number;
    killedRuns: number;
    failedRuns: number;
    deadLettered: number;
    redriven: number;
  };
  injected: Record<Service, Record<FaultKind, number>>;
  requests: Record<Service, number>;
  /** DynamoDB SDK retries (requests with `amz-sdk-request: attempt=n`, n > 1). */
  dynamoSdkRetries: number;
  /** Calls cut because their dispatcher run was killed. */
  cutByKill: number;
  invariants: InvariantReport;
}

/** Runs `work` over `items` with at most `concurrency` at once. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

interface Answer {
  status: number;
  deliveryId?: string;
  sessionId?: string;
}

async function answerOf(res: Response): Promise<Answer> {
  const body = (await res.json().catch(() => ({}))) as { deliveryId?: string; sessionId?: string };
  return { status: res.status, deliveryId: body.deliveryId, sessionId: body.sessionId };
}

async function deliver(stack: FaultStack, d: ProviderDelivery): Promise<Answer> {
  const raw = JSON.stringify(d.body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (d.provider === "calendly") {
    const t = Math.floor(stack.clock.now().getTime() / 1000);
    headers["calendly-webhook-signature"] = signCalendly(raw, FAULT_CALENDLY_KEY, t);
  } else {
    headers["x-cal-signature-256"] = signCalcom(raw, FAULT_CALCOM_SECRET);
  }
  return answerOf(
    await stack.app.request(`/v1/webhooks/${d.provider}`, { method: "POST", headers, body: raw }),
  );
}

const admin = { authorization: `Bearer ${FAULT_ADMIN_TOKEN}` };

/** Every delivery the log shows as failed (all pages). */
async function failedDeliveries(stack: FaultStack): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const query = `status=failed&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await stack.app.request(`/v1/webhook-deliveries?${query}`, { headers: admin });
    if (res.status !== 200) throw new Error(`listing failed deliveries answered ${res.status}`);
    const page = (await res.json()) as { items: { id: string }[]; cursor?: string };
    ids.push(...page.items.map((d) => d.id));
    cursor = page.cursor;
  } while (cursor);
  return ids;
}

/** Lambda's asynchronous invocation: the first attempt and 2 retries, then the dead-letter queue. */
const LAMBDA_ASYNC_ATTEMPTS = 3;

export async function runFaultScenario(opts: FaultRunOptions): Promise<FaultRunReport> {
  const t0 = performance.now();
  const random = new SeededRandom(opts.seed);
  const runTag = `${opts.seed.toString(36)}${randomUUID().slice(0, 4)}`;
  const stack = await startFaultStack({
    dynamoEndpoint: opts.dynamoEndpoint,
    sesEndpoint: opts.sesEndpoint,
    tableName: `faults-${runTag}`,
    random: random.fork(100),
    rates: opts.rates ?? DEFAULT_RATES,
  });
  try {
    const base = Math.ceil(stack.clock.now().getTime() / 3600_000) * 3600_000;
    const { chains, deliveries } = buildWorkload(random.fork(200), {
      deliveries: opts.deliveries ?? 300,
      duplicateShare: opts.duplicateShare ?? 0.3,
      runTag,
      base,
    });
    await stack.prepare(chains);

    // 1. The deliveries, through the faults. A provider that gets a 5xx may deliver again; here it
    //    does not, so what failed is recovered from the delivery log alone.
    //    Every schedule that was pending at some point is kept: the Scheduler may fire one before
    //    a later delivery moves or deletes it, so stale firings are among the firings below.
    const byStatus: Record<string, number> = {};
    const everPending = new Map<string, Firing & { at: string }>();
    // Every session an answer named, by chain: a session merged away later still had emails.
    const sessionsOfChain = new Map<number, Set<string>>(chains.map((c) => [c.index, new Set()]));
    const chainOfDelivery = new Map<string, number>();
    const noteAnswer = (chain: number, answer: Answer) => {
      if (answer.sessionId) sessionsOfChain.get(chain)?.add(answer.sessionId);
      if (answer.deliveryId) chainOfDelivery.set(answer.deliveryId, chain);
    };
    const phaseStart = performance.now();
    await pool(deliveries, opts.concurrency ?? 8, async (d) => {
      const answer = await deliver(stack, d);
      noteAnswer(d.chain, answer);
      byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
      for (const s of stack.scheduler.pendingSchedules())
        everPending.set(`${s.name}|${s.input}`, { name: s.name, input: s.input, at: s.at });
    });

    // 2. The schedule firings, through the faults, in time order, each fired 1–3 times (the
    //    Scheduler delivers at least once). A run that throws is run again as Lambda's async
    //    retries would, then dead-lettered. The firings happen without moving the program clock:
    //    the dispatcher acts on the state it reads, not on the time (sessions are weeks away).
    const deliveriesMs = performance.now() - phaseStart;
    const firingStart = performance.now();
    const fireRandom = random.fork(300);
    const firings: Firing[] = fireRandom
      .shuffle([...everPending.values()])
      .slice(0, opts.firings ?? 200)
      .sort((a, b) => a.at.localeCompare(b.at) || a.name.localeCompare(b.name))
      .map(({ name, input }) => ({ name, input }));
    const counts = { fired: 0, runs: 0, killedRuns: 0, failedRuns: 0 };
    const killedRuns = new Set<number>();
    const deadLetters: Firing[] = [];
    const killShare = opts.killShare ?? 0.2;
    for (const firing of firings) {
      const copies = fireRandom.int(1, 3);
      for (let copy = 0; copy < copies; copy++) {
        counts.fired++;
        let done = false;
        for (let attempt = 1; attempt <= LAMBDA_ASYNC_ATTEMPTS && !done; attempt++) {
          counts.runs++;
          const kill = fireRandom.chance(killShare);
          const cutBefore = stack.killer.cut;
          if (kill) stack.killer.arm(fireRandom.int(1, 6));
          try {
            await stack.dispatcher(firing.input);
            done = true;
          } catch {
            counts.failedRuns++;
          } finally {
            stack.killer.disarm();
          }
          if (stack.killer.cut > cutBefore) {
            counts.killedRuns++;
            killedRuns.add(stack.killer.lastRun);
            // Killed: whatever the run did after its k-th call never happened, success or not.
            done = false;
          }
        }
        if (!done) deadLetters.push(firing);
      }
    }

    const firingsMs = performance.now() - firingStart;
    // 3. Heal; let the claims of killed runs expire (their lease), as they would by the next retry.
    stack.heal();
    stack.clock.advanceBy(CLAIM_LEASE_MS + 60_000);

    // 4. Replay what the delivery log shows as failed, until it shows none (a few rounds at most).
    const failedInLog = (await failedDeliveries(stack)).length;
    let replayed = 0;
    let rounds = 0;
    for (let failed = await failedDeliveries(stack); failed.length > 0 && rounds < 5; rounds++) {
      for (const id of failed) {
        replayed++;
        const answer = await answerOf(
          await stack.app.request(`/v1/webhook-deliveries/${id}/replay`, { method: "POST", headers: admin }),
        );
        const chain = chainOfDelivery.get(id);
        if (chain !== undefined) noteAnswer(chain, answer);
      }
      failed = await failedDeliveries(stack);
    }
    const stillFailed = (await failedDeliveries(stack)).length;

    // 5. Redrive the dead-lettered firings (an operator's DLQ redrive), each once.
    let redriven = 0;
    for (const firing of deadLetters) {
      redriven++;
      await stack.dispatcher(firing.input).catch(() => undefined);
    }

    if (opts.logFile) writeFileSync(opts.logFile, `${stack.logs.join("\n")}\n`);
    const invariants = await checkInvariants(stack, {
      chains,
      firings,
      sessionsOfChain,
      killedRuns,
      dynamoEndpoint: opts.dynamoEndpoint,
    });
    const services = Object.keys(stack.proxies) as Service[];
    const proxy = (s: Service) => stack.proxies[s];
    return {
      seed: opts.seed,
      durationMs: Math.round(performance.now() - t0),
      phasesMs: { deliveries: Math.round(deliveriesMs), firings: Math.round(firingsMs) },
      chains: chains.length,
      deliveries: {
        sent: deliveries.length,
        duplicates: deliveries.filter((d) => d.duplicate).length,
        byStatus,
      },
      replays: { failedInLog, replayed, rounds, stillFailed },
      firings: {
        schedules: firings.length,
        ...counts,
        deadLettered: deadLetters.length,
        redriven,
      },
      injected: Object.fromEntries(services.map((s) => [s, { ...proxy(s).counts.injected }])) as Record<
        Service,
        Record<FaultKind, number>
      >,
      requests: Object.fromEntries(services.map((s) => [s, proxy(s).counts.requests])) as Record<
        Service,
        number
      >,
      dynamoSdkRetries: proxy("dynamodb").counts.sdkRetries,
      cutByKill: stack.killer.cut,
      invariants,
    };
  } finally {
    await stack.stop();
  }
}

/** Faults injected of one kind, all services together. */
export const injectedOf = (report: FaultRunReport, kind: FaultKind) =>
  Object.values(report.injected).reduce((sum, byKind) => sum + byKind[kind], 0);

export { FAULT_KINDS };
