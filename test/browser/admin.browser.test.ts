import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import { type BrowserStack, checkPage, startBrowserStack } from "../support/browser";
import { addCoach, applyAsClient, asAdmin, type TestCoach, urlsIn } from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calendlyCreated, deliver } from "../support/webhooks";

/*
 * The admin console in a real browser (Debian's Chromium through playwright-core) on the app
 * served on localhost: signing in from the mail store, the dashboard, replaying a failed delivery,
 * finding a waitlisted client and searching one by email, overriding their matches (seen through
 * the API), the erase confirmation, a coach created with a wrong email, a style edited in the
 * settings and accepted by the coach form, error pages, a coach refused. Every page and error
 * state passes axe (WCAG 2.1 A and AA); `npm run screenshots` saves each to
 * docs/screenshots/admin-*.png.
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

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const summary = (page: Page) => page.locator(".error-summary li").allTextContents();

/** Fills every field the coach form asks for (the default program's words), `style` by its label. */
async function fillCoach(page: Page, v: { name: string; email: string; capacity: string; style: string }) {
  await page.getByLabel("Name", { exact: true }).fill(v.name);
  await page.getByLabel("Email address").fill(v.email);
  await page.getByLabel("Bio").fill("Coaches new engineering managers.");
  await page.getByLabel("Delegation", { exact: true }).check();
  await page.getByLabel("Languages").fill("pt, en");
  await page.getByLabel("Capacity").fill(v.capacity);
  await page.getByLabel("Coaching style").selectOption({ label: v.style });
  await page.getByLabel("Engineering manager", { exact: true }).check();
  await page.getByLabel("Cal.com").check();
  await page.getByRole("textbox", { name: /^Intro booking URL/ }).fill("https://cal.com/coach/intro");
  await page.getByLabel("Pricing URL").fill("https://coach.example/pricing");
}

