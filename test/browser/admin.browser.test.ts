import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import { type BrowserStack, checkPage, startBrowserStack } from "../support/browser";
import { addCoach, applyAsClient, type TestCoach, urlsIn } from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calendlyCreated, deliver } from "../support/webhooks";

/*
 * The admin console in a real browser (Debian's Chromium through playwright-core) on the app
 * served on localhost: signing in from the mail store, the dashboard, replaying a failed delivery,
 * error pages, a coach refused. (Finding and overriding a client: test/integration/admin-console.) Every page and error state passes axe
 * (WCAG 2.1 A and AA); `npm run screenshots` saves each to docs/screenshots/admin-*.png.
 */

const ADMIN = uniqueEmail("browser-admin");
let b: BrowserStack;
let broken: TestStack;
let coach: TestCoach;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  b = await startBrowserStack({
    clock: new LocalClock({ startAt: "2031-09-08T07:00:00Z" }),
    env: { ADMIN_EMAILS: ADMIN },
  });
  // Shares the table, sends no email (a closed SES port): its webhook deliveries fail.
  broken = await startTestStack({
    env: { TABLE_NAME: b.stack.deps.config.tableName, SES_ENDPOINT: "http://127.0.0.1:9" },
    createTable: false,
  });
  coach = await addCoach(b.stack, { capacity: 8 });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await broken?.scheduler.stop();
  await b?.stop();
});

async function newPage(): Promise<Page> {
  const context = await b.newContext();
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, email: string, area: "/admin" | "/app", shots = false) {
  await page.goto(`${b.origin}${area}/sign-in`);
  if (shots) await checkPage(page, "admin-sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Check your email");
  if (shots) await checkPage(page, "admin-sign-in-sent");
  const mails = (await b.stack.emailsTo(email)).filter((m) => m.subject.startsWith("Your sign-in link"));
  const link = urlsIn(mails.at(-1)!).find((u) => u.includes(`${area}/sign-in/`))!;
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`${area}$`));
}

describe("the admin console in a browser", () => {
  let page: Page;

  beforeAll(async () => {
    await applyAsClient(b.stack, uniqueEmail("waits"), {
      name: "Wanda Waits",
      preferences: { topics: ["delegation"], languages: ["fi"], style: "supportive", cadence: "biweekly" },
    });
    await applyAsClient(b.stack, uniqueEmail("matched"), { name: "Mo Matched" });
    page = await newPage();
  });

  it("signs an admin in from the mail store and shows the program at a glance", async () => {
    await signIn(page, ADMIN, "/admin", true);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("The program at a glance");
    await checkPage(page, "admin-dashboard");
    await expect
      .poll(() => page.getByRole("link", { name: /waitlisted clients/ }).textContent())
      .toContain("1");
  });

  it("replays a failed delivery", async () => {
    const start = new Date(b.stack.clock.now().getTime() + 72 * 3600_000);
    const failed = await deliver(
      broken,
      "calendly",
      calendlyCreated({
        id: `BR${Date.now().toString(36).toUpperCase()}`,
        start: start.toISOString(),
        end: new Date(start.getTime() + 3600_000).toISOString(),
        email: uniqueEmail("replay"),
        coachEmail: coach.email,
      }),
    );
    expect(failed.status).toBe(500);
    await page.goto(`${b.origin}/admin/deliveries`);
    await checkPage(page, "admin-deliveries");
    await page.locator(`a[href="/admin/deliveries/${failed.body.deliveryId}"]`).click();
    await checkPage(page, "admin-delivery");
    await page.getByRole("button", { name: "Replay this delivery" }).click();
    await page.waitForURL(/replayed=1/);
    await expect.poll(() => page.locator("dl.brief dd").first().textContent()).toContain("processed");
    await checkPage(page, "admin-delivery-replayed");
  });

  it("shows the unfinished meetings, a bad filter and a missing client as pages that pass axe", async () => {
    await page.goto(`${b.origin}/admin/unfinished`);
    await checkPage(page, "admin-unfinished");
    await page.goto(`${b.origin}/admin/clients?status=lost`);
    await checkPage(page, "admin-clients-bad-filter");
    await page.goto(`${b.origin}/admin/clients/cli_01ARZ3NDEKTSV4RRFFQ69G5FAV`);
    await checkPage(page, "admin-not-found");
  });

  it("refuses a coach signed in to the workspace at /admin", async () => {
    const coachPage = await newPage();
    await signIn(coachPage, coach.email, "/app");
    const res = await coachPage.goto(`${b.origin}/admin`);
    expect(res?.status()).toBe(403);
    await expect
      .poll(() => coachPage.getByRole("heading", { level: 1 }).textContent())
      .toBe("This page is for the program's admins");
    await checkPage(coachPage, "admin-coach-refused");
  });
});
