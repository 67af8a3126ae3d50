import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The emulators start once per run and every test file shares them (see test/support/global-setup.ts).
    globalSetup: ["test/support/global-setup.ts"],
    env: { TZ: "UTC" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
