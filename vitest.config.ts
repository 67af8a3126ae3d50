import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The emulators start once per run and every test file shares them (see test/support/global-setup.ts).
    // Chromium too, once, for every browser test file (test/support/browser-setup.ts).
    globalSetup: ["test/support/global-setup.ts", "test/support/browser-setup.ts"],
    env: {
      TZ: "UTC",
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_REGION: "us-east-1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
