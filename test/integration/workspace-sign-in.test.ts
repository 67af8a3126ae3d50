import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { keys } from "@coachflow/core/adapters/dynamodb/keys";
import { hashSecret } from "@coachflow/core/web-auth/secrets";
import { createApp } from "@coachflow/functions";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answeredRoutes } from "../../packages/functions/src/app";
import { DEMO_SIGN_IN_PATH, demoSignInRoute } from "../../packages/local/src/demo/sign-in-route";
import { addCoach, asAdmin, type TestCoach } from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { latestSignInPath, signIn, webBrowser } from "../support/web";

/**
 * A sign-in request's DynamoDB calls: the email limits' three counters in one transaction
 * (address hour and day, client IP; decision 0032; before, two UpdateItems), the coach by their
 * email lock and by id, the link, the address's suppression (bounces) before the email.
 */
const PINNED_SIGN_IN_CALLS = ["TransactWriteItems", "GetItem", "GetItem", "PutItem", "GetItem"];

let stack: TestStack;
let coach: TestCoach;
// Each test its own coach: the per-address limit (3 links an hour, decision 0032) is real here.
const wall = { now: () => new Date(Date.now() + wallOffset) };
let wallOffset = 0;

beforeAll(async () => {
  stack = await startTestStack({ wallClock: wall });
});
beforeEach(async () => {
  coach = await addCoach(stack);
});
afterAll(async () => {
  await stack.scheduler.stop();
});

const signInMails = async (email: string) =>
  (await stack.emailsTo(email)).filter((m) => m.subject.startsWith("Your sign-in link"));

