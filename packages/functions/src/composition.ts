import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoBookingStore } from "@coachflow/core/adapters/dynamodb/booking-store";
import { DynamoClientRepository } from "@coachflow/core/adapters/dynamodb/client-repository";
import { DynamoCoachRepository } from "@coachflow/core/adapters/dynamodb/coach-repository";
import { DynamoDeliveryLog } from "@coachflow/core/adapters/dynamodb/delivery-log";
import { DynamoFollowupStore } from "@coachflow/core/adapters/dynamodb/followup-store";
import { DynamoSendLedger } from "@coachflow/core/adapters/dynamodb/send-ledger";
import { DynamoSuppressions } from "@coachflow/core/adapters/dynamodb/suppression";
import { EventBridgeJobScheduler } from "@coachflow/core/adapters/scheduler/index";
import { SesEmailSender } from "@coachflow/core/adapters/ses/index";
import type { HandleBookingDeps } from "@coachflow/core/bookings/handle";
import type { ClientDeps } from "@coachflow/core/clients/service";
import { type Clock, systemClock } from "@coachflow/core/clock";
import { CoachCatalog } from "@coachflow/core/coaches/catalog";
import type { CoachDeps } from "@coachflow/core/coaches/service";
import { Mailer } from "@coachflow/core/notifications/mailer";
import type { DeliveryLog } from "@coachflow/core/webhooks/deliveries";
import type { Config } from "./config";
import { tokenVerifier, type VerifyToken } from "./http/tokens";
import { JsonLogger } from "./logger";

/** Everything the HTTP app and the Lambda handlers need, built once per process from the config. */
export interface AppDeps {
  config: Config;
  clock: Clock;
  logger: JsonLogger;
  aws: { dynamodb: DynamoDBClient; ses: SESv2Client; scheduler: SchedulerClient };
  coaches: CoachDeps;
  clients: ClientDeps;
  /** Bookings, sessions and their scheduled jobs (the dispatcher uses the same deps). */
  bookings: HandleBookingDeps;
  deliveries: DeliveryLog;
  /** Who may call: the static admin token and the JWT verifier. */
  auth: { adminToken?: string; verify: VerifyToken };
  /** True once the table can be reached. */
  ready(): Promise<boolean>;
}

export interface Overrides {
  clock?: Clock;
  logger?: JsonLogger;
}

/**
 * The composition root: the only place that turns settings into concrete adapters. Locally the
 * endpoints point at the emulators; on AWS they are absent and the SDK finds the services itself.
 */
export function buildDeps(config: Config, overrides: Overrides = {}): AppDeps {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? new JsonLogger(config.logLevel);
  const region = config.region;
  const dynamodb = new DynamoDBClient({ region, endpoint: config.endpoints.dynamodb });
  const ses = new SESv2Client({ region, endpoint: config.endpoints.ses });
  const scheduler = new SchedulerClient({ region, endpoint: config.endpoints.scheduler });
  const doc = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  const table = config.tableName;

  const coachRepo = new DynamoCoachRepository(doc, table);
  const clientRepo = new DynamoClientRepository(doc, table);
  const catalog = new CoachCatalog(coachRepo, clock, config.coachCacheTtlMs);
  const sender = new SesEmailSender(ses, {
    from: config.emailFrom,
    configurationSetName: config.sesConfigurationSet,
  });
  // Addresses SES reported as bounced or complaining are never sent to again.
  const mailer = new Mailer(sender, config.programName, new DynamoSuppressions(doc, table));
  const clients: ClientDeps = {
    clients: clientRepo,
    coaches: coachRepo,
    catalog,
    mailer,
    clock,
    logger,
    settings: { linkSecret: config.linkSecret, adminEmail: config.adminEmail },
  };
  const bookings: HandleBookingDeps = {
    bookings: new DynamoBookingStore(doc, table),
    followups: new DynamoFollowupStore(doc, table),
    clients: clientRepo,
    coaches: coachRepo,
    ledger: new DynamoSendLedger(doc, table, () => clock.now()),
    mailer,
    scheduler: new EventBridgeJobScheduler(scheduler, {
      groupName: config.schedules.group,
      targetArn: config.schedules.dispatcherArn,
      roleArn: config.schedules.roleArn,
      ...(config.schedules.deadLetterArn ? { deadLetterArn: config.schedules.deadLetterArn } : {}),
    }),
    clock,
    logger,
    settings: {
      linkSecret: config.linkSecret,
      adminEmail: config.adminEmail,
      publicBaseUrl: config.publicBaseUrl,
    },
  };
  return {
    config,
    clock,
    logger,
    aws: { dynamodb, ses, scheduler },
    coaches: { coaches: coachRepo, catalog, clock },
    clients,
    bookings,
    deliveries: new DynamoDeliveryLog(doc, table),
    auth: { adminToken: config.adminToken, verify: tokenVerifier(config.tokens, clock) },
    async ready() {
      try {
        await doc.send(new GetCommand({ TableName: table, Key: { pk: "HEALTH", sk: "HEALTH" } }));
        return true;
      } catch (error) {
        logger.warn("table not reachable", { errorName: error instanceof Error ? error.name : "unknown" });
        return false;
      }
    },
  };
}
