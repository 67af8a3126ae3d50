import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCoach, type TestCoach } from "../support/coaching";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { latestSignInPath, signIn, signInAsAdmin, webBrowser } from "../support/web";

let stack: TestStack;
let coach: TestCoach;
const ADMIN = uniqueEmail("admin");
const OTHER_ADMIN = uniqueEmail("admin2");
// Each address gets 3 links an hour (decision 0032): the tests below spread over three addresses.
const THIRD_ADMIN = uniqueEmail("admin3");

beforeAll(async () => {
  stack = await startTestStack({
    env: { ADMIN_EMAILS: ` ${ADMIN.toUpperCase()} , ${OTHER_ADMIN},${THIRD_ADMIN}` },
  });
  coach = await addCoach(stack);
});
afterAll(async () => {
  await stack.scheduler.stop();
});

const signInMails = async (email: string) =>
  (await stack.emailsTo(email)).filter((m) => m.subject.startsWith("Your sign-in link"));

describe("the admin console's sign-in (decision 0033)", () => {
  it("sends a visitor without a session to /admin/sign-in and back to the page asked for", async () => {
    const browser = webBrowser(stack);
    const first = await browser.get("/admin/clients?status=waitlisted");
    expect(first.status).toBe(303);
    expect(first.location).toBe("/admin/sign-in?next=%2Fadmin%2Fclients%3Fstatus%3Dwaitlisted");
    const page = await browser.get(first.location!);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Sign in to the admin console");
    expect(page.text).toContain('name="next" value="/admin/clients?status=waitlisted"');

    const done = await signInAsAdmin(stack, browser, ADMIN, "/admin/clients?status=waitlisted");
    expect(done.location).toBe("/admin/clients?status=waitlisted");
    const mail = (await signInMails(ADMIN)).at(-1)!;
    expect(mail.subject).toBe("Your sign-in link for the admin console");
    expect((await browser.get("/admin")).status).toBe(200);
  });

  it("keeps `next` to console paths: another origin or area falls back to /admin", async () => {
    const browser = webBrowser(stack);
    for (const next of [
      "//evil.example/admin",
      "https://evil.example/admin",
      "/app",
      "/admin/../v1/coaches",
    ]) {
      const page = await browser.get(`/admin/sign-in?next=${encodeURIComponent(next)}`);
      expect(page.text, next).toContain('name="next" value="/admin"');
    }
  });

  it("answers a coach, a stranger and an admin alike, and emails only the admin", async () => {
    const answers = [];
    for (const email of [uniqueEmail("stranger"), coach.email, OTHER_ADMIN]) {
      const res = await webBrowser(stack).post("/admin/sign-in", { email });
      answers.push([res.status, res.location]);
    }
    expect(new Set(answers.map((a) => a.join(" "))).size).toBe(1);
    expect(answers[0]).toEqual([303, "/admin/sign-in/sent"]);
    expect(await signInMails(coach.email)).toHaveLength(0);
    expect(await signInMails(OTHER_ADMIN)).toHaveLength(1);
  });

  it("refuses a coach's workspace session at every /admin page with 403", async () => {
    const browser = webBrowser(stack);
    await signIn(stack, browser, coach.email);
    for (const path of [
      "/admin",
      "/admin/clients",
      "/admin/deliveries",
      "/admin/coaches",
      "/admin/settings",
    ]) {
      const res = await browser.get(path);
      expect(res.status, path).toBe(403);
      expect(res.text).toContain("This page is for the program&#39;s admins");
    }
    expect((await browser.post("/admin/clients/cli_x/rematch")).status).toBe(403);
    // The replay (served by the webhooks group): back to the delivery's page, which answers 403.
    const replay = await browser.post("/admin/deliveries/del_x/replay");
    expect([replay.status, replay.location]).toEqual([303, "/admin/deliveries/del_x"]);
    const signedOut = await webBrowser(stack).post("/admin/deliveries/del_x/replay");
    expect([signedOut.status, signedOut.location]).toEqual([303, "/admin/sign-in"]);
  });

  it("opens no workspace page with an admin's session, and a coach's link signs in no admin", async () => {
    const browser = webBrowser(stack);
    await signInAsAdmin(stack, browser, OTHER_ADMIN);
    const app = await browser.get("/app");
    expect(app.status).toBe(303);
    expect(app.location).toBe("/app/sign-in?next=%2Fapp");

    // A coach's emailed link, opened at the admin console's address, is no admin link.
    const asking = webBrowser(stack);
    await asking.post("/app/sign-in", { email: coach.email });
    const path = await latestSignInPath(stack, coach.email);
    const res = await asking.post(path.replace("/app/", "/admin/"));
    expect(res.status).toBe(400);
    expect(asking.jar.has("cf_session")).toBe(false);
  });

  it("refuses an admin's link at the coach sign-in", async () => {
    const asking = webBrowser(stack);
    await asking.post("/admin/sign-in", { email: OTHER_ADMIN });
    const path = await latestSignInPath(stack, OTHER_ADMIN, "/admin");
    expect(path).toMatch(/^\/admin\/sign-in\//);
    const res = await asking.post(path.replace("/admin/", "/app/"));
    expect(res.status).toBe(400);
    expect(asking.jar.has("cf_session")).toBe(false);
  });

  it("checks the address against ADMIN_EMAILS on every request: removed, the session ends", async () => {
    const browser = webBrowser(stack);
    await signInAsAdmin(stack, browser, THIRD_ADMIN);
    expect((await browser.get("/admin")).status).toBe(200);
    const config = stack.deps.config as { adminEmails: readonly string[] };
    const before = config.adminEmails;
    config.adminEmails = before.filter((e) => e !== THIRD_ADMIN);
    try {
      const res = await browser.get("/admin/clients");
      expect(res.status).toBe(303);
      expect(res.location).toBe("/admin/sign-in?next=%2Fadmin%2Fclients");
    } finally {
      config.adminEmails = before;
    }
    // The session was deleted, not only refused: back on the list, the cookie still opens nothing.
    expect((await browser.get("/admin")).status).toBe(303);
  });

  it("counts an admin's links against the same email limits as every sign-in (decision 0032)", async () => {
    const browser = webBrowser(stack);
    // THIRD_ADMIN has had one link; two more in the hour are sent, the next is refused.
    for (let i = 0; i < 2; i++)
      expect((await browser.post("/admin/sign-in", { email: THIRD_ADMIN })).status).toBe(303);
    const refused = await browser.post("/admin/sign-in", { email: THIRD_ADMIN });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("Too many sign-in requests");
    expect(await signInMails(THIRD_ADMIN)).toHaveLength(3);
  });

  it("ends the console session on sign-out", async () => {
    const browser = webBrowser(stack);
    await signInAsAdmin(stack, browser, ADMIN);
    const out = await browser.post("/admin/sign-out");
    expect(out.status).toBe(200);
    expect(out.text).toContain("You are signed out");
    expect((await browser.get("/admin")).status).toBe(303);
  });

  it("keeps the admin token working for the API, and the console answers with its headers", async () => {
    const api = await stack.app.request("/v1/coaches", { headers: adminHeaders });
    expect(api.status).toBe(200);
    const page = await webBrowser(stack).get("/admin/sign-in");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const forged = await webBrowser(stack, { origin: "https://evil.example" }).post("/admin/sign-in", {
      email: ADMIN,
    });
    expect(forged.status).toBe(403);
  });
});