describe("sign-in by emailed link", () => {
  it("signs a coach in: the link opens a page with a button, the button starts a session, the page asked for opens", async () => {
    const browser = webBrowser(stack);
    const first = await browser.get("/app/sessions/ses_whatever?x=1");
    expect(first.status).toBe(303);
    expect(first.location).toBe("/app/sign-in?next=%2Fapp%2Fsessions%2Fses_whatever%3Fx%3D1");

    const page = await browser.get(first.location!);
    expect(page.text).toContain('name="next" value="/app/sessions/ses_whatever?x=1"');
    const done = await signIn(stack, browser, coach.email, "/app/sessions/ses_whatever?x=1");
    expect(done.location).toBe("/app/sessions/ses_whatever?x=1");
    expect(browser.jar.has("cf_session")).toBe(true);
    expect(browser.jar.has("cf_signin")).toBe(false);

    const home = await browser.get("/app");
    expect(home.status).toBe(200);
    expect(home.text).toContain("Signed in as Ada Mensah");
  });

  it("answers the same page for an address that is no coach, and sends nothing to it", async () => {
    const stranger = uniqueEmail("stranger");
    const a = await webBrowser(stack).post("/app/sign-in", { email: stranger });
    const b = await webBrowser(stack).post("/app/sign-in", { email: coach.email });
    expect([a.status, a.location]).toEqual([b.status, b.location]);
    expect(await signInMails(stranger)).toHaveLength(0);
  });

  it("shows a bad address at the field, keeps what was typed, and sends nothing", async () => {
    const res = await webBrowser(stack).post("/app/sign-in", { email: "not an address" });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#email"');
    expect(res.text).toContain('value="not an address"');
    expect(res.text).toContain('aria-invalid="true"');
  });

  it("does not burn the link when it is only fetched (GET), and uses it once", async () => {
    const browser = webBrowser(stack);
    await browser.post("/app/sign-in", { email: coach.email });
    const path = await latestSignInPath(stack, coach.email);
    expect((await browser.get(path)).status).toBe(200);
    expect((await browser.get(path)).status).toBe(200);
    expect((await browser.post(path)).status).toBe(303);
    const again = await browser.post(path);
    expect(again.status).toBe(410);
    expect(again.text).toContain("already been used");
  });

  it("refuses the link in another browser and offers a fresh link bound to that one", async () => {
    const asking = webBrowser(stack);
    await asking.post("/app/sign-in", { email: coach.email });
    const path = await latestSignInPath(stack, coach.email);
    const other = webBrowser(stack);
    const opened = await other.get(path);
    expect(opened.status).toBe(403);
    expect(opened.text).toContain("Send a fresh link for this browser");
    expect((await other.post(path)).status).toBe(403);

    const before = (await signInMails(coach.email)).length;
    expect((await other.post(`${path}/resend`)).status).toBe(303);
    expect(await signInMails(coach.email)).toHaveLength(before + 1);
    const fresh = await latestSignInPath(stack, coach.email);
    expect((await other.post(fresh)).status).toBe(303);
    // The first browser's link still works for it: the other browser did not use it.
    expect((await asking.post(path)).status).toBe(303);
  });

  it("expires a link after 15 minutes of wall-clock time, whatever the program's clock says", async () => {
    const browser = webBrowser(stack);
    await browser.post("/app/sign-in", { email: coach.email });
    const path = await latestSignInPath(stack, coach.email);
    // The movable program clock going forward a day does not expire it…
    await asAdmin(stack, "POST", "/_local/clock", { advanceBy: "PT24H" });
    expect((await browser.get(path)).status).toBe(200);
    // …15 minutes of wall time do.
    wallOffset += 15 * 60_000 + 1000;
    try {
      const res = await browser.post(path);
      expect(res.status).toBe(410);
      expect(res.text).toContain("expired");
    } finally {
      wallOffset -= 15 * 60_000 + 1000;
    }
  });

  it("rejects a form posted from another site with 403 (hono/csrf)", async () => {
    const res = await webBrowser(stack, { origin: "https://evil.example" }).post("/app/sign-in", {
      email: coach.email,
    });
    expect(res.status).toBe(403);
    expect(res.text).toContain("another site");
  });

  it("sends the security headers and a CSP without inline script", async () => {
    const res = await webBrowser(stack).get("/app/sign-in");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.text).not.toContain("<script");
  });

  it("never redirects to another origin after sign-in", async () => {
    for (const next of [
      "//evil.example/app",
      "https://evil.example/app",
      "/app/../v1/coaches",
      "/\\evil.example",
    ]) {
      const page = await webBrowser(stack).get(`/app/sign-in?next=${encodeURIComponent(next)}`);
      expect(page.text).toContain('name="next" value="/app"');
    }
  });

  it("signs out: the old cookie no longer opens pages", async () => {
    const browser = webBrowser(stack);
    await signIn(stack, browser, coach.email);
    const cookie = `cf_session=${browser.jar.get("cf_session")}`;
    expect((await browser.post("/app/sign-out")).status).toBe(200);
    const replay = await stack.app.request("/app", { headers: { cookie } });
    expect(replay.status).toBe(303);
  });

  it("gives a new session id at every sign-in", async () => {
    const browser = webBrowser(stack);
    await signIn(stack, browser, coach.email);
    const first = browser.jar.get("cf_session");
    await signIn(stack, browser, coach.email);
    expect(browser.jar.get("cf_session")).not.toBe(first);
  });

  it("ends a session after 12 idle hours of wall time", async () => {
    const browser = webBrowser(stack);
    await signIn(stack, browser, coach.email);
    wallOffset += 12 * 3_600_000;
    try {
      expect((await browser.get("/app")).status).toBe(303);
    } finally {
      wallOffset -= 12 * 3_600_000;
    }
  });

  it("ends every session of a coach who is deactivated, and sends them no more links", async () => {
    const leaving = await addCoach(stack);
    const a = webBrowser(stack);
    const b = webBrowser(stack);
    await signIn(stack, a, leaving.email);
    await signIn(stack, b, leaving.email);
    expect((await a.get("/app")).status).toBe(200);
    const res = await asAdmin(stack, "PATCH", `/v1/coaches/${leaving.id}`, { active: false });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await a.get("/app")).status).toBe(303);
    expect((await b.get("/app")).status).toBe(303);
    const before = (await signInMails(leaving.email)).length;
    await webBrowser(stack).post("/app/sign-in", { email: leaving.email });
    expect(await signInMails(leaving.email)).toHaveLength(before);
  });

  it("reads the coach with every page: a session a deactivation missed opens nothing, and ends", async () => {
    // Deactivation deletes a coach's sessions through an index that may lag a sign-in of a
    // moment ago; here the coach is made inactive without that step.
    const browser = webBrowser(stack);
    await signIn(stack, browser, coach.email);
    const absent = "/app/clients/cli_01ZZZZZZZZZZZZZZZZZZZZZZZZ";
    expect((await browser.get(absent)).status).toBe(404);
    const table = stack.deps.config.tableName;
    const doc = DynamoDBDocumentClient.from(stack.deps.aws.dynamodb);
    const setActive = (active: boolean) =>
      doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.coach(coach.id),
          UpdateExpression: "SET active = :a",
          ExpressionAttributeValues: { ":a": active },
        }),
      );
    await setActive(false);
    try {
      expect((await browser.get(absent)).status).toBe(303);
      expect((await browser.get("/app")).status).toBe(303);
    } finally {
      await setActive(true);
    }
    // The stored session was deleted on the way: it does not come back with the coach.
    const id = browser.jar.get("cf_session")!.split(".")[1]!;
    const stored = await doc.send(
      new GetCommand({ TableName: table, Key: keys.webSession(hashSecret(id)), ConsistentRead: true }),
    );
    expect(stored.Item).toBeUndefined();
    expect((await browser.get("/app")).status).toBe(303);
  });

  it("reads nothing for a session cookie it did not sign: another coach's id, or no MAC", async () => {
    const browser = webBrowser(stack);
    await signIn(stack, browser, coach.email);
    const other = await addCoach(stack);
    const [, id, mac] = browser.jar.get("cf_session")!.split(".");
    const counter = countCalls(stack.deps.aws.dynamodb);
    for (const forged of [
      `${other.id}.${id}.${mac}`,
      id!,
      `${coach.id}.${id}`,
      `${coach.id}.${id}.${"A".repeat(43)}`,
    ]) {
      counter.reset();
      const res = await stack.app.request("/app", { headers: { cookie: `cf_session=${forged}` } });
      expect(res.status, forged).toBe(303);
      expect(res.headers.get("location")).toBe("/app/sign-in?next=%2Fapp");
      expect(counter.calls, forged).toEqual([]);
    }
    // The real one still opens the page.
    expect((await browser.get("/app")).status).toBe(200);
  });

  it("limits requests per address: 429 with Retry-After, and the page says when to try again", async () => {
    const target = await addCoach(stack);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<ReturnType<typeof webBrowser>["post"]>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await webBrowser(stack, { ip: `10.0.0.${i}` }).post("/app/sign-in", { email: target.email });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([303, 303, 303, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.text).toMatch(/try again in \d+ minutes?/);
    expect(await signInMails(target.email)).toHaveLength(3);
  });

  it("limits requests per client IP, whatever the address (60 an hour by default)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push(
        (await webBrowser(stack, { ip: "192.0.2.7" }).post("/app/sign-in", { email: uniqueEmail("x") }))
          .status,
      );
    expect(statuses.filter((s) => s === 303)).toHaveLength(60);
    expect(statuses[60]).toBe(429);
  });

  it("pins the DynamoDB calls of a sign-in request: the email limits' counters, then the coach and the link", async () => {
    const { countCalls } = await import("@coachflow/core/adapters/dynamodb/call-counter");
    const target = await addCoach(stack);
    await webBrowser(stack).post("/app/sign-in", { email: uniqueEmail("warm") });
    const counter = countCalls(stack.deps.aws.dynamodb);

    const res = await webBrowser(stack).post("/app/sign-in", { email: target.email });

    expect(res.status).toBe(303);
    expect(counter.calls).toEqual(PINNED_SIGN_IN_CALLS);
  });
});

