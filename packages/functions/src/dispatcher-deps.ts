import { systemClock } from "@coachflow/core/clock";
import type { JobDeps } from "@coachflow/core/sessions/jobs";
import { dataClients } from "./aws-clients";
import type { Config } from "./config";
import { buildJobDeps } from "./job-deps";
import { lazyScheduler } from "./lazy-scheduler";
import { JsonLogger } from "./logger";

/** What the dispatcher uses: the jobs' deps and the logger. `AppDeps` has both, too. */
export interface DispatcherDeps {
  logger: JsonLogger;
  bookings: JobDeps;
}

/**
 * The dispatcher Lambda's composition: only what running a job needs (DynamoDB, SES, the Mailer),
 * none of the HTTP app, its token verifier or the coach catalog. Jobs never schedule, so the
 * Scheduler adapter is loaded only if one ever does (`lazyScheduler`).
 */
export function buildDispatcherDeps(config: Config): DispatcherDeps {
  const logger = new JsonLogger(config.logLevel);
  const bookings = buildJobDeps(config, dataClients(config), {
    clock: systemClock,
    logger,
    scheduler: lazyScheduler(config),
  });
  return { logger, bookings };
}
