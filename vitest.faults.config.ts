import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The fault-injection suite (`npm run test:faults`): its own config, so `npm test` does not run
 * it too. Same emulators and environment as the main suite.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ["test/faults/**/*.faults.test.ts"],
    testTimeout: 300_000,
    // Seeds run side by side (it.concurrent), at most this many at once.
    maxConcurrency: 4,
  },
});