describe("every workspace route but sign-in", () => {
  it("needs a web session: without one, or with only a bearer token, it sends the visitor to sign in", async () => {
    const OPEN = /^\/app\/(sign-in|sign-out|assets\/)/;
    const routes = (await answeredRoutes(stack.app)).filter(
      (r) => /^\/app(\/|$)/.test(r.path) && !OPEN.test(r.path),
    );
    expect(routes.length).toBeGreaterThan(8);
    const bearer = await stack.coachHeaders(coach.id);
    for (const r of routes) {
      const path = r.path.replace(/:(\w+)/g, "x-$1");
      for (const headers of [{}, bearer]) {
        const browser = webBrowser(stack);
        const res =
          r.method === "GET" ? await browser.get(path, headers) : await browser.post(path, {}, headers);
        expect([r.method, r.path, res.status, res.location?.split("?")[0]]).toEqual([
          r.method,
          r.path,
          303,
          "/app/sign-in",
        ]);
      }
    }
  });
});

describe("on HTTPS", () => {
  it("uses __Host- cookies that are Secure, HttpOnly and SameSite=Lax", async () => {
    const secure = await startTestStack({ env: { PUBLIC_BASE_URL: "https://coach.example" } });
    try {
      const c = await addCoach(secure);
      const res = await secure.app.request("/app/sign-in", {
        method: "POST",
        headers: { origin: "https://coach.example", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: c.email }).toString(),
      });
      expect(res.status).toBe(303);
      const cookie = res.headers.getSetCookie().join("\n");
      expect(cookie).toMatch(
        /^__Host-cf_signin=[A-Za-z0-9_-]{43}; Max-Age=900; Path=\/; HttpOnly; Secure; SameSite=Lax$/m,
      );
      expect(res.headers.get("strict-transport-security")).toContain("max-age=");
      const binding = cookie.split(";")[0]!;
      const path = await latestSignInPath(secure, c.email);
      const done = await secure.app.request(path, {
        method: "POST",
        headers: {
          cookie: binding,
          origin: "https://coach.example",
          "content-type": "application/x-www-form-urlencoded",
        },
      });
      expect(done.status).toBe(303);
      expect(done.headers.getSetCookie().join("\n")).toMatch(
        // The coach, the session id and their MAC (decision 0028).
        /^__Host-cf_session=coa_[0-9A-Z]{26}\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}; Max-Age=1209600; Path=\/; HttpOnly; Secure; SameSite=Lax$/m,
      );
    } finally {
      await secure.scheduler.stop();
    }
  });
});

describe("npm start's printed sign-in link (local stack only)", () => {
  it("opens a fresh link bound to the browser that opened it, emailed as well", async () => {
    const demo = await addCoach(stack);
    const app = createApp(stack.deps, { extend: (a) => demoSignInRoute(a, stack.deps, demo) });
    const opened = await app.request(DEMO_SIGN_IN_PATH);
    expect(opened.status).toBe(303);
    const link = opened.headers.get("location")!;
    expect(link).toMatch(/^\/app\/sign-in\/[A-Za-z0-9_-]{43}$/);
    const cookie = opened.headers.getSetCookie()[0]!.split(";")[0]!;
    expect(cookie).toMatch(/^cf_signin=/);
    expect(await latestSignInPath(stack, demo.email)).toBe(link);
    const done = await app.request(link, {
      method: "POST",
      headers: {
        cookie,
        origin: "http://localhost:3000",
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/app");
    // Without the cookie the same link does not sign in.
    expect((await webBrowser(stack).post(link)).status).toBe(410);
  });
});
