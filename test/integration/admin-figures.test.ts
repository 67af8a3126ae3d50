import { randomUUID } from "node:crypto";
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { clientWrites } from "@coachflow/core/adapters/dynamodb/client-writes";
import { DynamoDeliveryLog } from "@coachflow/core/adapters/dynamodb/delivery-log";
import { DynamoSuppressions } from "@coachflow/core/adapters/dynamodb/suppression";
import { correlationToken } from "@coachflow/core/bookings/correlation";
import type { Client } from "@coachflow/core/clients/model";
import { newId } from "@coachflow/core/ids";
import { linkUrl, signLink } from "@coachflow/core/links/signed-links";
import { failedSince } from "@coachflow/core/webhooks/deliveries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FIGURE_NAMES,
  type FigureName,
  sumShards,
} from "../../packages/core/src/adapters/dynamodb/figure-sums";
import { keys } from "../../packages/core/src/adapters/dynamodb/keys";
import { queryPages } from "../../packages/core/src/adapters/dynamodb/reads";
import { countPartition, recountFigures } from "../../packages/core/src/adapters/dynamodb/recount";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  asAdmin,
  bookByWebhook,
  finishAsCoach,
  HOUR,
  MINUTE,
  moveTo,
  type TestCoach,
} from "../support/coaching";
import { call, intakeBody } from "../support/requests";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { signInAsAdmin, webBrowser } from "../support/web";
import { calendlyCreated, deliver } from "../support/webhooks";

/** A client's profile item as the intake stores it (read back), to write again without its list. */
async function applyLegacyClient(s: TestStack): Promise<Record<string, unknown>> {
  const res = await call(s.app, "POST", "/v1/intake", intakeBody(uniqueEmail("legacy")));
  const got = await s.deps.aws.doc.send(
    new GetCommand({ TableName: s.deps.config.tableName, Key: keys.client(res.body.clientId) }),
  );
  // Its list entry removed by hand, and its count with it: as if written before either existed.
  await s.deps.aws.doc.send(
    new UpdateCommand({
      TableName: s.deps.config.tableName,
      Key: { pk: "FIGURES", sk: "SHARD#0" },
      UpdateExpression: "ADD #p :minus",
      ExpressionAttributeNames: { "#p": String(got.Item!.gsi3pk).slice("CLIENTS#".length) },
      ExpressionAttributeValues: { ":minus": -1 },
    }),
  );
  const { gsi3pk: _p, gsi3sk: _s, ...rest } = got.Item!;
  return rest;
}

/**
 * The console's counters (decision 0035) against the index they count: after every step of a
 * random sequence of the writes that move clients between phases or suppress addresses, each
 * counter equals the `Select: COUNT` of its gsi3 partition. Every step goes the way the outside
 * world drives the service (the intake, the admin API, signed webhooks and links, the SES events'
 * store); one step in four is sent twice at once (a double click, a provider's retry racing the
 * first delivery). The sequence comes from a fixed seed (`FIGURES_SEED` runs another, printed on
 * failure).
 */
const SEED = Number(process.env.FIGURES_SEED ?? 20261203);
const STEPS = Number(process.env.FIGURES_STEPS ?? 60);
const SECRET = "test-link-secret-0123456789";
const ADMIN = uniqueEmail("figures-admin");
/**
 * The dashboard's DynamoDB calls at any size (admin-console.test.ts pins the same on a few
 * items): the web session; the counters (one Query of their shards); the longest waiting client
 * (Limit 1); sessions this week (scheduled, finished: a week's range); meetings not finished
 * (the range before the cutoff of scheduled ones); unverified bookings waiting (gsi2).
 */
const DASHBOARD = ["GetItem", ...Array<string>(6).fill("Query")];

let stack: TestStack;
let broken: TestStack;
let coaches: TestCoach[];
/** A coach nobody is matched with: a client's address booked with them is an unverified booking. */
let stranger: TestCoach;

