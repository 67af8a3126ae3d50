import { mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "@hono/node-server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { freePort } from "../../packages/local/src/emulators/ports";
import type { LocalClock } from "../../packages/local/src/scheduler";
import { startTestStack } from "./stack";

/** Where `npm run screenshots` (SCREENSHOTS=1) writes a picture of each page. */
const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../docs/screenshots");

/**
 * The app served over real HTTP on localhost (as `npm start` does), wired to the shared
 * emulators, and a connection to the run's one Chromium. `wall` moves the wall clock the
 * security checks read, for expiry tests; the program clock is the stack's LocalClock.
 */
export async function startBrowserStack(opts: { clock?: LocalClock; env?: Record<string, string> } = {}) {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const wall = { offsetMs: 0, now: () => new Date(Date.now() + wall.offsetMs) };
  const stack = await startTestStack({
    env: { ...opts.env, PUBLIC_BASE_URL: origin },
    wallClock: wall,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const srv = serve({ fetch: stack.app.fetch, port, hostname: "127.0.0.1" }, () => resolve(srv));
  });
  const browser: Browser = await chromium.connect(inject("browserWsEndpoint"));
  return {
    stack,
    origin,
    wall,
    browser,
    /** A fresh browser profile: its own cookies, as another browser would be. */
    newContext: (): Promise<BrowserContext> => browser.newContext({ locale: "en-GB", timezoneId: "UTC" }),
    async stop() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stack.scheduler.stop();
    },
  };
}
export type BrowserStack = Awaited<ReturnType<typeof startBrowserStack>>;

/**
 * Checks the page with axe-core's WCAG 2.0/2.1 A and AA rules (0 violations, each listed by rule
 * and element when there are some), and, under `npm run screenshots`, saves a picture of it.
 */
export async function checkPage(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `axe on ${name} (${page.url()})`).toEqual([]);
  if (process.env.SCREENSHOTS === "1") {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // A very long page (the admin settings) is pictured by its first screen only.
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}.png`),
      fullPage: opts.fullPage ?? true,
    });
  }
}

/** Presses Tab until `selector` has the focus (keyboard only: no clicks), at most `max` times. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const focused = await page.evaluate(
      `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`,
    );
    if (focused) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}
