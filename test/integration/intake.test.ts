import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { DynamoSuppressions } from "@coachflow/core/adapters/dynamodb/suppression";
import { readCorrelation } from "@coachflow/core/bookings/correlation";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { call, intakeBody } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";

describe("POST /v1/intake", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
  });

  it("answers 201 with 1–3 matches, each with reasons and a personal booking link, and emails them", async () => {
    const email = uniqueEmail("sam");
    const res = await call(stack.app, "POST", "/v1/intake", intakeBody(email));

    expect(res.status).toBe(201);
    expect(res.body.clientId).toMatch(/^cli_[0-9A-Z]{26}$/);
    expect(res.body.status).toBe("matched");
    expect(res.body.matches.length).toBeGreaterThanOrEqual(1);
    expect(res.body.matches.length).toBeLessThanOrEqual(3);
    for (const m of res.body.matches) {
      expect(m.reasons.length).toBeGreaterThan(0);
      const url = new URL(m.bookingUrl);
      expect(url.searchParams.get("name")).toBe("Sam Rivera");
      expect(url.searchParams.get("email")).toBe(email);
      const token = url.searchParams.get("utm_content") ?? url.searchParams.get("metadata[coachflow]");
      // Signed for this client and this coach's booking page (decision 0030).
      expect(readCorrelation(token ?? "", m.coachId, "test-link-secret-0123456789")?.clientId).toBe(
        res.body.clientId,
      );
    }
    // The delegation/communication client should meet a coach who works on those topics first.
    const coaches = await stack.deps.coaches.coaches.listActive();
    const first = coaches.find((c) => c.id === res.body.matches[0].coachId);
    expect(first?.specialties.some((s) => ["delegation", "communication"].includes(s))).toBe(true);

    const mails = await stack.emailsTo(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Your recommended coaches");
    for (const m of res.body.matches) {
      expect(mail.body.text).toContain(m.name);
      expect(mail.body.html).toContain(m.bookingUrl.replaceAll("&", "&amp;"));
    }
  });

  it("treats the same answers again as the same client and result, and sends no second email", async () => {
    const email = uniqueEmail("again");
    const first = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const second = await call(stack.app, "POST", "/v1/intake", intakeBody(email.toUpperCase()));

    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await stack.emailsTo(email)).toHaveLength(1);
  });

  it("updates the profile and matches again when the answers change, once the address's owner confirms", async () => {
    const email = uniqueEmail("change");
    const first = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const changed = intakeBody(email, {
      challenge: "I want to grow into a staff engineer role and shape our technical strategy.",
      preferences: { topics: ["technical-strategy", "career-growth"], languages: ["en"], cadence: "monthly" },
      team: undefined,
    });
    const second = await call(stack.app, "POST", "/v1/intake", changed);
    // Issue 11: nothing changes until the owner of the address confirms (intake-confirmation.test.ts).
    expect(second.status).toBe(202);
    const confirmation = (await stack.emailsTo(email)).find((m) => m.subject === "Confirm your new answers");
    const link = confirmation?.body.text?.match(/https?:\/\/\S+\/intake\/confirm\/\S+/)?.[0];
    expect(link).toBeDefined();
    expect((await stack.app.request(new URL(link!).pathname, { method: "POST" })).status).toBe(200);

    const client = await call(
      stack.app,
      "GET",
      `/v1/clients/${first.body.clientId}`,
      undefined,
      adminHeaders,
    );
    expect(client.body.matches.map((m: { coachId: string }) => m.coachId)).not.toEqual(
      first.body.matches.map((m: { coachId: string }) => m.coachId),
    );
    expect(client.body.preferences.topics).toEqual(["technical-strategy", "career-growth"]);
    expect(client.body.team).toBeUndefined();
    expect(client.body.version).toBe(2);
    // The first recommendations, the confirmation, the new recommendations.
    expect(await stack.emailsTo(email)).toHaveLength(3);
  });

  it("replays the first response for a repeated Idempotency-Key and refuses the key for another request", async () => {
    const email = uniqueEmail("idem");
    const key = `key-${email}`;
    const first = await call(stack.app, "POST", "/v1/intake", intakeBody(email), { "idempotency-key": key });
    const replay = await call(stack.app, "POST", "/v1/intake", intakeBody(email), { "idempotency-key": key });
    const misuse = await call(
      stack.app,
      "POST",
      "/v1/intake",
      intakeBody(email, { role: "Engineering manager" }),
      {
        "idempotency-key": key,
      },
    );

    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(misuse.status).toBe(422);
    expect(misuse.body.error.code).toBe("idempotency_key_reused");
    expect(await stack.emailsTo(email)).toHaveLength(1);
  });

  it("waitlists a client no coach can take, says so, and emails the client and the admin", async () => {
    const email = uniqueEmail("wait");
    const res = await call(
      stack.app,
      "POST",
      "/v1/intake",
      intakeBody(email, { preferences: { topics: ["delegation"], languages: ["sw"], cadence: "weekly" } }),
    );

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "waitlisted", matches: [] });
    expect(await stack.emailsTo(email)).toHaveLength(1);
    const alerts = (await stack.emailsTo("admin@program.example")).filter((m) =>
      m.subject.includes(res.body.clientId),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body.text).toContain(email);
    // The admin alert carries no free-text answers.
    expect(alerts[0]!.body.text).not.toContain("pull request");
    // The demo data has one inactive coach (on sabbatical); the alert counts it.
    expect(alerts[0]!.body.text).toMatch(/Inactive: 1\b/);
  });

  it("makes three DynamoDB calls for a warm intake that emails, one for an identical resubmission", async () => {
    await call(stack.app, "POST", "/v1/intake", intakeBody(uniqueEmail("warmup")));
    const counter = countCalls(stack.deps.aws.dynamodb);

    await call(stack.app, "POST", "/v1/intake", intakeBody(uniqueEmail("warm")), {
      "idempotency-key": `k-${Date.now()}`,
    });

    // The read; the email limits' counters (one transaction, decision 0032); the client's write,
    // with the email log's entry of the email it sends (decision 0036): no call of its own.
    expect(counter.calls).toEqual(["BatchGetItem", "TransactWriteItems", "TransactWriteItems"]);
    counter.reset();
    const email = uniqueEmail("warm2");
    await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    expect(counter.calls).toEqual(["BatchGetItem", "TransactWriteItems", "TransactWriteItems"]);
    counter.reset();
    await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    expect(counter.calls).toEqual(["BatchGetItem"]);
  });

  it("makes three DynamoDB calls for changed answers from a known email, one to show the link and three to confirm", async () => {
    const email = uniqueEmail("calls");
    await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const changed = intakeBody(email, { challenge: "Something else entirely, to confirm by email." });
    const counter = countCalls(stack.deps.aws.dynamodb);

    // The intake's one read, the email limits (decision 0032), then the pending answers with the
    // email log's entry of their confirmation email (decision 0036; with a key, and its response,
    // in the same transaction). Still three calls: the PutItem became a TransactWriteItems.
    expect((await call(stack.app, "POST", "/v1/intake", changed)).status).toBe(202);
    expect(counter.calls).toEqual(["BatchGetItem", "TransactWriteItems", "TransactWriteItems"]);
    counter.reset();
    expect(
      (await call(stack.app, "POST", "/v1/intake", changed, { "idempotency-key": `k-${email}` })).status,
    ).toBe(202);
    expect(counter.calls).toEqual(["BatchGetItem", "TransactWriteItems", "TransactWriteItems"]);
    counter.reset();
    // Identical answers: the one read, as before.
    await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    expect(counter.calls).toEqual(["BatchGetItem"]);

    const mails = (await stack.emailsTo(email)).filter((m) => m.subject === "Confirm your new answers");
    const link = mails[0]?.body.text?.match(/https?:\/\/\S+\/intake\/confirm\/\S+/)?.[0];
    const path = new URL(link!).pathname;
    counter.reset();
    // The page: the pending answers and the profile in one read.
    expect((await stack.app.request(path)).status).toBe(200);
    expect(counter.calls).toEqual(["BatchGetItem"]);
    counter.reset();
    // The press: that read, the profile with the pending answers consumed in one transaction, and
    // the suppression check of the recommendations email.
    expect((await stack.app.request(path, { method: "POST" })).status).toBe(200);
    expect(counter.calls).toEqual(["BatchGetItem", "TransactWriteItems", "GetItem"]);
  });

  it("pays one read for the program settings when its cache is cold or expired, none while warm", async () => {
    const cold = await startTestStack();
    await seedDemoCoaches(cold.deps);
    // Seeding read the settings (coach inputs resolve through them): move past the 60 s TTL of the
    // test stack (COACH_CACHE_TTL_MS), so the next intake finds the settings and coaches expired.
    const later = async (ms: number) =>
      call(cold.app, "POST", "/_local/clock", {
        to: new Date(cold.clock.now().getTime() + ms).toISOString(),
      });
    await later(61_000);
    const counter = countCalls(cold.deps.aws.dynamodb);

    await call(cold.app, "POST", "/v1/intake", intakeBody(uniqueEmail("cold")));
    const first = [...counter.calls];
    const coldInFlight = counter.maxInFlight();
    counter.reset();
    await call(cold.app, "POST", "/v1/intake", intakeBody(uniqueEmail("warm")));
    const warm = [...counter.calls];

    // The settings, the email's answers and the active coaches are read at once; the email limits'
    // counters (decision 0032) come after the intake's read, before matching; then the write.
    expect(first).toEqual(["GetItem", "BatchGetItem", "Query", "TransactWriteItems", "TransactWriteItems"]);
    expect(coldInFlight).toBe(3);
    expect(warm).toEqual(["BatchGetItem", "TransactWriteItems", "TransactWriteItems"]);
  });

  it("tries an email that could not be sent again on the next identical submission, with or without a key", async () => {
    const broken = await startTestStack({ env: { SES_ENDPOINT: "http://127.0.0.1:9" }, templates: false });
    await seedDemoCoaches(broken.deps);
    const email = uniqueEmail("nomail");
    const res = await call(broken.app, "POST", "/v1/intake", intakeBody(email), {
      "idempotency-key": `k-${email}`,
    });

    expect(res.status).toBe(201);
    const after = await broken.deps.clients.clients.readForIntake(email, `k-${email}`);
    // Marked for a retry, its answers hash kept: other answers still need the owner's confirmation.
    expect(after.record?.retry).toBe(true);
    expect(after.record?.answersHash).toMatch(/^[0-9a-f]{64}$/);
    expect(after.idempotent).toBeUndefined();
    const failure = broken.logs.map((l) => JSON.parse(l)).find((l) => l.msg === "intake email failed");
    expect(failure).toMatchObject({ level: "error", clientId: res.body.clientId });
    expect(JSON.stringify(failure)).not.toContain(email);

    // The same answers again are processed (and their email tried) again, not answered from the record.
    const again = await call(broken.app, "POST", "/v1/intake", intakeBody(email));
    expect(again.status).toBe(201);
    expect(again.body.clientId).toBe(res.body.clientId);
    expect(broken.logs.filter((l) => JSON.parse(l).msg === "intake email failed")).toHaveLength(2);
  });

  it("sends nothing to an address SES reported as bounced, and still answers the intake", async () => {
    const email = uniqueEmail("bounced");
    await new DynamoSuppressions(
      DynamoDBDocumentClient.from(stack.deps.aws.dynamodb),
      stack.deps.config.tableName,
    ).suppress(email, "bounce");
    const counter = countCalls(stack.deps.aws.dynamodb);

    const res = await call(stack.app, "POST", "/v1/intake", intakeBody(email));

    expect(res.status).toBe(201);
    expect(res.body.status).toBe("matched");
    expect(await stack.emailsTo(email)).toHaveLength(0);
    // The suppression was read in the intake's one read, not in a call of its own (the second
    // call is the email limits' counters, decision 0032).
    expect(counter.calls).toEqual(["BatchGetItem", "TransactWriteItems", "TransactWriteItems"]);
  });

  it("accepts script tags and line breaks in names as text: escaped in the email, never in a header", async () => {
    const email = uniqueEmail("eve");
    const name = "Eve <script>alert(1)</script>\r\nBcc: victim@example.com";
    const res = await call(stack.app, "POST", "/v1/intake", intakeBody(email, { name }));

    expect(res.status).toBe(201);
    const [mail] = await stack.emailsTo(email);
    expect(mail!.body.html).not.toContain("<script>alert(1)</script>");
    expect(mail!.body.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail!.subject).toBe("Your recommended coaches");
    expect(mail!.destination.to).toEqual([email]);
    expect(JSON.stringify(mail!.headers ?? [])).not.toContain("victim");
  });
});
