import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import { type BrowserStack, checkPage, startBrowserStack } from "../support/browser";
import {
  addCoach,
  applyAsClient,
  asAdmin,
  bookingId,
  HOUR,
  MINUTE,
  type TestCoach,
  urlsIn,
} from "../support/coaching";
import { uniqueEmail } from "../support/stack";
import { calendlyCreated, deliver } from "../support/webhooks";

/*
 * The client page's unverified bookings in a real browser (decision 0036): an admin signed in
 * from the mail store links one booking made with the client's address, sees the refusal of one
 * decided meanwhile (summarized, linked to its section, and at the section), and opens the list
 * behind the dashboard's figure. No script runs (the CSP allows none). Each page passes axe
 * (WCAG 2.1 A and AA); `npm run screenshots` saves them as docs/screenshots/admin-client-unverified*.png
 * and admin-unverified.png.
 */

const ADMIN = uniqueEmail("browser-unverified-admin");
let b: BrowserStack;
let matched: TestCoach;
let stranger: TestCoach;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  b = await startBrowserStack({
    clock: new LocalClock({ startAt: "2031-10-06T07:00:00Z" }),
    env: { ADMIN_EMAILS: ADMIN },
  });
  matched = await addCoach(b.stack, { capacity: 8 });
  stranger = await addCoach(b.stack, { capacity: 8, name: "Sam Stranger" });
  context = await b.newContext();
  page = await context.newPage();
});

async function signIn() {
  await page.goto(`${b.origin}/admin/sign-in`);
  await page.getByLabel("Email address").fill(ADMIN);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Check your email");
  const mails = (await b.stack.emailsTo(ADMIN)).filter((m) => m.subject.startsWith("Your sign-in link"));
  await page.goto(urlsIn(mails.at(-1)!).find((u) => u.includes("/admin/sign-in/"))!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin$/);
}
afterAll(async () => {
  await context?.close();
  await b?.stop();
});

/** A booking with the stranger coach by `email` under `name`: kept apart, unverified. */
async function strangerBooks(email: string, name: string, hoursAhead: number) {
  const start = Math.ceil((b.stack.clock.now().getTime() + hoursAhead * HOUR) / MINUTE) * MINUTE;
  const res = await deliver(
    b.stack,
    "calendly",
    calendlyCreated({
      id: bookingId("BR"),
      start: new Date(start).toISOString(),
      end: new Date(start + HOUR).toISOString(),
      email,
      name,
      coachEmail: stranger.email,
    }),
  );
  expect(res.status).toBe(200);
  return res.body.sessionId as string;
}

describe("the client page's unverified bookings in a browser", () => {
  it("links one, refuses one decided meanwhile, and lists those waiting", { timeout: 120_000 }, async () => {
    await signIn();
    const email = uniqueEmail("nora");
    const applied = await applyAsClient(b.stack, email, { name: "Nora Nakamura" });
    const id = applied.clientId as string;
    expect(
      (await asAdmin(b.stack, "PUT", `/v1/clients/${id}/matches`, { coachIds: [matched.id] })).status,
    ).toBe(200);
    const decided = await strangerBooks(email, "N. Nakamura", 30);
    await strangerBooks(email, "Nora N.", 54);

    await page.goto(`${b.origin}/admin`);
    await page.getByRole("link", { name: /unverified bookings waiting for a decision/ }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Unverified bookings");
    await checkPage(page, "admin-unverified");
    await page.getByRole("link", { name: "Decide on the client's page" }).first().click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Nora Nakamura");
    await expect.poll(() => page.getByRole("heading", { name: "Booked by N. Nakamura" }).count()).toBe(1);
    await checkPage(page, "admin-client-unverified");

    // Rejected through the API while the page is open: its "Link" is refused, nothing changes.
    expect((await asAdmin(b.stack, "POST", `/v1/unverified-bookings/${decided}/reject`)).status).toBe(200);
    await page.getByRole("button", { name: /^Link to this client\W+the booking by N\. Nakamura$/ }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Nora Nakamura/);
    const summary = page.locator(".error-summary li a");
    await expect.poll(() => summary.textContent()).toContain("no longer waiting for a decision");
    expect(await summary.getAttribute("href")).toBe("#unverified-bookings");
    await expect
      .poll(() => page.locator("#unverified-bookings-error").textContent())
      .toContain("nothing was changed");
    await checkPage(page, "admin-client-unverified-error");

    await page.getByRole("button", { name: /^Link to this client\W+the booking by Nora N\.$/ }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("The booking is now this client's");
    await expect.poll(() => page.getByRole("heading", { name: "Booked by Nora N." }).count()).toBe(0);
    await checkPage(page, "admin-client-unverified-linked");
    const client = await asAdmin(b.stack, "GET", `/v1/clients/${id}`);
    expect(client.status).toBe(200);
  });
});
