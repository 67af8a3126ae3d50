import { coachInputSchema } from "@coachflow/core/coaches/schema";
import { createCoach } from "@coachflow/core/coaches/service";
import { buildDeps, createApp, JsonLogger, loadConfig } from "@coachflow/functions";
import { createDispatcher } from "../../packages/functions/src/handlers/dispatcher";
import { bootstrapResources } from "../../packages/local/src/bootstrap";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { freePort } from "../../packages/local/src/emulators/ports";
import { LocalClock, startLocalScheduler } from "../../packages/local/src/scheduler";
import { FaultProxy, type FaultRates, RunKiller, type Service } from "./fault-proxy";
import type { SeededRandom } from "./seeded-random";
import type { Chain } from "./workload";

export const FAULT_ADMIN_TOKEN = "fault-admin-token-0123456789abcdef";
export const FAULT_CALENDLY_KEY = "fault-calendly-signing-key-0123456789";
export const FAULT_CALCOM_SECRET = "fault-calcom-webhook-secret-0123456789";

/**
 * The application as test/support/stack.ts builds it, but with DynamoDB, SES and the Scheduler
 * each reached through a FaultProxy. Takes the emulators' endpoints, so it runs under vitest
 * (globalSetup's) and under `npm run bench` (its own) alike. The Scheduler fires nothing by
 * itself: the run fires its schedules (see run.ts).
 */
export async function startFaultStack(opts: {
  dynamoEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  random: SeededRandom;
  rates: FaultRates;
}) {
  const clock = new LocalClock();
  const killer = new RunKiller();
  const proxy = (service: Service, i: number, target?: string) =>
    new FaultProxy(service, opts.random.fork(i), opts.rates, killer, target).start();
  const proxies = {
    dynamodb: await proxy("dynamodb", 1, opts.dynamoEndpoint),
    ses: await proxy("ses", 2, opts.sesEndpoint),
    scheduler: await proxy("scheduler", 3),
  };
  const scheduler = await startLocalScheduler({
    port: await freePort(),
    clock,
    // Once an hour of real time: in practice never during a run.
    tickMs: 60 * 60 * 1000,
    onFire: async () => {
      throw new Error("fault runs fire schedules themselves");
    },
  });
  proxies.scheduler.target = scheduler.endpoint;
  const config = loadConfig({
    TABLE_NAME: opts.tableName,
    DYNAMODB_ENDPOINT: proxies.dynamodb.endpoint,
    SES_ENDPOINT: proxies.ses.endpoint,
    SCHEDULER_ENDPOINT: proxies.scheduler.endpoint,
    ADMIN_TOKEN: FAULT_ADMIN_TOKEN,
    ADMIN_EMAIL: "admin@program.example",
    LINK_SIGNING_SECRET: "fault-link-secret-0123456789",
    COACH_CACHE_TTL_MS: "600000",
    CALENDLY_SIGNING_KEY: FAULT_CALENDLY_KEY,
    CALCOM_WEBHOOK_SECRET: FAULT_CALCOM_SECRET,
    DISPATCHER_ARN: "arn:aws:lambda:us-east-1:000000000000:function:coachflow-faults-dispatcher",
    SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/coachflow-faults-scheduler",
    JWT_SECRET: "fault-jwt-secret-0123456789abcdef0123456789",
  });
  const logs: string[] = [];
  const logger = new JsonLogger("info", {}, (line) => logs.push(line));
  const deps = buildDeps(config, { logger, clock });
  const dispatcher = createDispatcher(deps);
  const app = createApp(deps);
  const all = Object.values(proxies);
  return {
    app,
    deps,
    clock,
    scheduler,
    dispatcher,
    proxies,
    killer,
    logs,
    sesEndpoint: opts.sesEndpoint,
    heal: () => {
      for (const p of all) p.heal();
    },
    injure: () => {
      for (const p of all) p.injure();
    },
    /** The table, the templates and one coach per chain, with the faults healed. */
    async prepare(chains: readonly Chain[]) {
      for (const p of all) p.heal();
      await bootstrapResources(deps);
      const templates = DEMO_COACHES.map((c) => c.input);
      for (const chain of chains) {
        const like = templates.find((c) => c.bookingProvider === chain.story.provider)!;
        const input = coachInputSchema.parse({
          ...like,
          name: `Fault Coach ${chain.index}`,
          email: chain.coachEmail,
        });
        await createCoach(deps.coaches, input, { activeClients: 0 });
      }
      for (const p of all) p.injure();
    },
    async stop() {
      await scheduler.stop();
      await Promise.all(all.map((p) => p.stop()));
      deps.aws.dynamodb.destroy();
      deps.aws.ses.destroy();
      deps.aws.scheduler.destroy();
    },
  };
}

export type FaultStack = Awaited<ReturnType<typeof startFaultStack>>;
