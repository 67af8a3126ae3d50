import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { addCoach } from "../support/coaching";
import { intakeBody } from "../support/requests";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { webBrowser } from "../support/web";

/**
 * Issue 11, abuse: every email an unauthenticated request can cause (intake recommendations,
 * waitlist notes, confirmations, sign-in links) is limited per address (3 an hour, 10 a day) and
 * per client IP (RATE_LIMIT_IP_PER_HOUR). Over a limit: 429 with Retry-After, nothing stored or sent.
 */

const HOUR = 3_600_000;
/** What API Gateway's HTTP API hands the Lambda: the IP it saw, which no header can change. */
const fromIp = (ip: string) => ({ event: { requestContext: { http: { sourceIp: ip } } } });
let ipSeq = 0;
/** A fresh client IP, so one test's per-IP counter does not reach the next. */
const freshIp = () => `198.51.100.${++ipSeq}`;

async function intake(
  stack: TestStack,
  body: unknown,
  ip: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; retryAfter: string | null; body: any }> {
  const res = await stack.app.request(
    "/v1/intake",
    {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    },
    fromIp(ip),
  );
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: JSON.parse(text) };
}

/** The same person with other answers each time: every one of them makes the program email them. */
const changed = (email: string, i: number) =>
  intakeBody(email, {
    challenge: `I struggle to delegate and end up reviewing every pull request (take ${i}).`,
  });

/** Every item of the table but the rate counters (a Scan: fine in a test, never on a request path). */
async function itemsBesidesCounters(stack: TestStack) {
  const doc = DynamoDBDocumentClient.from(stack.deps.aws.dynamodb);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: stack.deps.config.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items
    .filter((i) => !String(i.pk).startsWith("RATE#"))
    .map((i) => JSON.stringify(i))
    .sort();
}

