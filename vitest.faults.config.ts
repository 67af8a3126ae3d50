import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The fault-injection suite (`npm run test:faults`): its own config, so `npm test` does not run
 * it too. Same emulators and environment as the main suite.
 */
export default defineConfig({
  test: {
    ...base.test,
    // `*.faults.ts`, not `*.test.ts`: the main config includes every `test/**/*.test.ts`.
    include: ["test/faults/**/*.faults.ts"],
    testTimeout: 300_000,
    // Seeds run side by side (it.concurrent), at most this many at once.
    maxConcurrency: 4,
  },
});
