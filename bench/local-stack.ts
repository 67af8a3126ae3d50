import { buildDeps, createApp, loadConfig } from "../packages/functions/src";
import { createDispatcher } from "../packages/functions/src/handlers/dispatcher";
import { bootstrapResources } from "../packages/local/src/bootstrap";
import { seedDemoCoaches } from "../packages/local/src/demo/seed";
import { startDynamoDbLocal } from "../packages/local/src/emulators/dynamodb-local";
import { freePort, freePorts } from "../packages/local/src/emulators/ports";
import { startSesLocal } from "../packages/local/src/emulators/ses-local";
import { LocalClock, startLocalScheduler } from "../packages/local/src/scheduler";

const HOUR = 3600_000;

/**
 * The local stack a benchmark runs against: DynamoDB Local, the SES emulator and the local
 * Scheduler on free ports, the app wired to them in this process (schedules fire into its
 * dispatcher), the table and templates created, the demo coaches seeded. `env` holds the table,
 * the endpoints and `secrets`, for other processes (fresh Lambda bundles) to reach the same stack.
 */
export async function startBenchStack(table: string, secrets: Record<string, string>) {
  process.env.AWS_ACCESS_KEY_ID ??= "local";
  process.env.AWS_SECRET_ACCESS_KEY ??= "local";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  try {
    const [dynamoPort, sesPort] = await freePorts(2);
    const [dynamo, ses] = await Promise.all([
      startDynamoDbLocal({ port: dynamoPort! }),
      startSesLocal({ port: sesPort! }),
    ]);
    stops.push(
      () => dynamo.stop(),
      () => ses.stop(),
    );
    const clock = new LocalClock();
    let dispatch: (input: string) => Promise<unknown> = async () => undefined;
    const scheduler = await startLocalScheduler({
      port: await freePort(),
      clock,
      tickMs: HOUR,
      onFire: async (event) => {
        await dispatch(event.input);
      },
    });
    stops.push(() => scheduler.stop());
    const env = {
      TABLE_NAME: table,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
      SCHEDULER_ENDPOINT: scheduler.endpoint,
      ...secrets,
    };
    const config = loadConfig({
      ...env,
      LOG_LEVEL: "silent",
      DISPATCHER_ARN: "arn:aws:lambda:us-east-1:000000000000:function:coachflow-bench-dispatcher",
      SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/coachflow-bench-scheduler",
    });
    const deps = buildDeps(config, { clock });
    stops.push(async () => {
      deps.aws.dynamodb.destroy();
      deps.aws.ses.destroy();
      deps.aws.scheduler.destroy();
    });
    const dispatcher = createDispatcher(deps);
    dispatch = (input) => dispatcher(input);
    await bootstrapResources(deps);
    await seedDemoCoaches(deps);
    return { deps, app: createApp(deps), clock, scheduler, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