describe("emails an unauthenticated request can cause", () => {
  let stack: TestStack;
  // A wall clock of the test's own: rate windows are fixed hours and days of the wall clock.
  const wall = { at: Date.parse("2031-05-05T10:05:00Z"), now: () => new Date(wall.at) };
  beforeAll(async () => {
    stack = await startTestStack({ wallClock: wall, env: { RATE_LIMIT_IP_PER_HOUR: "5" } });
    await seedDemoCoaches(stack.deps);
  });
  afterAll(async () => {
    await stack.scheduler.stop();
  });

  it("sends one address at most 3 intake emails an hour; the 4th answers 429 with Retry-After and stores and sends nothing", async () => {
    const email = uniqueEmail("flooded");
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await intake(stack, changed(email, i), freshIp())).status);
    expect(
      statuses.every((s) => s >= 200 && s < 300),
      JSON.stringify(statuses),
    ).toBe(true);
    // The recommendations, then a confirmation of the changed answers each time (decision 0029):
    // every email the intake sends passes the same limits.
    expect((await stack.emailsTo(email)).map((m) => m.subject)).toEqual([
      "Your recommended coaches",
      "Confirm your new answers",
      "Confirm your new answers",
    ]);
    const before = await itemsBesidesCounters(stack);

    const over = await intake(stack, changed(email, 3), freshIp());

    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe("rate_limited");
    expect(over.body.error.message).toMatch(/try again in/i);
    const retryAfter = Number(over.retryAfter);
    // The hour's window ends at 11:00; it is 10:05.
    expect(retryAfter).toBe(55 * 60);
    expect(await stack.emailsTo(email)).toHaveLength(3);
    expect(await itemsBesidesCounters(stack)).toEqual(before);

    // The next hour's window lets the person in again.
    wall.at += HOUR;
    try {
      const later = await intake(stack, changed(email, 4), freshIp());
      expect(later.status, JSON.stringify(later.body)).toBeLessThan(300);
      expect(await stack.emailsTo(email)).toHaveLength(4);
    } finally {
      wall.at -= HOUR;
    }
  });

  it("does not count an identical resubmission, which sends nothing", async () => {
    const email = uniqueEmail("resubmit");
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect((await intake(stack, intakeBody(email), ip)).status).toBe(201);
    expect(await stack.emailsTo(email)).toHaveLength(1);
  });

  it("limits each client IP (RATE_LIMIT_IP_PER_HOUR) whatever the address, by the IP API Gateway saw, not X-Forwarded-For", async () => {
    const ip = freshIp();
    const answers: number[] = [];
    for (let i = 0; i < 5; i++)
      answers.push(
        (await intake(stack, intakeBody(uniqueEmail("office")), ip, { "x-forwarded-for": `10.9.9.${i}` }))
          .status,
      );
    expect(answers).toEqual([201, 201, 201, 201, 201]);
    const sixth = uniqueEmail("sixth");

    const over = await intake(stack, intakeBody(sixth), ip, { "x-forwarded-for": "10.9.9.99" });

    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(await stack.deps.clients.clients.readForIntake(sixth)).toEqual({});
    expect(await stack.emailsTo(sixth)).toHaveLength(0);
    // Another IP with the same forwarded-for header is another client.
    expect(
      (await intake(stack, intakeBody(sixth), freshIp(), { "x-forwarded-for": "10.9.9.99" })).status,
    ).toBe(201);
  });

  it("admits exactly the limit when one IP's requests arrive at once", async () => {
    const ip = freshIp();
    const emails = Array.from({ length: 9 }, () => uniqueEmail("burst"));

    const answers = await Promise.all(emails.map((e) => intake(stack, intakeBody(e), ip)));

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429, 429]);
    const sent = await Promise.all(emails.map(async (e) => (await stack.emailsTo(e)).length));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it("counts sign-in links against the same per-IP limit as intakes: one limiter for every unauthenticated email", async () => {
    const ip = freshIp();
    const coach = await addCoach(stack);
    const local = { incoming: { socket: { remoteAddress: ip } } };
    for (let i = 0; i < 4; i++) {
      const res = await stack.app.request(
        "/v1/intake",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(intakeBody(uniqueEmail("shared"))),
        },
        local,
      );
      expect(res.status).toBe(201);
    }
    const browser = webBrowser(stack, { ip });
    expect((await browser.post("/app/sign-in", { email: coach.email })).status).toBe(303);

    const over = await browser.post("/app/sign-in", { email: coach.email });

    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("shows the form again over the limit, with the answers kept and when to try again in words", async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++)
      expect((await intake(stack, intakeBody(uniqueEmail("form")), ip)).status).toBe(201);
    const email = uniqueEmail("formover");
    const fields = new URLSearchParams({
      name: "Priya Shah",
      email,
      timezone: "Europe/Berlin",
      role: "Engineering manager",
      company: "Globex",
      background: "Ten years in infrastructure.",
      challenge: "Two senior engineers on my team are in open conflict.",
      topics: "conflict",
      languages: "en",
      cadence: "weekly",
      consent: "true",
    });

    const res = await stack.app.request(
      "/v1/intake",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: fields.toString(),
      },
      fromIp(ip),
    );
    const page = await res.text();

    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(page).toContain('role="alert"');
    expect(page).toMatch(
      /Please try again in (about )?\d+ minutes?|Please try again in about \d+ hours?|Please try again tomorrow/,
    );
    expect(page).toContain(`value="${email}"`);
    expect(page).toContain('<form method="post" action="/v1/intake"');
    expect(await stack.emailsTo(email)).toHaveLength(0);
    expect(await stack.deps.clients.clients.readForIntake(email)).toEqual({});
  });

  it("adds one DynamoDB call to an intake that emails, none to one that does not; a refused one stops after it", async () => {
    const ip = freshIp();
    await intake(stack, intakeBody(uniqueEmail("warm")), freshIp());
    const counter = countCalls(stack.deps.aws.dynamodb);
    const email = uniqueEmail("counted");

    await intake(stack, intakeBody(email), ip);
    // The intake's read; the counters (address hour, address day, IP hour: one transaction); the client.
    expect(counter.calls).toEqual(["BatchGetItem", "TransactWriteItems", "TransactWriteItems"]);
    counter.reset();
    await intake(stack, intakeBody(email), ip);
    expect(counter.calls).toEqual(["BatchGetItem"]);

    for (let i = 0; i < 4; i++) await intake(stack, intakeBody(uniqueEmail("fill")), ip);
    counter.reset();
    const refused = await intake(stack, intakeBody(uniqueEmail("refused")), ip);
    expect(refused.status).toBe(429);
    expect(counter.calls).toEqual(["BatchGetItem", "TransactWriteItems"]);
  });
});

describe("the daily limit per address", () => {
  const DAY_START = Date.parse("2031-03-03T00:00:00Z");
  const wall = { at: DAY_START, now: () => new Date(wall.at) };
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ wallClock: wall });
    await seedDemoCoaches(stack.deps);
  });
  afterAll(async () => {
    await stack.scheduler.stop();
  });

  it("sends one address at most 10 a day, and says to wait until the day's window ends", async () => {
    const email = uniqueEmail("daily");
    const statuses: number[] = [];
    let take = 0;
    for (const hour of [1, 2, 3]) {
      for (let i = 0; i < 3; i++) {
        wall.at = DAY_START + hour * HOUR + i * 60_000;
        statuses.push((await intake(stack, changed(email, take++), freshIp())).status);
      }
    }
    wall.at = DAY_START + 4 * HOUR;
    statuses.push((await intake(stack, changed(email, take++), freshIp())).status);
    expect(
      statuses.every((s) => s < 300),
      JSON.stringify(statuses),
    ).toBe(true);

    wall.at = DAY_START + 4 * HOUR + 60_000;
    const over = await intake(stack, changed(email, take++), freshIp());

    expect(over.status).toBe(429);
    // The day's window ends at midnight UTC: 20 hours less a minute from 04:01.
    expect(Number(over.retryAfter)).toBe(20 * 3600 - 60);
    expect(await stack.emailsTo(email)).toHaveLength(10);

    wall.at = DAY_START + 24 * HOUR + 60_000;
    expect((await intake(stack, changed(email, take++), freshIp())).status).toBeLessThan(300);
  });
});
