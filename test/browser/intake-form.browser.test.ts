import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { type BrowserStack, checkPage, startBrowserStack } from "../support/browser";
import { uniqueEmail } from "../support/stack";

/*
 * The public intake form in a real browser: axe (WCAG 2.1 A and AA) on the form, on a success and
 * on the page over the email limits; the honeypot field (decision 0032) is out of sight, out of the
 * tab order and out of the accessibility tree, and a person filling the form never touches it.
 */

let b: BrowserStack;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Every request here comes from 127.0.0.1: a low per-IP limit shows the 429 page.
  b = await startBrowserStack({ env: { RATE_LIMIT_IP_PER_HOUR: "1" } });
  await seedDemoCoaches(b.stack.deps);
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

async function fillAsAPerson(page: Page, email: string) {
  await page.getByLabel("Your name").fill("Priya Shah");
  await page.getByLabel("Your email address").fill(email);
  await page.getByLabel("Current role").fill("Engineering manager");
  await page.getByLabel("Company").fill("Globex");
  await page.getByLabel("Your background").fill("Ten years in infrastructure; manager for one year.");
  await page.getByLabel("Your top challenge").fill("Two senior engineers on my team are in open conflict.");
  await page.getByRole("checkbox", { name: "Conflict" }).check();
  await page.getByRole("checkbox", { name: "English" }).check();
  await page.getByRole("checkbox", { name: "I agree to be contacted about coaching by email." }).check();
}

describe("the intake form", () => {
  it("has no axe violations, and its honeypot is out of sight, out of the tab order and hidden from assistive technology", async () => {
    const page = await newPage();
    await page.goto(`${b.origin}/intake`);
    await checkPage(page, "intake-form");

    const box = await page.locator("#website").boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(0);
    // Not in the accessibility tree: no textbox is named after it.
    expect(await page.getByRole("textbox", { name: "Leave this field empty" }).count()).toBe(0);
    // Tab from the top of the page to the submit button never lands on it.
    const focused: string[] = [];
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate("document.activeElement?.id ?? ''");
      focused.push(String(id));
      if (await page.evaluate("document.activeElement?.type === 'submit'")) break;
    }
    expect(focused).toContain("email");
    expect(focused).not.toContain("website");
  });

  it("takes a person's application (the honeypot left empty), then over the limit says when to try again, accessibly", async () => {
    const page = await newPage();
    await page.goto(`${b.origin}/intake`);
    await fillAsAPerson(page, uniqueEmail("browser"));
    await page.getByRole("button", { name: "Find my coaches" }).click();
    await page.waitForURL(/\/v1\/intake$/);
    expect(await page.locator("h1").textContent()).toBe("Your recommended coaches");
    await checkPage(page, "intake-recommendations");

    const again = await newPage();
    await again.goto(`${b.origin}/intake`);
    const email = uniqueEmail("browser2");
    await fillAsAPerson(again, email);
    const [response] = await Promise.all([
      again.waitForResponse((r) => r.url().endsWith("/v1/intake")),
      again.getByRole("button", { name: "Find my coaches" }).click(),
    ]);
    expect(response.status()).toBe(429);
    await again.waitForLoadState();
    expect(await again.getByRole("alert").textContent()).toMatch(/Please try again in \d+ minutes?/);
    expect(await again.getByLabel("Your email address").inputValue()).toBe(email);
    await checkPage(again, "intake-too-many");
  });
});
