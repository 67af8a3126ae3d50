import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { AwsCaller } from "@coachflow/core/adapters/aws/index";
import type { AdminReads } from "@coachflow/core/admin/ports";
import type { HandleBookingDeps } from "@coachflow/core/bookings/handle";
import type { ClientDeps } from "@coachflow/core/clients/service";
import { type Clock, systemClock } from "@coachflow/core/clock";
import { CoachCatalog } from "@coachflow/core/coaches/catalog";
import type { CoachDeps } from "@coachflow/core/coaches/service";
import type { PendingAnswersStore } from "@coachflow/core/intake/pending";
import type { EmailLimiter } from "@coachflow/core/limits/unauthenticated-email";
import type { PrivacyStore } from "@coachflow/core/ports";
import type { ProgramDeps } from "@coachflow/core/program/service";
import { onceUnlessFailed } from "@coachflow/core/shared/once";
import type { DeliveryLog } from "@coachflow/core/webhooks/deliveries";
import type { CoachWebhookSection } from "./admin/coach-webhook";
import { awsCaller, dataClients } from "./aws-clients";
import type { Config } from "./config";
import { tokenVerifier, type VerifyToken } from "./http/tokens";
import { buildJobDeps } from "./job-deps";
import { lazyEmailLimiter } from "./lazy-email-limiter";
import { lazyPrivacyStore } from "./lazy-privacy-store";
import { JsonLogger } from "./logger";
import { buildScheduler } from "./scheduler";
import type { UnverifiedBookings } from "./unverified-bookings";
import { lazyWebStores, type WebStores } from "./web-stores";

/** Everything the HTTP app and the Lambda handlers need, built once per process from the config. */
export interface AppDeps {
  config: Config;
  /** The program's clock: what it schedules and decides (movable locally). */
  clock: Clock;
  /** The machine's clock: security checks (token and signature ages, sign-in links, web sessions, rate windows), never moved (decision 0018). */
  wallClock: Clock;
  logger: JsonLogger;
  /** The DynamoDB client (and the document client the stores share), the signed callers of SES v2 and EventBridge Scheduler. */
  aws: { dynamodb: DynamoDBClient; doc: DynamoDBDocumentClient; ses: AwsCaller; scheduler: AwsCaller };
  coaches: CoachDeps;
  clients: ClientDeps;
  /** Bookings, sessions and their scheduled jobs (the dispatcher uses the same deps). */
  bookings: HandleBookingDeps;
  deliveries: DeliveryLog;
  /** The coach workspace: sign-in links, web sessions, talking points and page reads. */
  web: () => Promise<WebStores>;
  /**
   * The one limiter of every email an unauthenticated request can cause (intake, sign-in links):
   * per address and per client IP, by the wall clock (decision 0032).
   */
  emailLimits: EmailLimiter;
  /** The program settings (`/v1/program`): the store, the cache every reader shares, the coaches. */
  program: ProgramDeps;
  /** Changed intake answers waiting for their confirmation, loaded on first use (decision 0029). */
  pendingAnswers: () => Promise<PendingAnswersStore>;
  /** A client's footprint and its erasure (export, erasure, retention; decision 0026). */
  privacyStore: PrivacyStore;
  /**
   * The admin console (decision 0033): its index reads, loaded on first use, and the dashboard's
   * figures that come from elsewhere: dead-lettered schedules (the local stack's Scheduler, or on
   * AWS the dead-letter queue's depth, decision 0036; undefined when it cannot be read) and
   * unverified bookings (wired where that domain exists); absent, none to show.
   */
  admin: {
    reads: () => Promise<AdminReads>;
    deadLetters?: () => Promise<number | undefined>;
    unverifiedBookings?: () => Promise<number>;
  };
  /** Unverified bookings: the admin's list, its decisions, the client's confirmation (0030); loaded on first use. */
  unverified: () => Promise<UnverifiedBookings>;
  /** Who may call: the static admin token and the JWT verifier. */
  auth: { adminToken?: string; adminTokenPrevious?: string; verify: VerifyToken };
  /** True once the table can be reached. */
  ready(): Promise<boolean>;
  /**
   * The admin coach page's "Cal.com webhook (URL and secret)" section, from the per-coach webhook
   * secrets; unset, the page describes the program's one shared secret (admin/coach-webhook.tsx).
   */
  coachWebhookSection?: CoachWebhookSection;
}

export interface Overrides {
  clock?: Clock;
  wallClock?: Clock;
  logger?: JsonLogger;
  /** How many schedule firings were dead-lettered (the local stack's Scheduler knows). */
  deadLetters?: () => Promise<number>;
}

