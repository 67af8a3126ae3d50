import { rm } from "node:fs/promises";
import { join } from "node:path";
import { SWEEP_SCHEDULE, scheduleNextSweep } from "@coachflow/core/privacy/retention";
import { type AppDeps, buildDeps, createApp, loadConfig } from "@coachflow/functions";
import { createDispatcher } from "@coachflow/functions/handlers/dispatcher";
import { mintToken } from "@coachflow/functions/http/jwt";
import { privacyOf } from "@coachflow/functions/privacy-deps";
import { serve } from "@hono/node-server";
import { bootstrapResources } from "./bootstrap";
import { DEMO_COACHES } from "./demo/coaches";
import { seedDemoCoaches } from "./demo/seed";
import { DEMO_SIGN_IN_PATH, demoSignInRoute } from "./demo/sign-in-route";
import { assertJava, startDynamoDbLocal } from "./emulators/dynamodb-local";
import { stopLeftoverDynamoDbLocal } from "./emulators/dynamodb-pid-file";
import { assertPortFree } from "./emulators/ports";
import { startSesLocal } from "./emulators/ses-local";
import { localRoutes } from "./local-routes";
import { LocalClock, type LocalScheduler, startLocalScheduler } from "./scheduler";
import type { LocalSettings } from "./settings";

export interface LocalStack {
  urls: Record<string, string>;
  /** A coach token for the first demo coach, for trying the coach API (12 hours). */
  demoCoach?: { id: string; name: string; token: string; email: string };
  deps: AppDeps;
  scheduler: LocalScheduler;
  dynamodbPid: number;
  stop(): Promise<void>;
}

/**
 * Starts everything `npm start` runs: DynamoDB Local, the SES emulator, the local Scheduler and the
 * API server, then prepares the table, the templates and the demo coaches. `progress` is told each
 * step. On any failure the parts already started are stopped before the error is rethrown.
 */
export async function startLocalStack(
  s: LocalSettings,
  progress: (line: string) => void,
): Promise<LocalStack> {
  assertJava();
  const dbPath = join(s.dataDir, "dynamodb");
  const pidFile = join(s.dataDir, "dynamodb-local.pid");
  // Before the port checks: a java that a killed run left behind still holds DYNAMODB_PORT.
  const leftover = await stopLeftoverDynamoDbLocal(pidFile, dbPath);
  if (leftover) progress(`stopped the DynamoDB Local an earlier run left running (java pid ${leftover})`);
  await assertPortFree(s.port, "the API", "PORT");
  await assertPortFree(s.dynamodbPort, "DynamoDB Local", "DYNAMODB_PORT");
  await assertPortFree(s.sesPort, "the SES emulator", "SES_PORT");
  await assertPortFree(s.schedulerPort, "the local Scheduler", "SCHEDULER_PORT");
  if (s.fresh) {
    await rm(s.dataDir, { recursive: true, force: true });
    progress(`removed ${s.dataDir} (--fresh)`);
  }

  // Local stand-ins for AWS credentials (the emulators ignore them); the SDK reads them from here.
  process.env.AWS_ACCESS_KEY_ID ??= "local";
  process.env.AWS_SECRET_ACCESS_KEY ??= "local";
  // Lambda runs Node 22; the SDK's notice about Node 20 is noise on this machine.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    stops.length = 0;
  };
  try {
    const dynamo = await startDynamoDbLocal({ port: s.dynamodbPort, dbPath, pidFile });
    stops.push(() => dynamo.stop());
    progress(`DynamoDB Local on ${dynamo.endpoint} (java pid ${dynamo.pid}, data in ${dbPath})`);
    const mailFile = join(s.dataDir, "ses-mail.jsonl");
    const ses = await startSesLocal({ port: s.sesPort, mailFile });
    stops.push(() => ses.stop());
    progress(
      `SES v2 emulator on ${ses.endpoint} (${ses.keptMails} emails from earlier runs, in ${mailFile})`,
    );

    const clock = new LocalClock();
    // The application's own work for a firing is wired in by `onFire` below, once deps exist.
    let dispatch: (input: string) => Promise<void> = async () => {};
    const scheduler = await startLocalScheduler({
      port: s.schedulerPort,
      host: "127.0.0.1",
      clock,
      filePath: join(s.dataDir, "scheduler.json"),
      onFire: (event) => dispatch(event.input),
    });
    stops.push(() => scheduler.stop());
    progress(`local EventBridge Scheduler on ${scheduler.endpoint}`);

    const config = loadConfig({
      ...process.env,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
      SCHEDULER_ENDPOINT: scheduler.endpoint,
      ADMIN_TOKEN: s.adminToken,
      LINK_SIGNING_SECRET: s.linkSecret,
      CALENDLY_SIGNING_KEY: s.calendlySigningKey,
      CALCOM_WEBHOOK_SECRET: s.calcomSecret,
      JWT_SECRET: s.jwtSecret,
      DISPATCHER_ARN: "arn:aws:lambda:us-east-1:000000000000:function:coachflow-local-dispatcher",
      SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/coachflow-local-scheduler",
      PUBLIC_BASE_URL: `http://localhost:${s.port}`,
    });
    const deps = buildDeps(config, { clock });
    const dispatcher = createDispatcher(deps);
    dispatch = async (input) => {
      await dispatcher(input);
    };

    const prepared = await bootstrapResources(deps);
    progress(`table "${config.tableName}" ${prepared.table}; ${prepared.templates} email templates in SES`);
    // The daily retention sweep: a one-time schedule that moves itself on (this Scheduler fires at() only).
    const privacy = privacyOf(deps);
    if ((await privacy.scheduler.list(SWEEP_SCHEDULE)).length === 0)
      await scheduleNextSweep(privacy, clock.now());
    let demoCoach: LocalStack["demoCoach"];
    if (s.seed) {
      const seeded = await seedDemoCoaches(deps);
      progress(`demo coaches: ${seeded.added} added, ${seeded.present} already there`);
      const first = await deps.coaches.coaches.findByEmail(DEMO_COACHES[0]!.input.email);
      if (first) {
        // Minted by the wall clock, like every token: moving the local clock does not expire it.
        const token = await mintToken(
          s.jwtSecret,
          { sub: first.id, role: "coach" },
          12 * 3600,
          deps.wallClock.now(),
        );
        demoCoach = { id: first.id, name: first.name, token, email: first.email };
      }
    }

    const app = createApp(deps, {
      extend: (a) => {
        localRoutes(a, scheduler);
        // The coach workspace, signed in as the demo coach in one click (prints as "Coach workspace").
        if (demoCoach) demoSignInRoute(a, deps, demoCoach);
      },
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const srv = serve({ fetch: app.fetch, port: s.port, hostname: s.host }, () => resolve(srv));
      srv.once("error", reject);
    });
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const api = `http://localhost:${s.port}`;
    return {
      deps,
      scheduler,
      dynamodbPid: dynamo.pid,
      ...(demoCoach ? { demoCoach } : {}),
      urls: {
        api,
        docs: `${api}/docs`,
        openapi: `${api}/openapi.json`,
        intakeForm: `${api}/intake`,
        workspace: `${api}/app`,
        ...(demoCoach ? { demoSignIn: `${api}${DEMO_SIGN_IN_PATH}` } : {}),
        mailViewer: ses.endpoint,
        schedules: `${api}/_local/schedules`,
        dynamodb: dynamo.endpoint,
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
