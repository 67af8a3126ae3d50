import { serve } from "@hono/node-server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_PROGRAM_SETTINGS } from "../../packages/core/src/program/defaults";
import { freePort } from "../../packages/local/src/emulators/ports";
import { adminTestApp, TEST_ADMIN_COOKIE } from "../support/admin-app";
import { checkPage } from "../support/browser";
import { addCoach } from "../support/coaching";
import { call } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/*
 * The admin coach and settings pages in the run's Chromium, served over HTTP on localhost by an
 * app with a test-only stand-in for the admin sign-in (the real sign-in and its end-to-end flows
 * come with the admin route group). Every page and error state is checked with axe (WCAG 2.1 A
 * and AA); `npm run screenshots` saves each one to docs/screenshots/.
 */

let stack: TestStack;
let origin: string;
let server: ReturnType<typeof serve>;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  stack = await startTestStack({ env: { PUBLIC_BASE_URL: origin } });
  const app = adminTestApp(stack, origin);
  server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const srv = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => resolve(srv));
  });
  browser = await chromium.connect(inject("browserWsEndpoint"));
  context = await browser.newContext({ locale: "en-GB", timezoneId: "UTC" });
  await context.addCookies([{ name: TEST_ADMIN_COOKIE, value: "yes", url: origin }]);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await stack?.scheduler.stop();
});

/** The settings page is some 25,000 pixels long: its pictures show the first screen. */
const firstScreen = { fullPage: false };
const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const summary = (page: Page) => page.locator(".error-summary li").allTextContents();

describe("the coach pages", () => {
  it("create a coach by the form, with a wrong email shown at the field first; edit, deactivate and list", async () => {
    await addCoach(stack, { name: "Listed Coach" });
    const page = await context.newPage();
    await page.goto(`${origin}/admin/coaches`);
    expect(await h1(page)).toBe("Coaches");
    await checkPage(page, "admin-coaches");

    await page.getByRole("link", { name: "Add a coach" }).click();
    expect(await h1(page)).toBe("Add a coach");
    await checkPage(page, "admin-coach-new");
    await page.getByRole("button", { name: "Create coach" }).click();
    await expect.poll(() => page.locator(".error-summary").isVisible()).toBe(true);
    await checkPage(page, "admin-coach-new-errors");

    const email = uniqueEmail("ines");
    await page.getByLabel("Name", { exact: true }).fill("Inês Duarte");
    await page.getByLabel("Email address").fill("ines.example.com");
    await page.getByLabel("Bio").fill("Former CTO; coaches new engineering managers.");
    await page.getByLabel("Delegation", { exact: true }).check();
    await page.getByLabel("Languages").fill("pt, en");
    await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
    await page.getByLabel("Capacity").fill("5");
    await page.getByLabel("Coaching style").selectOption({ label: "Structured" });
    await page.getByLabel("Engineering manager", { exact: true }).check();
    await page.getByLabel("Cal.com").check();
    await page.getByRole("textbox", { name: /^Intro booking URL/ }).fill("https://cal.com/ines/intro");
    await page.getByLabel("Pricing URL").fill("https://ines.example/pricing");
    await page.getByRole("button", { name: "Create coach" }).click();
    await expect
      .poll(() => summary(page))
      .toEqual(["Email address must be an email address like name@example.com"]);
    expect(await page.locator("#email-error").textContent()).toBe(
      "Error: Email address must be an email address like name@example.com",
    );
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Inês Duarte");
    expect(await page.getByLabel("Delegation", { exact: true }).isChecked()).toBe(true);
    await checkPage(page, "admin-coach-new-email-error");
    // The summary's link leads to the field.
    await page.locator('.error-summary a[href="#email"]').click();
    await expect.poll(() => page.evaluate("document.activeElement?.id")).toBe("email");

    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Create coach" }).click();
    await page.waitForURL(/\/admin\/coaches\/[^/]+\?saved=created$/);
    expect(await h1(page)).toBe("Coach: Inês Duarte");
    await checkPage(page, "admin-coach");

    await page.getByLabel("Capacity").fill("-1");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => summary(page)).toEqual(["Capacity must be at least 0"]);
    await checkPage(page, "admin-coach-errors");

    await page.getByRole("button", { name: "Deactivate coach" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/deactivated/);
    await checkPage(page, "admin-coach-inactive");

    await page.getByRole("link", { name: "Coaches", exact: true }).click();
    const row = page.getByRole("row", { name: /Inês Duarte/ });
    expect(await row.textContent()).toMatch(/0 of 5 clients.*Inactive/);

    const missing = await page.goto(`${origin}/admin/coaches/coach_missing`);
    expect(missing?.status()).toBe(404);
    await checkPage(page, "admin-coach-not-found");
    await page.close();
  }, 90_000);
});

describe("the settings page", () => {
  it("edits a style, previews, saves, and shows every error state: invalid, stale and a word in use", async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/admin/settings`);
    expect(await h1(page)).toBe("Program settings");
    await checkPage(page, "admin-settings", firstScreen);

    const next = DEFAULT_PROGRAM_SETTINGS.coachingStyles.length + 1;
    await page.getByLabel(`Label of coaching style ${next}`, { exact: true }).fill("Socratic");
    await page.getByLabel("Opening of the follow-up email").fill("A warm thank-you from {{coach}}.");
    await page.getByLabel("Agenda to preview").selectOption({ label: "A regular session" });
    await page.getByRole("button", { name: "Preview agenda and email" }).click();
    await expect.poll(() => page.locator("#preview").isVisible()).toBe(true);
    expect(await page.locator("#preview").textContent()).toContain("A warm thank-you from Ada Mensah.");
    await checkPage(page, "admin-settings-preview", firstScreen);

    await page.getByLabel("Label of coaching style 1", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => summary(page)).toEqual(["Enter the label of coaching style 1"]);
    expect(await page.getByLabel(`Label of coaching style ${next}`, { exact: true }).inputValue()).toBe(
      "Socratic",
    );
    await checkPage(page, "admin-settings-errors", firstScreen);

    await page.getByLabel("Label of coaching style 1", { exact: true }).fill("Supportive");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("The settings are saved (version 1).");
    expect(await page.getByLabel(`Id of coaching style ${next}`, { exact: true }).inputValue()).toBe(
      "socratic",
    );

    // Someone else saves meanwhile: this page's save is refused, the typed text kept.
    const stored = (await call(stack.app, "GET", "/v1/program", undefined, adminHeaders)).body;
    const { version: _v, updatedAt: _u, ...settings } = stored;
    await call(stack.app, "PUT", "/v1/program", settings, { ...adminHeaders, "if-match": '"v1"' });
    await page.getByLabel("Opening of the welcome email").fill("Mine, not theirs.");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => summary(page))
      .toEqual([expect.stringMatching(/^Someone saved the program settings/)]);
    expect(await page.getByLabel("Opening of the welcome email").inputValue()).toBe("Mine, not theirs.");
    await checkPage(page, "admin-settings-stale", firstScreen);

    // A style a coach uses cannot be removed: the API's 409 in words, at the row's box.
    await addCoach(stack, { style: "socratic" });
    await page.getByRole("link", { name: "Open the current settings", exact: true }).click();
    await page.getByLabel(`Remove coaching style ${next}`).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => summary(page))
      .toEqual([
        'The coaching style "Socratic" is used by 1 coach and 0 clients: keep it, or change those first',
      ]);
    expect(await page.getByLabel(`Remove coaching style ${next}`).isChecked()).toBe(true);
    await checkPage(page, "admin-settings-in-use", firstScreen);
    await page.close();
  }, 120_000);
});
