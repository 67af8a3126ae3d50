import { systemClock } from "@coachflow/core/clock";
import type { JobDeps } from "@coachflow/core/sessions/jobs";
import { dataClients } from "./aws-clients";
import type { Config, JobConfig } from "./config";
import { buildJobDeps } from "./job-deps";
import { lazyPrivacyStore } from "./lazy-privacy-store";
import { lazyScheduler } from "./lazy-scheduler";
import { JsonLogger } from "./logger";
import type { PrivacySource } from "./privacy-deps";

/** What the dispatcher uses: the jobs' deps and the logger. `AppDeps` has both, too. */
export interface DispatcherDeps extends PrivacySource {
  logger: JsonLogger;
  bookings: JobDeps;
  /** When the retention sweep erases a client. */
  config: Pick<Config, "retention">;
}

/**
 * The dispatcher Lambda's composition: only what running a job needs (DynamoDB, SES, the Mailer),
 * none of the HTTP app, its token verifier or the coach catalog. Jobs never schedule, so the
 * Scheduler adapter is loaded only if one ever does (`lazyScheduler`).
 */
export function buildDispatcherDeps(config: JobConfig): DispatcherDeps {
  const logger = new JsonLogger(config.logLevel);
  const data = dataClients(config);
  const scheduler = lazyScheduler(config);
  const bookings = buildJobDeps(config, data, { clock: systemClock, logger, scheduler });
  return { logger, bookings, privacyStore: lazyPrivacyStore(data.doc, config.tableName), config };
}