beforeAll(async () => {
  const env = { TABLE_NAME: `test-${randomUUID()}`, RATE_LIMIT_IP_PER_HOUR: "100000", ADMIN_EMAILS: ADMIN };
  stack = await startTestStack({ env, clock: new LocalClock({ startAt: "2031-05-05T08:00:00Z" }) });
  // Sends no email: its SES endpoint is a closed port, so a booking's delivery there fails after
  // the booking is written. Shares the table and the program's clock.
  broken = await startTestStack({
    env: { ...env, SES_ENDPOINT: "http://127.0.0.1:9" },
    createTable: false,
    clock: stack.clock,
  });
  coaches = [await addCoach(stack, { capacity: 50 }), await addCoach(stack, { capacity: 50, name: "Bea Q" })];
  stranger = await addCoach(stack, { name: "Sam Stranger", languages: ["ja"], capacity: 50 });
});
afterAll(async () => {
  await stack.scheduler.stop();
  await broken.scheduler.stop();
});

/**
 * A client who applied and booked their matched coach through their link, `hoursAhead` from the
 * clock: the intake, the booking and its delivery in the log.
 */
async function appliedAndBooked(label: string, hoursAhead: number) {
  const email = uniqueEmail(label);
  const { clientId } = await call(stack.app, "POST", "/v1/intake", intakeBody(email)).then((r) => r.body);
  const start = Math.ceil((stack.clock.now().getTime() + hoursAhead * HOUR) / MINUTE) * MINUTE;
  const { sessionId, deliveryId } = await bookByWebhook(stack, {
    coach: coaches[0]!,
    email,
    start,
    token: correlationToken(clientId, coaches[0]!.id, SECRET),
  });
  return { email, clientId: clientId as string, sessionId, deliveryId };
}

/**
 * A replay of the delivery that failed, logged with its session (where an erasure finds it),
 * counted: answers the failed figure before it.
 */
async function failedReplay(deliveryId: string, sessionId: string) {
  const stored = (await deliveryLog().get(deliveryId))!;
  const before = (await counted(stack)).counters.failed;
  await deliveryLog().put({
    ...stored,
    outcome: "failed",
    httpStatus: 500,
    attempts: stored.attempts + 1,
    sessionId,
  });
  expect((await counted(stack)).counters.failed).toBe(before + 1);
  return before;
}

const deliveryLog = () => new DynamoDeliveryLog(stack.deps.aws.doc, stack.deps.config.tableName);

