import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserStack, startBrowserStack } from "../support/browser";

/*
 * `/docs` in a real browser (issue 11): admins paste ADMIN_TOKEN into this page, so Swagger UI
 * must come from our own origin, under a CSP that lets nothing else run or load, and still work.
 */

let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
});
afterAll(async () => {
  await b?.stop();
});

describe("the interactive docs", () => {
  it("render Swagger UI from this origin alone, with no CSP violation, and call the API from it", async () => {
    const context = await b.newContext();
    const page = await context.newPage();
    const origins = new Set<string>();
    page.on("request", (r) => origins.add(new URL(r.url()).origin));
    // Violations reach the console in Chromium; the event catches what the page itself would report.
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript({
      content: `document.addEventListener("securitypolicyviolation", (e) =>
        console.error("Content Security Policy: " + e.violatedDirective + " " + e.blockedURI));`,
    });

    const res = await page.goto(`${b.origin}/docs`);

    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    // The description loaded and rendered: an operation of each tag is on the page.
    await expect
      .poll(() => page.locator(".opblock-summary-path").count(), { timeout: 15_000 })
      .toBeGreaterThan(10);
    await expect.poll(() => page.getByText("/v1/webhooks/calcom/{coachId}").count()).toBeGreaterThan(0);

    // "Try it out" on GET /health: Swagger UI calls the API from the page, which the policy allows.
    const health = page.locator(".opblock", { has: page.locator('[data-path="/health"]') }).first();
    await health.locator(".opblock-summary").click();
    await health.getByRole("button", { name: "Try it out" }).click();
    await health.getByRole("button", { name: "Execute" }).click();
    await expect
      .poll(() =>
        health.locator(".live-responses-table tr.response .response-col_status").first().textContent(),
      )
      .toContain("200");

    expect(violations).toEqual([]);
    expect([...origins]).toEqual([b.origin]);
    await context.close();
  });
});