/**
 * The composition root of the HTTP app and the local stack: turns settings into concrete
 * adapters (the clients and callers in aws-clients.ts, the jobs' deps in job-deps.ts, which the dispatcher's
 * own composition, dispatcher-deps.ts, shares).
 */
export function buildDeps(config: Config, overrides: Overrides = {}): AppDeps {
  const clock = overrides.clock ?? systemClock;
  const wallClock = overrides.wallClock ?? systemClock;
  const logger = overrides.logger ?? new JsonLogger(config.logLevel);
  const { dynamodb, doc, ses } = dataClients(config);
  const scheduler = buildScheduler(config);
  const bookings = buildJobDeps(config, { doc, ses }, { clock, logger, scheduler: scheduler.scheduler });
  const table = config.tableName;
  // On AWS, the dead-letter queue's depth, its caller loaded with the dashboard (a chunk, 0014).
  const deadLetters =
    overrides.deadLetters ??
    (config.schedules.deadLetterUrl
      ? () => import("./dead-letters").then((m) => m.countDeadLetters(awsCaller, config, logger))
      : undefined);

  const web = lazyWebStores(doc, table);
  const adminReads = onceUnlessFailed(async () => {
    const { DynamoAdminStore } = await import("@coachflow/core/adapters/dynamodb/admin-store");
    return new DynamoAdminStore(doc, table);
  });
  // Loaded on first use: only a decision on an unverified booking needs it (0030).
  const unverified = onceUnlessFailed(async () =>
    (await import("./unverified-bookings")).unverifiedBookings(bookings, doc, table),
  );
  const emailLimits = lazyEmailLimiter(doc, table, wallClock, config.rateLimits.ipPerHour);
  const catalog = new CoachCatalog(bookings.coaches, clock, config.coachCacheTtlMs);
  const clients: ClientDeps = {
    clients: bookings.clients,
    coaches: bookings.coaches,
    catalog,
    mailer: bookings.mailer,
    clock,
    logger,
    settings: bookings.settings,
    program: bookings.program,
    emailLimits,
    // The email log of the intake's sends (decision 0036): a chunk loaded by the first one.
    emailLog: onceUnlessFailed(
      async () =>
        new (await import("@coachflow/core/adapters/dynamodb/email-log")).DynamoEmailLog(doc, table),
    ),
  };
  return {
    config,
    clock,
    wallClock,
    logger,
    aws: { dynamodb, doc, ses, scheduler: scheduler.caller },
    coaches: {
      coaches: bookings.coaches,
      catalog,
      clock,
      program: bookings.program,
      webSessions: {
        deleteCoachSessions: async (coachId) => (await web()).auth.deleteCoachSessions(coachId),
      },
    },
    clients,
    bookings,
    deliveries: lazyDeliveryLog(doc, table),
    web,
    emailLimits,
    // Loaded on first use: only an export or an erasure needs it (a chunk of its own, 0014).
    privacyStore: lazyPrivacyStore(doc, table),
    // A chunk of its own, loaded by the first changed answers (0014, 0029).
    pendingAnswers: onceUnlessFailed(async () => {
      const { DynamoPendingAnswers } = await import("@coachflow/core/adapters/dynamodb/pending-answers");
      return new DynamoPendingAnswers(doc, table);
    }),
    admin: {
      reads: adminReads,
      ...(deadLetters ? { deadLetters } : {}),
      // Counted on the index (one Query): the dashboard does not load the decisions' code.
      unverifiedBookings: async () => (await adminReads()).countUnverified(),
    },
    unverified,
    program: { store: bookings.program.store, source: bookings.program, coaches: bookings.coaches, clock },
    auth: {
      adminToken: config.adminToken,
      adminTokenPrevious: config.adminTokenPrevious,
      // A deactivated coach's tokens stop working within a minute on every instance (issue 11).
      verify: tokenVerifier(config.tokens, wallClock, logger, { catalog, coaches: bookings.coaches }),
    },
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

/**
 * The webhook delivery log, its adapter loaded on first use (a chunk of its own, 0014): only the
 * webhooks and the admin console's delivery pages read or write it, so no other cold start loads it.
 */
function lazyDeliveryLog(doc: DynamoDBDocumentClient, table: string): DeliveryLog {
  const log = onceUnlessFailed(async () => {
    const { DynamoDeliveryLog } = await import("@coachflow/core/adapters/dynamodb/delivery-log");
    return new DynamoDeliveryLog(doc, table);
  });
  return {
    put: async (d) => (await log()).put(d),
    get: async (id) => (await log()).get(id),
    listByOutcome: async (outcome, opts) => (await log()).listByOutcome(outcome, opts),
  };
}
