import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). No browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The flags every browser test runs Chromium with (agreed across the team: quiet, offline, no GPU). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts Chromium once for the whole test run; browser test files connect to it over its
 * WebSocket endpoint (`inject("browserWsEndpoint")`) and open contexts of their own. Playwright
 * gives each launch a fresh temporary profile (it refuses `--user-data-dir` outside a persistent
 * context), so no state survives between runs.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM))
    throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  project.provide("browserWsEndpoint", server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