/** The counters as the dashboard reads them, and each one's partition counted on the index. */
async function counted(s: TestStack) {
  const db = s.deps.aws.doc;
  const table = s.deps.config.tableName;
  const since = failedSince(s.clock.now());
  const shards = await queryPages(db, {
    TableName: table,
    KeyConditionExpression: "pk = :p",
    ExpressionAttributeValues: { ":p": "FIGURES" },
  });
  const index = {} as Record<FigureName, number>;
  for (const name of FIGURE_NAMES) {
    if (name === "failed") continue;
    const pk =
      name === "suppressed" ? keys.suppressionListing("", "").gsi3pk : keys.clientPhase(name, "", "").gsi3pk;
    index[name] = await countPartition(db, table, pk);
  }
  // Failed deliveries received from the figure's first day on (both providers).
  index.failed = 0;
  for (const provider of ["calendly", "calcom"]) {
    const res = await db.send(
      new QueryCommand({
        TableName: table,
        IndexName: "gsi3",
        KeyConditionExpression: "gsi3pk = :p AND gsi3sk >= :since",
        ExpressionAttributeValues: {
          ":p": keys.deliveriesByProvider("failed", provider, "", "").gsi3pk,
          ":since": since,
        },
        Select: "COUNT",
      }),
    );
    index.failed += res.Count ?? 0;
  }
  return { counters: sumShards(shards, since), index };
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Known {
  id: string;
  email: string;
  /** The sessions booked for them: id, coach, end. */
  sessions: { id: string; coach: TestCoach; end: number; finished?: boolean }[];
  engagementVersion: number;
  engagedWith?: TestCoach;
  erased?: boolean;
}

describe("the console's counters", () => {
  it("equal the index's counts after every step of a random sequence of phase moves, repeated ones included", {
    timeout: 180_000,
  }, async () => {
    const random = prng(SEED);
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
    const clients: Known[] = [];
    const failed: string[] = [];
    const unverified: string[] = [];
    /** Clients with a delivery that failed after their booking was written: erasing one deletes it. */
    const withFailed = new Set<string>();
    const live = () => clients.filter((c) => !c.erased);
    const nextStart = () =>
      Math.ceil((stack.clock.now().getTime() + HOUR + random() * 20 * HOUR) / MINUTE) * MINUTE;

    /** Each step: its name and what it does (answers nothing when it does not apply now). */
    const steps: Record<string, () => (() => Promise<unknown>) | undefined> = {
      intake: () => {
        const email = uniqueEmail("fig");
        // Finnish only: no coach speaks it, so the client waits.
        const waits = random() < 0.4;
        const overrides = waits
          ? {
              preferences: {
                topics: ["delegation"],
                languages: ["fi"],
                style: "supportive",
                cadence: "biweekly",
              },
            }
          : {};
        return async () => {
          const res = await call(stack.app, "POST", "/v1/intake", intakeBody(email, overrides));
          if (res.status === 201 && !clients.some((c) => c.id === res.body.clientId))
            clients.push({ id: res.body.clientId, email, sessions: [], engagementVersion: 0 });
          return res.status;
        };
      },
      override: () => {
        const c = pick(live());
        const coach = pick(coaches);
        if (!c || !coach) return undefined;
        return () => asAdmin(stack, "PUT", `/v1/clients/${c.id}/matches`, { coachIds: [coach.id] });
      },
      book: () => {
        const c = pick(live());
        const coach = pick(coaches);
        if (!c || !coach) return undefined;
        const start = nextStart();
        const token = correlationToken(c.id, coach.id, SECRET);
        const payload = calendlyCreated({
          id: `FG${randomUUID().slice(0, 12).toUpperCase()}`,
          start: new Date(start).toISOString(),
          end: new Date(start + HOUR).toISOString(),
          email: c.email,
          coachEmail: coach.email,
          token,
        });
        return async () => {
          const res = await deliver(stack, "calendly", payload);
          if (res.body?.sessionId && !c.sessions.some((s) => s.id === res.body.sessionId))
            c.sessions.push({ id: res.body.sessionId, coach, end: start + HOUR });
          return res.status;
        };
      },
      walkIn: () => {
        const coach = pick(coaches)!;
        const start = nextStart();
        return () =>
          bookByWebhook(stack, { coach, email: uniqueEmail("walkin"), start }).then((b) => b.sessionId);
      },
      failedDelivery: () => {
        const c = pick(live());
        const coach = pick(coaches)!;
        const start = nextStart();
        const payload = calendlyCreated({
          id: `FD${randomUUID().slice(0, 12).toUpperCase()}`,
          start: new Date(start).toISOString(),
          end: new Date(start + HOUR).toISOString(),
          email: c?.email ?? uniqueEmail("failed"),
          coachEmail: coach.email,
          ...(c ? { token: correlationToken(c.id, coach.id, SECRET) } : {}),
        });
        return async () => {
          const res = await deliver(broken, "calendly", payload);
          if (res.status === 500 && !failed.includes(res.body.deliveryId)) failed.push(res.body.deliveryId);
          if (res.status === 500 && c) withFailed.add(c.id);
          return res.status;
        };
      },
      replay: () => {
        const id = pick(failed);
        if (!id) return undefined;
        return () => asAdmin(stack, "POST", `/v1/webhook-deliveries/${id}/replay`);
      },
      engage: () => {
        const c = pick(live().filter((k) => !k.engagedWith && k.sessions.some((s) => !s.finished)));
        const session = c?.sessions.find((s) => !s.finished);
        if (!c || !session) return undefined;
        return async () => {
          if (stack.clock.now().getTime() < session.end) await moveTo(stack, session.end + MINUTE);
          const res = await finishAsCoach(stack, session.coach.id, session.id, {
            takeaways: [],
            actionItems: [],
            workTogether: true,
            next: { type: "ad-hoc" },
          });
          if (res.status === 200) {
            session.finished = true;
            c.engagedWith = session.coach;
            c.engagementVersion++;
          }
          return res.status;
        };
      },
      end: () => {
        const c = pick(live().filter((k) => k.engagedWith));
        const session = c?.sessions.find((s) => s.coach === c.engagedWith);
        if (!c || !session) return undefined;
        const path = new URL(
          linkUrl(
            "http://x",
            signLink(SECRET, "end", c.id, session.id, stack.clock.now(), c.engagementVersion),
          ),
        ).pathname;
        return async () => {
          const res = await stack.app.request(path, { method: "POST" });
          if (res.status < 400 && c.engagedWith) {
            c.engagedWith = undefined;
            c.engagementVersion++;
          }
          return res.status;
        };
      },
      unverified: () => {
        const c = pick(live());
        if (!c) return undefined;
        const start = nextStart();
        return async () => {
          const b = await bookByWebhook(stack, { coach: stranger, email: c.email, start });
          if (!unverified.includes(b.sessionId)) unverified.push(b.sessionId);
          return b.sessionId;
        };
      },
      link: () => {
        const id = pick(unverified);
        if (!id) return undefined;
        return async () => {
          const res = await asAdmin(stack, "POST", `/v1/unverified-bookings/${id}/link`);
          if (res.status === 200) unverified.splice(unverified.indexOf(id), 1);
          return res;
        };
      },
      reject: () => {
        const id = pick(unverified);
        if (!id) return undefined;
        return async () => {
          const res = await asAdmin(stack, "POST", `/v1/unverified-bookings/${id}/reject`);
          if (res.status === 200) unverified.splice(unverified.indexOf(id), 1);
          return res;
        };
      },
      erase: () => {
        const c = pick(live().filter((k) => withFailed.has(k.id))) ?? pick(live());
        if (!c) return undefined;
        return async () => {
          const res = await asAdmin(stack, "DELETE", `/v1/clients/${c.id}`);
          if (res.status === 200) c.erased = true;
          return res.status;
        };
      },
      suppress: () => {
        const email = pick(clients)?.email ?? uniqueEmail("bounced");
        const store = new DynamoSuppressions(stack.deps.aws.doc, stack.deps.config.tableName);
        return () => store.suppress(email, random() < 0.5 ? "bounce" : "complaint");
      },
    };
    // How often each kind of step comes: bookings and engagements need clients to move.
    const weights: Record<keyof typeof steps, number> = {
      intake: 4,
      override: 2,
      book: 4,
      walkIn: 1,
      failedDelivery: 1,
      replay: 1,
      engage: 3,
      end: 2,
      unverified: 2,
      link: 2,
      reject: 1,
      erase: 1,
      suppress: 1,
    };
    const wheel = Object.entries(weights).flatMap(([name, w]) => Array<string>(w).fill(name));
    const done: string[] = [];
    const seen = new Set<string>();
    // First clients come in, then every kind of step once alone and once twice at once (in an
    // order where each has something to act on), then steps at random.
    const kinds = [
      "override",
      "book",
      "engage",
      "end",
      "walkIn",
      "unverified",
      "reject",
      "unverified",
      "link",
      "failedDelivery",
      "replay",
      "suppress",
      "erase",
      "intake",
    ];
    const plan = [
      ...Array<[string, boolean]>(4).fill(["intake", false]),
      ...kinds.map((k): [string, boolean] => [k, false]),
      ...kinds.map((k): [string, boolean] => [k, true]),
    ];
    for (let n = 0; n < Math.max(STEPS, plan.length); n++) {
      const [name, twice] = plan[n] ?? [pick(wheel)!, random() < 0.25];
      const act = steps[name]!();
      if (!act) continue;
      // A repeat may lose its race (409, a 500 of a lost transaction): what it must not do is count twice.
      await (twice ? Promise.allSettled([act(), act()]) : act());
      done.push(twice ? `${name}×2` : name);
      const { counters, index } = await counted(stack);
      expect(counters, `seed ${SEED}, after ${done.join(", ")}`).toEqual(index);
      for (const [figure, n] of Object.entries(index)) if (n > 0) seen.add(figure);
    }
    // Every kind of step was done, alone and twice at once.
    expect(new Set(done).size, done.join(", ")).toBe(2 * Object.keys(steps).length);
    // Every figure was counted up at some point.
    expect([...seen].sort()).toEqual([...FIGURE_NAMES].sort());
  });

  it("takes a failed delivery of an erased client's session off the count", async () => {
    const { clientId, sessionId, deliveryId } = await appliedAndBooked("erased-failed", 2);
    // A replay of it that failed: the log keeps its session, so the erasure finds it.
    const before = await failedReplay(deliveryId, sessionId);
    expect((await asAdmin(stack, "DELETE", `/v1/clients/${clientId}`)).status).toBe(200);
    const after = await counted(stack);
    expect(after.counters).toEqual(after.index);
    expect(after.counters.failed).toBe(before);
  });

  it("takes a failed delivery of an unverified booking the erased client's address made off the count", async () => {
    const email = uniqueEmail("erased-held-failed");
    const { clientId } = await call(stack.app, "POST", "/v1/intake", intakeBody(email)).then((r) => r.body);
    const start = Math.ceil((stack.clock.now().getTime() + 3 * HOUR) / MINUTE) * MINUTE;
    // With a coach the client is not matched with: held by a profile of its own (decision 0030).
    const { sessionId, deliveryId } = await bookByWebhook(stack, { coach: stranger, email, start });
    expect((await asAdmin(stack, "GET", `/v1/sessions/${sessionId}`)).body.client.id).not.toBe(clientId);
    const before = await failedReplay(deliveryId, sessionId);

    expect((await asAdmin(stack, "DELETE", `/v1/clients/${clientId}`)).status).toBe(200);
    expect(await deliveryLog().get(deliveryId)).toBeUndefined();
    const after = await counted(stack);
    expect(after.counters).toEqual(after.index);
    expect(after.counters.failed).toBe(before);
  });

  it("counts off a delivery that failed after the erasure read it as processed", async () => {
    const { clientId, sessionId, deliveryId } = await appliedAndBooked("erased-late-failed", 7);
    const store = stack.deps.privacyStore;
    const read = (await store.footprint(clientId))!;
    expect(read.deliveries.map((d) => [d.id, d.outcome])).toContainEqual([deliveryId, "processed"]);
    // A replay that failed lands between the erasure's read and its deletes.
    const before = await failedReplay(deliveryId, sessionId);

    await store.erase(read, { clientId, erasedAt: stack.clock.now().toISOString() });
    expect(await deliveryLog().get(deliveryId)).toBeUndefined();
    const after = await counted(stack);
    expect(after.counters).toEqual(after.index);
    expect(after.counters.failed).toBe(before);
  });

  it("erases a client with more failed deliveries than one transaction holds, each counted off", async () => {
    const { clientId, sessionId, deliveryId } = await appliedAndBooked("erased-many-failed", 4);
    // 120 failed replays of its delivery, logged under ids of their own (TransactWriteItems takes 100).
    const log = deliveryLog();
    const stored = (await log.get(deliveryId))!;
    const before = (await counted(stack)).counters.failed;
    const ids = Array.from({ length: 120 }, (_, i) => `${deliveryId}-r${i}`);
    for (const id of ids)
      await log.put({ ...stored, id, outcome: "failed", httpStatus: 500, attempts: 1, sessionId });
    expect((await counted(stack)).counters.failed).toBe(before + 120);

    const res = await asAdmin(stack, "DELETE", `/v1/clients/${clientId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const id of [deliveryId, ...ids.slice(0, 3), ...ids.slice(-3)])
      expect(await log.get(id)).toBeUndefined();
    const after = await counted(stack);
    expect(after.counters).toEqual(after.index);
    expect(after.counters.failed).toBe(before);
    expect((await asAdmin(stack, "GET", `/v1/clients/${clientId}`)).status).toBe(404);
  });

  it("finishes an erasure that stopped half way when it is run again, finding what is left through the sessions", async () => {
    const { clientId, sessionId, deliveryId } = await appliedAndBooked("erased-half-way", 5);
    // More items than one batch of deletes holds: 40 logged deliveries of the session.
    const log = deliveryLog();
    const stored = (await log.get(deliveryId))!;
    const ids = Array.from({ length: 40 }, (_, i) => `${deliveryId}-p${i}`);
    for (const id of ids) await log.put({ ...stored, id, sessionId });

    // The erasure stops after its first batch of deletes has landed (a crash, a timeout).
    const client = stack.deps.aws.dynamodb;
    let stopped = false;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        if (context.commandName === "BatchWriteItemCommand" && !stopped) {
          stopped = true;
          throw new Error("stopped half way");
        }
        return out;
      },
      { step: "initialize", name: "stopHalfWay" },
    );
    try {
      expect((await asAdmin(stack, "DELETE", `/v1/clients/${clientId}`)).status).toBe(500);
    } finally {
      client.middlewareStack.remove("stopHalfWay");
    }
    expect(stopped).toBe(true);

    expect((await asAdmin(stack, "DELETE", `/v1/clients/${clientId}`)).status).toBe(200);
    for (const id of [deliveryId, ...ids]) expect(await log.get(id), id).toBeUndefined();
    expect((await asAdmin(stack, "GET", `/v1/sessions/${sessionId}`)).status).toBe(404);
    const after = await counted(stack);
    expect(after.counters).toEqual(after.index);
  });

  it("recounts from the index, giving profiles written before gsi3 their list, and changes nothing the second time", async () => {
    const db = stack.deps.aws.doc;
    const table = stack.deps.config.tableName;
    // A profile as written before the console's index: no gsi3 entry; and counters that drifted.
    const legacy = await applyLegacyClient(stack);
    await db.send(new PutCommand({ TableName: table, Item: legacy }));
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: "FIGURES", sk: "SHARD#3" },
        UpdateExpression: "ADD matched :n, writes :one",
        ExpressionAttributeValues: { ":n": 7, ":one": 1 },
      }),
    );
    // And a shard no counted write has touched yet, which the recount creates (the second
    // recount then reads it present, with no `writes` of a counted write on it).
    await db.send(new DeleteCommand({ TableName: table, Key: { pk: "FIGURES", sk: "SHARD#6" } }));
    const drifted = await counted(stack);
    expect(drifted.counters).not.toEqual(drifted.index);

    const first = await recountFigures(db, table);
    expect(first.backfilled).toBe(1);
    const now = await counted(stack);
    expect(now.counters).toEqual(now.index);
    expect(first.after).toEqual(now.counters);
    // A shard as a recount before 2026-12-03 evening left one it created: present, no `writes`.
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: "FIGURES", sk: "SHARD#6" },
        UpdateExpression: "REMOVE writes",
      }),
    );
    const second = await recountFigures(db, table);
    expect(second.backfilled).toBe(0);
    expect(second.after).toEqual(second.before);
  });

  it("gives profiles, email records and sessions written before the console the entries its searches and week read", async () => {
    const db = stack.deps.aws.doc;
    const TableName = stack.deps.config.tableName;
    const email = uniqueEmail("legacy-search");
    const name = `Lore Legacy ${randomUUID().slice(0, 6)}`;
    const { clientId } = await call(stack.app, "POST", "/v1/intake", { ...intakeBody(email), name }).then(
      (r) => r.body,
    );
    const start = Math.ceil((stack.clock.now().getTime() + 6 * HOUR) / MINUTE) * MINUTE;
    const { sessionId } = await bookByWebhook(stack, {
      coach: coaches[0]!,
      email,
      start,
      token: correlationToken(clientId, coaches[0]!.id, SECRET),
    });
    // As written before the console: no search entries, no session entry by status.
    const strip = (Key: { pk: string; sk: string }, index: "gsi2" | "gsi3") =>
      db.send(new UpdateCommand({ TableName, Key, UpdateExpression: `REMOVE ${index}pk, ${index}sk` }));
    await strip(keys.client(clientId), "gsi2");
    await strip(keys.clientEmail(email), "gsi2");
    await strip(keys.session(sessionId), "gsi3");
    const browser = webBrowser(stack);
    await signInAsAdmin(stack, browser, ADMIN);
    const search = async (q: string) =>
      (await browser.get(`/admin/clients?q=${encodeURIComponent(q)}`)).text.includes(
        `/admin/clients/${clientId}"`,
      );
    expect(await search(name)).toBe(false);
    expect(await search(email)).toBe(false);

    const first = await recountFigures(db, TableName);
    expect(first.indexed.names).toBeGreaterThanOrEqual(1);
    expect(first.indexed.emails).toBeGreaterThanOrEqual(1);
    expect(first.indexed.sessions).toBeGreaterThanOrEqual(1);
    expect(await search(name)).toBe(true);
    expect(await search(email)).toBe(true);
    const session = await db.send(new GetCommand({ TableName, Key: keys.session(sessionId) }));
    expect(session.Item?.gsi3pk).toBe("SESSIONS#scheduled");
    expect(String(session.Item?.gsi3sk)).toContain(sessionId);
    const second = await recountFigures(db, TableName);
    expect(second.indexed).toEqual({ names: 0, emails: 0, sessions: 0 });
  });

  it("keeps the dashboard at a constant number of calls where a count of the index pages", async () => {
    // Enough waiting clients that counting their partition takes more than one page.
    const table = stack.deps.config.tableName;
    const many = Array.from({ length: 1_500 }, (_, i) => {
      const { consent: _c, ...intake } = intakeBody(`many.${i}.${randomUUID().slice(0, 6)}@example.com`);
      const at = new Date(stack.clock.now().getTime() - i * MINUTE).toISOString();
      return {
        ...intake,
        id: newId("client", Date.parse(at)),
        status: "waitlisted",
        matches: [],
        answersHash: `h${i}`,
        matchedBy: "matcher",
        consentAt: at,
        createdAt: at,
        updatedAt: at,
        version: 1,
      } as Client;
    });
    const items = many.flatMap((c) =>
      clientWrites(table, c).map((w) => (w as { Put: { Item: object } }).Put.Item),
    );
    for (let i = 0; i < items.length; i += 25) {
      let request: Record<string, unknown[]> | undefined = {
        [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
      };
      while (request && Object.keys(request).length > 0) {
        const res = await stack.deps.aws.doc.send(new BatchWriteCommand({ RequestItems: request as never }));
        request = res.UnprocessedItems as typeof request;
      }
    }
    // Written around the repository, as a data migration would: the recount counts them in.
    await recountFigures(stack.deps.aws.doc, table);
    const counter = countCalls(stack.deps.aws.dynamodb);
    counter.reset();
    const waiting = await countPartition(
      stack.deps.aws.doc,
      table,
      keys.clientPhase("waitlisted", "", "").gsi3pk,
    );
    expect(counter.total(), "a count of the waiting clients pages").toBeGreaterThan(1);

    const browser = webBrowser(stack);
    await signInAsAdmin(stack, browser, ADMIN);
    await browser.get("/admin");
    counter.reset();
    const page = await browser.get("/admin");
    expect(page.status).toBe(200);
    expect([...counter.calls]).toEqual(DASHBOARD);
    const shown = /<span class="n">([^<]+)<\/span> <span class="label">waitlisted clients/.exec(
      page.text,
    )?.[1];
    expect(shown?.replace(/\D/g, "")).toBe(String(waiting));
  });
});
