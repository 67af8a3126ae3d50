import { randomUUID } from "node:crypto";
import { ensureTable } from "@coachflow/core/adapters/dynamodb/ensure-table";
import type { Clock } from "@coachflow/core/clock";
import { buildDeps, createApp, JsonLogger, loadConfig } from "@coachflow/functions";
import { inject } from "vitest";
import { createDispatcher } from "../../packages/functions/src/handlers/dispatcher";
import { mintToken } from "../../packages/functions/src/http/jwt";
import { bootstrapResources } from "../../packages/local/src/bootstrap";
import { freePort } from "../../packages/local/src/emulators/ports";
import { localRoutes } from "../../packages/local/src/local-routes";
import { LocalClock, startLocalScheduler } from "../../packages/local/src/scheduler";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
export const CALENDLY_KEY = "test-calendly-signing-key-0123456789";
export const CALCOM_SECRET = "test-calcom-webhook-secret-0123456789";
export const JWT_SECRET = "test-jwt-secret-0123456789abcdef0123456789";
export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** An email as the SES emulator stores it. */
export interface SentEmail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  at: number;
}

/**
 * The application wired to the shared emulators, with a table of its own (so test files do not
 * see each other's data) and a logger whose lines the test can read.
 */
export async function startTestStack(
  opts: {
    clock?: LocalClock;
    /** The wall clock security checks read (tokens, signatures, sign-in links, web sessions, rate limits); real time by default. */
    wallClock?: Clock;
    env?: Record<string, string>;
    /** false: the table is not created (and templates not loaded): for tests of a missing table. */
    createTable?: boolean;
    /** false: the email templates are not loaded into SES (e.g. when SES is unreachable on purpose). */
    templates?: boolean;
  } = {},
) {
  const clock = opts.clock ?? new LocalClock();
  let dispatch: (input: string) => Promise<unknown> = async () => undefined;
  const scheduler = await startLocalScheduler({
    port: await freePort(),
    clock,
    tickMs: 60 * 60 * 1000,
    onFire: async (event) => {
      await dispatch(event.input);
    },
  });
  const sesEndpoint = inject("sesEndpoint");
  const config = loadConfig({
    TABLE_NAME: `test-${randomUUID()}`,
    DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
    SES_ENDPOINT: sesEndpoint,
    SCHEDULER_ENDPOINT: scheduler.endpoint,
    ADMIN_TOKEN,
    ADMIN_EMAIL: "admin@program.example",
    LINK_SIGNING_SECRET: "test-link-secret-0123456789",
    COACH_CACHE_TTL_MS: "60000",
    CALENDLY_SIGNING_KEY: CALENDLY_KEY,
    CALCOM_WEBHOOK_SECRET: CALCOM_SECRET,
    DISPATCHER_ARN: "arn:aws:lambda:us-east-1:000000000000:function:coachflow-test-dispatcher",
    SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/coachflow-test-scheduler",
    JWT_SECRET,
    ...opts.env,
  });
  const logs: string[] = [];
  const logger = new JsonLogger("debug", {}, (line) => logs.push(line));
  const deps = buildDeps(config, {
    logger,
    clock,
    deadLetters: async () => scheduler.deadLetters().length,
    ...(opts.wallClock ? { wallClock: opts.wallClock } : {}),
  });
  const dispatcher = createDispatcher(deps);
  dispatch = (input) => dispatcher(input);
  if (opts.createTable !== false && opts.templates !== false) await bootstrapResources(deps);
  else if (opts.createTable !== false) await ensureTable(deps.aws.dynamodb, deps.config.tableName);
  // The local stack's /_local routes too, so tests move time the way people do.
  const app = createApp(deps, { extend: (a) => localRoutes(a, scheduler) });
  return {
    app,
    deps,
    logs,
    clock,
    scheduler,
    dispatcher,
    /**
     * Bearer headers of a coach (an HS256 token minted with the stack's JWT_SECRET, valid one hour
     * by the wall clock, which is what token lifetimes are judged by, however far the clock moved).
     */
    async coachHeaders(coachId: string): Promise<Record<string, string>> {
      const token = await mintToken(JWT_SECRET, { sub: coachId, role: "coach" }, 3600, new Date());
      return { authorization: `Bearer ${token}` };
    },
    /** Every email the emulator holds for `to`, oldest first. */
    async emailsTo(to: string): Promise<SentEmail[]> {
      const res = await fetch(`${sesEndpoint}/store`);
      const store = (await res.json()) as { emails: SentEmail[] };
      return store.emails.filter((e) => e.destination.to.some((t) => t.includes(to)));
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;

/** A unique email address, so tests sharing the SES emulator can tell their mail apart. */
export const uniqueEmail = (label: string) => `${label}.${randomUUID().slice(0, 8)}@example.com`;
