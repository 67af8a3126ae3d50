import { systemClock } from "@coachflow/core/clock";
import type { PrivacyDeps } from "@coachflow/core/privacy/erase";
import type { JobDeps } from "@coachflow/core/sessions/jobs";
import { dataClients } from "./aws-clients";
import type { Config } from "./config";
import { buildJobDeps } from "./job-deps";
import { lazyScheduler } from "./lazy-scheduler";
import { JsonLogger } from "./logger";
import { lazyPrivacy } from "./privacy-deps";

/** What the dispatcher uses: the jobs' deps and the logger. `AppDeps` has both, too. */
export interface DispatcherDeps {
  logger: JsonLogger;
  bookings: JobDeps;
  /** The retention sweep's deps, loaded only when the sweep fires. */
  privacy: () => Promise<PrivacyDeps>;
  config: Pick<Config, "retention">;
}

/**
 * The dispatcher Lambda's composition: only what running a job needs (DynamoDB, SES, the Mailer),
 * none of the HTTP app, its token verifier or the coach catalog. Jobs never schedule, so the
 * Scheduler adapter is loaded only if one ever does (`lazyScheduler`).
 */
export function buildDispatcherDeps(config: Config): DispatcherDeps {
  const logger = new JsonLogger(config.logLevel);
  const data = dataClients(config);
  const scheduler = lazyScheduler(config);
  const bookings = buildJobDeps(config, data, { clock: systemClock, logger, scheduler });
  const privacy = lazyPrivacy(data.doc, config.tableName, { scheduler, clock: systemClock, logger });
  return { logger, bookings, privacy, config };
}
