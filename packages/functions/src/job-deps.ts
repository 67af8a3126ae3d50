import { DynamoBookingStore } from "@coachflow/core/adapters/dynamodb/booking-store";
import { DynamoClientRepository } from "@coachflow/core/adapters/dynamodb/client-repository";
import { DynamoCoachRepository } from "@coachflow/core/adapters/dynamodb/coach-repository";
import { DynamoFollowupStore } from "@coachflow/core/adapters/dynamodb/followup-store";
import { DynamoProgramStore } from "@coachflow/core/adapters/dynamodb/program-store";
import { DynamoSendLedger } from "@coachflow/core/adapters/dynamodb/send-ledger";
import { DynamoSuppressions } from "@coachflow/core/adapters/dynamodb/suppression";
import { SesEmailSender } from "@coachflow/core/adapters/ses/index";
import type { HandleBookingDeps } from "@coachflow/core/bookings/handle";
import type { Clock } from "@coachflow/core/clock";
import { linkUrl, signLink } from "@coachflow/core/links/signed-links";
import { Mailer } from "@coachflow/core/notifications/mailer";
import type { JobScheduler, Logger } from "@coachflow/core/ports";
import { CachedProgramSource } from "@coachflow/core/program/source";
import type { DataClients } from "./aws-clients";
import type { JobConfig } from "./config";

/**
 * Bookings, sessions and their scheduled jobs: the stores, the Mailer and the settings that
 * `handleBookingEvent`, `runJob` and `runActionItemJob` use. The full composition (API, local
 * stack) and the dispatcher's both build them here, each with its own scheduler.
 */
export function buildJobDeps(
  config: JobConfig,
  clients: Pick<DataClients, "doc" | "ses">,
  parts: { clock: Clock; logger: Logger; scheduler: JobScheduler },
): HandleBookingDeps & { program: CachedProgramSource } {
  const { doc, ses } = clients;
  const { clock } = parts;
  const table = config.tableName;
  const sender = new SesEmailSender(ses, {
    from: config.emailFrom,
    configurationSetName: config.sesConfigurationSet,
  });
  return {
    bookings: new DynamoBookingStore(doc, table),
    followups: new DynamoFollowupStore(doc, table),
    clients: new DynamoClientRepository(doc, table),
    coaches: new DynamoCoachRepository(doc, table),
    ledger: new DynamoSendLedger(doc, table, () => clock.now()),
    // Addresses SES reported as bounced or complaining are never sent to again.
    mailer: new Mailer(sender, config.programName, new DynamoSuppressions(doc, table), (clientId) =>
      linkUrl(
        config.publicBaseUrl,
        signLink(config.linkSecret, "your-data", clientId, undefined, clock.now()),
      ),
    ),
    scheduler: parts.scheduler,
    // The program's settings, kept as long as the coach catalog (COACH_CACHE_TTL_MS).
    program: new CachedProgramSource(new DynamoProgramStore(doc, table), clock, config.coachCacheTtlMs),
    clock,
    logger: parts.logger,
    settings: {
      linkSecret: config.linkSecret,
      linkSecretPrevious: config.linkSecretPrevious,
      adminEmail: config.adminEmail,
      publicBaseUrl: config.publicBaseUrl,
    },
  };
}
