import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import { type BrowserStack, checkPage, startBrowserStack, tabTo } from "../support/browser";
import {
  addCoach,
  applyAsClient,
  asAdmin,
  bookByWebhook,
  DAY,
  HOUR,
  MINUTE,
  mailbox,
  moveTo,
  type TestCoach,
  tokenOf,
  urlsIn,
} from "../support/coaching";
import { uniqueEmail } from "../support/stack";

/*
 * The coach workspace in a real browser (Debian's Chromium through playwright-core) against the
 * app served on localhost and the shared emulators. Every page and error state is checked with
 * axe (WCAG 2.1 A and AA); `npm run screenshots` saves each one to docs/screenshots/.
 */

let b: BrowserStack;
let coach: TestCoach;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  b = await startBrowserStack({ clock: new LocalClock({ startAt: "2031-09-08T07:00:00Z" }) });
  coach = await addCoach(b.stack, { capacity: 100, timezone: "Europe/Lisbon" });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await b?.stop();
});

async function newPage(): Promise<Page> {
  const context = await b.newContext();
  contexts.push(context);
  return context.newPage();
}

const now = () => b.stack.clock.now().getTime();

async function latestLink(email: string): Promise<string> {
  const mails = (await b.stack.emailsTo(email)).filter((m) => m.subject.startsWith("Your sign-in link"));
  const url = urlsIn(mails.at(-1)!).find((u) => u.includes("/app/sign-in/"));
  expect(url).toBeDefined();
  return url!;
}

async function askForLink(page: Page, email: string, shots = false) {
  await page.goto(`${b.origin}/app/sign-in`);
  if (shots) await checkPage(page, "sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Check your email");
  if (shots) await checkPage(page, "sign-in-sent");
  return latestLink(email);
}

async function signInAs(page: Page, email: string) {
  const link = await askForLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/app$/);
}

