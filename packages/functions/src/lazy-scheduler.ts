import type { JobScheduler } from "@coachflow/core/ports";
import { onceUnlessFailed } from "@coachflow/core/shared/once";
import type { JobConfig } from "./config";

/**
 * A `JobScheduler` that loads the Scheduler adapter and builds the real one (`buildScheduler`) on
 * its first call, through a dynamic import: for code that must be able to schedule but rarely
 * does (the dispatcher never does today), so that loading it costs nothing at cold start. It
 * behaves exactly like the real one; a failed load is not cached.
 */
export function lazyScheduler(config: JobConfig): JobScheduler {
  const real = onceUnlessFailed(async () => (await import("./scheduler")).buildScheduler(config).scheduler);
  return {
    upsert: async (job) => (await real()).upsert(job),
    remove: async (name) => (await real()).remove(name),
    list: async (prefix) => (await real()).list(prefix),
  };
}