describe("the admin console in a browser", () => {
  let page: Page;
  let waits: { clientId: string; email: string };

  beforeAll(async () => {
    const email = uniqueEmail("waits");
    const applied = await applyAsClient(b.stack, email, {
      name: "Wanda Waits",
      preferences: { topics: ["delegation"], languages: ["fi"], style: "supportive", cadence: "biweekly" },
    });
    waits = { clientId: applied.clientId, email };
    await applyAsClient(b.stack, uniqueEmail("matched"), { name: "Mo Matched" });
    page = await newPage();
  });
  // Every flow runs as this admin, signed in from the mail store once, by whichever flow runs
  // first (so that one flow alone, `-t`, runs signed in too).
  let signedIn = false;
  async function asTheAdmin() {
    if (signedIn) return;
    await signIn(page, ADMIN, "/admin", true);
    signedIn = true;
  }

  it("signs an admin in from the mail store and shows the program at a glance", async () => {
    await asTheAdmin();
    await page.goto(`${b.origin}/admin`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("The program at a glance");
    await checkPage(page, "admin-dashboard");
    await expect
      .poll(() => page.getByRole("link", { name: /waitlisted clients/ }).textContent())
      .toContain("1");
  });

  it("replays a failed delivery", async () => {
    await asTheAdmin();
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

  it("finds a waitlisted client by the status filter and a client by email with the search box", async () => {
    await asTheAdmin();
    await page.goto(`${b.origin}/admin/clients?status=waitlisted`);
    expect(await h1(page)).toBe("Clients: waitlisted");
    await checkPage(page, "admin-clients-waitlisted");
    const rows = page.locator("tbody tr");
    expect(await rows.allTextContents()).toEqual([expect.stringContaining("Wanda Waits")]);

    await page.goto(`${b.origin}/admin/clients`);
    expect(await h1(page)).toBe("Clients");
    await checkPage(page, "admin-clients");
    await page.getByLabel("Name or email").fill(waits.email);
    await page.getByRole("button", { name: "Show clients" }).click();
    await page.waitForURL(/\/admin\/clients\?q=/);
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(waits.email)]);
    expect(await page.getByText(/^1 client whose name or email starts with/).isVisible()).toBe(true);
    await checkPage(page, "admin-clients-search");
    await page.getByRole("link", { name: "Wanda Waits" }).click();
    await page.waitForURL(new RegExp(`/admin/clients/${waits.clientId}$`));
    expect(await h1(page)).toBe("Wanda Waits");
    await checkPage(page, "admin-client");
  });

  it("overrides a client's matches: none chosen is an error at the field and in the summary, then one coach, seen through the API", async () => {
    await asTheAdmin();
    await page.goto(`${b.origin}/admin/clients/${waits.clientId}`);
    const choice = page.getByRole("checkbox", { name: new RegExp(`^${coach.name}:`) });
    expect(await choice.isChecked()).toBe(false);
    await page.getByRole("button", { name: "Save these coaches and email the client" }).click();
    await expect.poll(() => summary(page)).toEqual(["Choose at least one coach"]);
    expect(await page.locator("#override-first-error").textContent()).toBe(
      "Error: Choose at least one coach",
    );
    expect(await page.title()).toMatch(/^Error: /);
    await checkPage(page, "admin-client-override-error");

    await choice.check();
    await page.getByRole("button", { name: "Save these coaches and email the client" }).click();
    await page.waitForURL(/\?done=override$/);
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/coaches you chose are saved/);
    expect(await page.locator("ol li").allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^${coach.name} \\(score [0-9.]+, chosen by an admin\\)`)),
    ]);
    await checkPage(page, "admin-client-overridden");

    const api = await asAdmin(b.stack, "GET", `/v1/clients/${waits.clientId}`);
    expect(api.status).toBe(200);
    expect(api.body.matchedBy).toBe("admin");
    expect(api.body.matches.map((m: { coachId: string }) => m.coachId)).toEqual([coach.id]);
  });

  it("asks for confirmation before erasing: unconfirmed is an error, and nothing is erased", async () => {
    await asTheAdmin();
    await page.goto(`${b.origin}/admin/clients/${waits.clientId}`);
    await page.getByRole("link", { name: "Erase Wanda Waits" }).click();
    await page.waitForURL(/\/erase$/);
    expect(await h1(page)).toBe("Erase Wanda Waits?");
    await checkPage(page, "admin-client-erase");
    await page.getByRole("button", { name: "Erase Wanda Waits" }).click();
    await expect.poll(() => summary(page)).toEqual(["Tick the box to confirm the erasure"]);
    expect(await page.locator("#confirm-error").textContent()).toBe(
      "Error: Tick the box to confirm the erasure",
    );
    // By its accessible name: the label's text starts with the space after the box, which a
    // `getByLabel(/^I understand/)` never matches (it waits its whole timeout instead).
    const confirm = page.getByRole("checkbox", { name: /^I understand that everything about Wanda Waits/ });
    expect(await confirm.isChecked()).toBe(false);
    expect(await confirm.getAttribute("aria-invalid")).toBe("true");
    await checkPage(page, "admin-client-erase-error");
    await page.getByRole("link", { name: "Keep Wanda Waits and go back" }).click();
    await page.waitForURL(new RegExp(`/admin/clients/${waits.clientId}$`));
    expect((await asAdmin(b.stack, "GET", `/v1/clients/${waits.clientId}`)).status).toBe(200);
  });

  it("creates a coach with a wrong email: the error at the field and in the summary, the typed values kept", async () => {
    await asTheAdmin();
    await page.goto(`${b.origin}/admin/coaches/new`);
    expect(await h1(page)).toBe("Add a coach");
    await fillCoach(page, {
      name: "Rui Costa",
      email: "rui.example.com",
      capacity: "4",
      style: "Structured",
    });
    await page.getByRole("button", { name: "Create coach" }).click();
    await expect
      .poll(() => summary(page))
      .toEqual(["Email address must be an email address like name@example.com"]);
    expect(await page.locator("#email-error").textContent()).toBe(
      "Error: Email address must be an email address like name@example.com",
    );
    expect(await page.getByLabel("Email address").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Rui Costa");
    expect(await page.getByLabel("Email address").inputValue()).toBe("rui.example.com");
    expect(await page.getByLabel("Capacity").inputValue()).toBe("4");
    expect(await page.getByLabel("Delegation", { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Coaching style").locator("option:checked").textContent()).toBe(
      "Structured",
    );
    await checkPage(page, "admin-coach-new-wrong-email");
  });

  it("edits a style in the settings, and the coach form offers and accepts it", async () => {
    await asTheAdmin();
    await page.goto(`${b.origin}/admin/settings`);
    expect(await h1(page)).toBe("Program settings");
    const styles = await page.getByLabel(/^Label of coaching style \d+$/).count();
    await page.getByLabel(`Label of coaching style ${styles}`, { exact: true }).fill("Socratic");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toMatch(/^The settings are saved \(version \d+\)\.$/);
    await checkPage(page, "admin-settings-saved", { fullPage: false });

    await page.goto(`${b.origin}/admin/coaches/new`);
    const style = page.getByLabel("Coaching style");
    expect(await style.locator("option").allTextContents()).toContain("Socratic");
    const email = uniqueEmail("sofia");
    await fillCoach(page, { name: "Sofia Socratic", email, capacity: "3", style: "Socratic" });
    await page.getByRole("button", { name: "Create coach" }).click();
    await page.waitForURL(/\/admin\/coaches\/[^/]+\?saved=created$/);
    expect(await h1(page)).toBe("Coach: Sofia Socratic");
    expect(await page.getByLabel("Coaching style").locator("option:checked").textContent()).toBe("Socratic");
    await checkPage(page, "admin-coach-created");
    const id = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
    const api = await asAdmin(b.stack, "GET", `/v1/coaches/${id}`);
    expect(api.status).toBe(200);
    expect(api.body.style).toBe("socratic");
  }, 60_000);

  it("shows the unfinished meetings, a bad filter and a missing client as pages that pass axe", async () => {
    await asTheAdmin();
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
