import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { mailbox, moveTo, onlyMail, subjectsOf, urlsIn } from "../support/coaching";
import { call, intakeBody } from "../support/requests";
import { adminHeaders, type SentEmail, startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/*
 * Issue 11, "an email address is not an identity": an intake with the email of a known client and
 * different answers changes nothing until the owner of the address confirms through a single-use
 * signed link emailed to it (valid 24 h). The answer is 202 `{ "status": "confirmation_required" }`
 * with no client id, matches or booking links.
 */

const ADMIN = "admin@program.example";
const CONFIRM_SUBJECT = "Confirm your new answers";
/** What someone who knows the address (not its owner) sends: their own name, other wishes. */
const changed = (email: string, overrides: Record<string, unknown> = {}) =>
  intakeBody(email, {
    name: "Mallory Impostor",
    challenge: "I want to grow into a staff engineer role and shape our technical strategy.",
    preferences: { topics: ["technical-strategy", "career-growth"], languages: ["en"], cadence: "monthly" },
    team: undefined,
    ...overrides,
  });

/** The path of the confirmation link in a mail (`/intake/confirm/<token>`). */
function confirmPath(mail: SentEmail): string {
  const url = urlsIn(mail).find((u) => new URL(u).pathname.startsWith("/intake/confirm/"));
  expect(url, "a confirmation link in the email").toBeDefined();
  return new URL(url!).pathname;
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("changed answers from a known email", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
  });

  const client = async (id: string) =>
    (await call(stack.app, "GET", `/v1/clients/${id}`, undefined, adminHeaders)).body;
  const page = async (method: "GET" | "POST", path: string) => {
    const res = await stack.app.request(path, { method });
    return {
      status: res.status,
      html: await res.text(),
      type: res.headers.get("content-type"),
      headers: res.headers,
    };
  };

  /** A client who applied; their mailbox has been read. */
  async function applied(label: string) {
    const email = uniqueEmail(label);
    const first = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    expect(first.status).toBe(201);
    const mail = mailbox(stack, email);
    await mail.fresh();
    return {
      email,
      id: first.body.clientId as string,
      first: first.body,
      mail,
      before: await client(first.body.clientId),
    };
  }

  it("answers 202 confirmation_required, changes nothing, and emails the address a link and nothing else", async () => {
    const c = await applied("changed");
    const admin = mailbox(stack, ADMIN);
    await admin.fresh();

    const res = await call(stack.app, "POST", "/v1/intake", changed(c.email));

    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: "confirmation_required" });
    // The profile, the matches and the admin's view are as they were.
    expect(await client(c.id)).toEqual(c.before);
    const mails = await c.mail.fresh();
    expect(subjectsOf(mails)).toEqual([CONFIRM_SUBJECT]);
    const mail = mails[0]!;
    expect(mail.destination.to).toEqual([c.email]);
    // Nothing the sender chose reaches the owner, and no booking link either.
    expect(`${mail.body.text}${mail.body.html}`).not.toContain("Mallory");
    expect(mail.body.text).not.toMatch(/calendly|cal\.com/);
    expect(mail.body.text).toContain("24 hours");
    expect(confirmPath(mail)).toMatch(/^\/intake\/confirm\/[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await admin.fresh()).toEqual([]);

    // The same old answers still answer as before: the same client and result.
    const same = await call(stack.app, "POST", "/v1/intake", intakeBody(c.email));
    expect(same.status).toBe(201);
    expect(same.body).toEqual(c.first);
  });

  it("shows a page with a confirm button on GET, changes the profile and matches again on POST, and works once", async () => {
    const c = await applied("confirm");
    await call(stack.app, "POST", "/v1/intake", changed(c.email));
    const path = confirmPath(onlyMail(await c.mail.fresh(), CONFIRM_SUBJECT));

    const shown = await page("GET", path);
    expect(shown.status).toBe(200);
    expect(shown.type).toContain("text/html");
    // The token in the path is the only key: never sent on, cached or framed.
    expect(shown.headers.get("referrer-policy")).toBe("no-referrer");
    expect(shown.headers.get("cache-control")).toBe("no-store");
    expect(shown.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(shown.html).toMatch(
      /<form method="post"[^>]*>\s*<button type="submit">Confirm my new answers<\/button>/,
    );
    // What would change, by the form's words, without repeating the answers.
    expect(textOf(shown.html)).toContain(
      "Confirming changes these answers: name, team, top challenge, topics, coaching style, how often to meet.",
    );
    expect(shown.html).not.toContain("Mallory");
    expect(await client(c.id)).toEqual(c.before);

    const done = await page("POST", path);

    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain("Your answers are updated");
    const after = await client(c.id);
    expect(after).toMatchObject({
      id: c.id,
      name: "Mallory Impostor",
      version: c.before.version + 1,
      matchedBy: "matcher",
      preferences: { topics: ["technical-strategy", "career-growth"] },
    });
    expect(after.team).toBeUndefined();
    expect(after.matches.map((m: { coachId: string }) => m.coachId)).not.toEqual(
      c.before.matches.map((m: { coachId: string }) => m.coachId),
    );
    // Matching ran again as it does for a first intake: the new recommendations, by email.
    const recommended = onlyMail(await c.mail.fresh(), "Your recommended coaches");
    for (const m of after.matches) expect(recommended.body.text).toContain(m.name);

    // Single use: the second press and a later look change and send nothing.
    const again = await page("POST", path);
    expect(again.status).toBe(410);
    expect(textOf(again.html)).toContain("already been used or has expired");
    expect((await page("GET", path)).status).toBe(410);
    expect((await client(c.id)).version).toBe(after.version);
    expect(await c.mail.fresh()).toEqual([]);
  });

  it("confirms each emailed change by its own link: two presses at once update the profile once", async () => {
    const c = await applied("race");
    await call(stack.app, "POST", "/v1/intake", changed(c.email));
    const path = confirmPath(onlyMail(await c.mail.fresh(), CONFIRM_SUBJECT));

    const [one, two] = await Promise.all([page("POST", path), page("POST", path)]);

    expect([one.status, two.status].sort()).toEqual([200, 410]);
    expect((await client(c.id)).version).toBe(c.before.version + 1);
    expect(subjectsOf(await c.mail.fresh())).toEqual(["Your recommended coaches"]);
  });

  it("refuses a tampered link and an expired one (after 24 hours), changing nothing", async () => {
    const c = await applied("expired");
    await call(stack.app, "POST", "/v1/intake", changed(c.email));
    const path = confirmPath(onlyMail(await c.mail.fresh(), CONFIRM_SUBJECT));
    const at = path.length - 5;
    const tampered = `${path.slice(0, at)}${path[at] === "A" ? "B" : "A"}${path.slice(at + 1)}`;

    const forged = await page("POST", tampered);
    expect(forged.status).toBe(400);
    expect(textOf(forged.html)).toContain("This link does not work");

    await moveTo(stack, stack.clock.now().getTime() + 24 * 3600_000 + 60_000);
    const late = await page("POST", path);
    expect(late.status).toBe(400);
    expect(await client(c.id)).toEqual(c.before);
    expect(await c.mail.fresh()).toEqual([]);
  });

  it("keeps an admin's choice of coaches when the owner confirms, and tells the admin", async () => {
    const c = await applied("override");
    const coaches = (await call(stack.app, "GET", "/v1/coaches?limit=100", undefined, adminHeaders)).body
      .items;
    const chosen = coaches.find(
      (k: { id: string; active: boolean }) =>
        k.active && !c.first.matches.some((m: { coachId: string }) => m.coachId === k.id),
    );
    const override = await call(
      stack.app,
      "PUT",
      `/v1/clients/${c.id}/matches`,
      { coachIds: [chosen.id] },
      adminHeaders,
    );
    expect(override.status).toBe(200);
    await c.mail.fresh();
    const admin = mailbox(stack, ADMIN);
    await admin.fresh();

    await call(stack.app, "POST", "/v1/intake", changed(c.email));
    const done = await page("POST", confirmPath(onlyMail(await c.mail.fresh(), CONFIRM_SUBJECT)));

    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain("The program team chose your coaches");
    const after = await client(c.id);
    expect(after.matchedBy).toBe("admin");
    expect(after.matches.map((m: { coachId: string }) => m.coachId)).toEqual([chosen.id]);
    expect(after.preferences.topics).toEqual(["technical-strategy", "career-growth"]);
    // The kept booking link greets the client by the name they confirmed.
    expect(new URL(after.matches[0].bookingUrl).searchParams.get("name")).toBe("Mallory Impostor");
    // No new recommendation for the client: the program team chose; the admin is told.
    expect(await c.mail.fresh()).toEqual([]);
    const notice = onlyMail(await admin.fresh(), "Client changed their answers");
    expect(notice.subject).toContain(c.id);
    expect(notice.body.text).toContain(chosen.name);
    expect(notice.body.text).toContain(
      "Changed: name, team, top challenge, topics, coaching style, how often to meet",
    );
    // Like the waitlist alert, no free-text answers.
    expect(notice.body.text).not.toContain("staff engineer");
  });

  it("answers the HTML form with a 202 page that says to check the email, in words, and no booking links", async () => {
    const c = await applied("form");
    const body = new URLSearchParams([
      ["name", "Mallory Impostor"],
      ["email", c.email],
      ["timezone", "Europe/Lisbon"],
      ["role", "Tech lead"],
      ["company", "Acme Pay"],
      ["background", "Someone else entirely."],
      ["challenge", "Not what the owner said."],
      ["topics", "delegation"],
      ["languages", "en"],
      ["cadence", "weekly"],
      ["consent", "true"],
    ]).toString();

    const res = await stack.app.request("/v1/intake", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    const html = await res.text();

    expect(res.status).toBe(202);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(textOf(html)).toContain("Check your email");
    expect(textOf(html)).toContain("nothing changes until");
    expect(html).not.toMatch(/calendly|cal\.com|cli_/);
    expect(await client(c.id)).toEqual(c.before);
    expect(subjectsOf(await c.mail.fresh())).toEqual([CONFIRM_SUBJECT]);
  });

  it("replays 202 for a repeated Idempotency-Key without a second email, and refuses the key for another request", async () => {
    const c = await applied("idem");
    const key = `key-${c.email}`;
    const first = await call(stack.app, "POST", "/v1/intake", changed(c.email), { "idempotency-key": key });
    const replay = await call(stack.app, "POST", "/v1/intake", changed(c.email), { "idempotency-key": key });
    const misuse = await call(stack.app, "POST", "/v1/intake", changed(c.email, { role: "CTO" }), {
      "idempotency-key": key,
    });

    expect(first.status).toBe(202);
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual({ status: "confirmation_required" });
    expect(misuse.status).toBe(422);
    expect(misuse.body.error.code).toBe("idempotency_key_reused");
    expect(subjectsOf(await c.mail.fresh())).toEqual([CONFIRM_SUBJECT]);
  });

  it("shows pending answers in the client's export and erases them with the client", async () => {
    const c = await applied("erase");
    await call(stack.app, "POST", "/v1/intake", changed(c.email));
    const path = confirmPath(onlyMail(await c.mail.fresh(), CONFIRM_SUBJECT));

    const exported = await call(stack.app, "GET", `/v1/clients/${c.id}/export`, undefined, adminHeaders);
    expect(exported.body.pendingAnswers).toEqual([
      { submittedAt: expect.any(String), answers: expect.objectContaining({ name: "Mallory Impostor" }) },
    ]);
    expect(exported.body.client.name).toBe("Sam Rivera");

    expect((await call(stack.app, "DELETE", `/v1/clients/${c.id}`, undefined, adminHeaders)).status).toBe(
      200,
    );

    const doc = DynamoDBDocumentClient.from(stack.deps.aws.dynamodb);
    const items = (await doc.send(new ScanCommand({ TableName: stack.deps.config.tableName }))).Items ?? [];
    const left = items.filter((i) => JSON.stringify(i).includes(c.id) || JSON.stringify(i).includes(c.email));
    expect(left.map((i) => i.sk)).toEqual(["TOMBSTONE"]);
    expect((await page("POST", path)).status).toBe(410);
  });

  it("still answers 202 when the confirmation email cannot be sent, logs it without the address, and keeps no stored response", async () => {
    const broken = await startTestStack({ env: { SES_ENDPOINT: "http://127.0.0.1:9" }, templates: false });
    await seedDemoCoaches(broken.deps);
    const email = uniqueEmail("nomail");
    // The first intake's email fails too; the identical retry is what sends it, as before.
    await call(broken.app, "POST", "/v1/intake", intakeBody(email));
    const key = `k-${email}`;

    const res = await call(broken.app, "POST", "/v1/intake", changed(email), { "idempotency-key": key });

    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: "confirmation_required" });
    const failure = broken.logs.map((l) => JSON.parse(l)).find((l) => l.msg === "confirmation email failed");
    expect(failure).toMatchObject({ level: "error" });
    expect(JSON.stringify(failure)).not.toContain(email);
    const after = await broken.deps.clients.clients.readForIntake(email, key);
    expect(after.idempotent).toBeUndefined();
  });
});