async function bookedIntro(label: string, hoursAhead: number) {
  const email = uniqueEmail(label);
  const applied = await applyAsClient(b.stack, email);
  const start = Math.ceil((now() + hoursAhead * HOUR) / MINUTE) * MINUTE;
  const booked = await bookByWebhook(b.stack, {
    coach,
    email,
    start,
    token: tokenOf(applied.matches[0]!.bookingUrl),
  });
  return { email, clientId: applied.clientId, ...booked };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("the coach's journey", () => {
  it("signs in by email link, prepares a session, finishes it by keyboard with a [] action item, and signs out", async () => {
    const intro = await bookedIntro("journey", 3);
    const page = await newPage();

    // A page asked for before signing in opens after signing in.
    await page.goto(`${b.origin}/app/sessions/${intro.sessionId}`);
    await page.waitForURL(/\/app\/sign-in\?next=/);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await checkPage(page, "sign-in-error");
    const link = await askForLink(page, coach.email, true);
    // The link is for this path: the form kept `next`… but askForLink reopened the plain page,
    // so ask once more from the redirect to carry it.
    await page.goto(`${b.origin}/app/sessions/${intro.sessionId}`);
    await page.getByLabel("Email address").fill(coach.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    const withNext = await latestLink(coach.email);
    expect(withNext).not.toBe(link);
    await page.goto(withNext);
    await checkPage(page, "sign-in-link");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${b.origin}/app/sessions/${intro.sessionId}`);
    await checkPage(page, "session");

    // An empty talking point is an error at the field.
    await page.getByRole("button", { name: "Add talking point" }).click();
    await expect.poll(() => page.locator(".error-summary").isVisible()).toBe(true);
    await checkPage(page, "session-errors");
    // Talking point and notes.
    await page.getByLabel("Add a talking point").fill("Ask how reviews pile up");
    await page.getByRole("button", { name: "Add talking point" }).click();
    await expect.poll(() => page.getByLabel("Talking point 1").inputValue()).toBe("Ask how reviews pile up");
    await page.getByLabel("Your notes").fill("Seems stretched.\n[] Draft the on-call rota");
    await page.getByRole("button", { name: "Save notes" }).click();
    await expect.poll(() => page.locator("#notes-hint").textContent()).toMatch(/Last saved/);
    await checkPage(page, "session-saved");

    await page.goto(`${b.origin}/app`);
    await checkPage(page, "home");
    await page.goto(`${b.origin}/app/clients/${intro.clientId}`);
    await checkPage(page, "client");
    await page.getByLabel("Goal", { exact: true }).fill("Delegate reviews");
    await page.getByRole("button", { name: "Save goals" }).click();
    await expect.poll(() => page.locator(".error-summary").isVisible()).toBe(true);
    await checkPage(page, "client-errors");

    // The meeting took place; finish it with the keyboard alone.
    await moveTo(b.stack, intro.end + 20 * MINUTE);
    await page.goto(`${b.origin}/app/sessions/${intro.sessionId}/finish`);
    await checkPage(page, "finish");
    await tabTo(page, "#takeaways");
    await page.keyboard.type("Reviews are the bottleneck.");
    await tabTo(page, "button[value=finish]");
    await page.keyboard.press("Enter");
    // The [] line of the notes is now an action item to confirm; the missing choices are errors.
    await page.waitForLoadState();
    await expect.poll(() => page.locator("#action-0-text").inputValue()).toBe("Draft the on-call rota");
    await checkPage(page, "finish-proposed");
    await tabTo(page, "#action-0-due");
    // Chromium's date field takes month, day, year as typed digits (its en-US format).
    const [y, m, d] = isoDate(now() + 6 * DAY).split("-");
    await page.keyboard.type(`${m}${d}${y}`);
    await tabTo(page, "button[value=finish]");
    // The page before already shows an error summary: wait for the answer's own document to load,
    // or the checks below could run on the old page mid-navigation.
    const answered = page.waitForEvent("load");
    await page.keyboard.press("Enter");
    await answered;
    await expect.poll(() => page.locator(".error-summary").isVisible()).toBe(true);
    await checkPage(page, "finish-errors");
    expect(await page.locator("#action-0-due").inputValue()).toBe(isoDate(now() + 6 * DAY));
    // Follow the summary's link to the intro decision, choose with the keyboard.
    await tabTo(page, '.error-summary a[href="#work-yes"]');
    await page.keyboard.press("Enter");
    await tabTo(page, "#work-yes");
    await page.keyboard.press("Space");
    await tabTo(page, "#next-recurring");
    await page.keyboard.press("Space");
    await tabTo(page, "#cadence");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "button[value=finish]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/finished$/);
    await checkPage(page, "finished");
    const result = await page.locator("main").textContent();
    expect(result).toContain(`A follow-up email to Sam Rivera (${intro.email})`);
    expect(result).toContain('"Draft the on-call rota"');

    const followups = (await mailbox(b.stack, intro.email).all()).filter((m) =>
      m.subject.startsWith("Thank you for today"),
    );
    expect(followups).toHaveLength(1);
    expect(followups[0]!.body.text).toContain("Draft the on-call rota");
    expect(followups[0]!.body.text).not.toContain("Seems stretched");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("You are signed out");
    await checkPage(page, "signed-out");
    await page.goto(`${b.origin}/app`);
    await page.waitForURL(/\/app\/sign-in/);
  }, 90_000);
});

describe("notes saved in two tabs", () => {
  it("refuses the second tab's save after the first saved, shows both texts, accessibly", async () => {
    const intro = await bookedIntro("two-tabs", 4);
    const page = await newPage();
    // The shared coach's third sign-in link this hour: within the limit of 3 (decision 0032).
    await signInAs(page, coach.email);
    await page.goto(`${b.origin}/app/sessions/${intro.sessionId}`);
    const tab = await page.context().newPage();
    await tab.goto(page.url());
    await page.getByLabel("Your notes").fill("Seems stretched.\nAsk about Jo.");
    await page.getByRole("button", { name: "Save notes" }).click();
    await expect.poll(() => page.locator(".notice").textContent()).toContain("Your notes are saved.");
    await tab.getByLabel("Your notes").fill("Seems stretched.\nFrom the other tab.");
    const refused = tab.waitForResponse((r) => r.request().method() === "POST");
    await tab.getByRole("button", { name: "Save notes" }).click();
    expect((await refused).status()).toBe(409);
    await expect.poll(() => tab.locator(".error-summary").isVisible()).toBe(true);
    expect(await tab.locator("#notes-now pre").textContent()).toContain("Ask about Jo.");
    expect(await tab.getByLabel("Your notes").inputValue()).toContain("From the other tab.");
    await checkPage(tab, "session-notes-changed");
  }, 60_000);
});

/** A coach of their own for each test (the per-address limit of 5 links in 15 minutes is real). */
const freshCoach = () => addCoach(b.stack, { languages: ["fi"] });

describe("links and sessions that do not work", () => {
  it("refuses a link used twice", async () => {
    const page = await newPage();
    const link = await askForLink(page, (await freshCoach()).email);
    await page.goto(link);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/app$/);
    await page.goto(link);
    expect(await page.locator("h1").textContent()).toBe("This sign-in link has already been used");
    await checkPage(page, "link-used");
  });

  it("refuses an expired link (15 minutes of wall time)", async () => {
    const page = await newPage();
    const link = await askForLink(page, (await freshCoach()).email);
    b.wall.offsetMs = 16 * MINUTE;
    try {
      await page.goto(link);
      expect(await page.locator("h1").textContent()).toBe("This sign-in link has expired");
      await checkPage(page, "link-expired");
    } finally {
      b.wall.offsetMs = 0;
    }
  });

  it("explains a link opened in another browser and sends a fresh one for it", async () => {
    const asking = await newPage();
    const who = await freshCoach();
    const link = await askForLink(asking, who.email);
    const other = await newPage();
    await other.goto(link);
    expect(await other.locator("h1").textContent()).toBe(
      "Open this link in the browser where you asked for it",
    );
    await checkPage(other, "link-other-browser");
    await other.getByRole("button", { name: "Send a fresh link for this browser" }).click();
    const fresh = await latestLink(who.email);
    expect(fresh).not.toBe(link);
    await other.goto(fresh);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.waitForURL(/\/app$/);
  });

  it("answers a form posted from another site with 403", async () => {
    const page = await newPage();
    await signInAs(page, (await freshCoach()).email);
    await page.route("http://evil.example/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="en"><title>x</title><form method="post" action="${b.origin}/app/sign-out"><button>Win a prize</button></form></html>`,
      }),
    );
    await page.goto("http://evil.example/");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${b.origin}/app/sign-out`),
      page.getByRole("button", { name: "Win a prize" }).click(),
    ]);
    expect(response.status()).toBe(403);
    await checkPage(page, "cross-site-403");
    // Still signed in: nothing was changed.
    await page.goto(`${b.origin}/app`);
    expect(page.url()).toBe(`${b.origin}/app`);
  });

  it("answers 404 for another coach's session", async () => {
    const intro = await bookedIntro("other", 5);
    const someoneElse = await addCoach(b.stack, { languages: ["fi"] });
    const page = await newPage();
    await signInAs(page, someoneElse.email);
    const res = await page.goto(`${b.origin}/app/sessions/${intro.sessionId}`);
    expect(res?.status()).toBe(404);
    await checkPage(page, "not-found");
  });

  it("signs a deactivated coach out of every browser", async () => {
    const leaving = await addCoach(b.stack, { languages: ["fi"] });
    const page = await newPage();
    await signInAs(page, leaving.email);
    const res = await asAdmin(b.stack, "PATCH", `/v1/coaches/${leaving.id}`, { active: false });
    expect(res.status).toBe(200);
    await page.goto(`${b.origin}/app`);
    await page.waitForURL(/\/app\/sign-in/);
  });

  it("says when to try again after too many links (429)", async () => {
    const limited = await addCoach(b.stack, { languages: ["fi"] });
    const page = await newPage();
    // 3 links an hour per address (decision 0032).
    for (let i = 0; i < 3; i++) await askForLink(page, limited.email);
    await page.goto(`${b.origin}/app/sign-in`);
    await page.getByLabel("Email address").fill(limited.email);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Email me a sign-in link" }).click(),
    ]);
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await page.locator("main").textContent()).toMatch(/try again in \d+ minutes?/);
    await checkPage(page, "too-many-requests");
  });
});
