import type { AwsCaller, AwsService } from "@coachflow/core/adapters/aws/index";
import { queueDepth, SQS } from "@coachflow/core/adapters/sqs/queue-depth";
import type { Config } from "./config";
import type { JsonLogger } from "./logger";

/** One caller per composition's settings (a Lambda has one; a test process builds several). */
const callers = new WeakMap<Config, AwsCaller>();

/**
 * The admin dashboard's "dead-lettered schedules" on AWS (decision 0036): the messages in the
 * stage's dead-letter queue (firings of schedules, the dispatcher's failed runs and SES events
 * that failed every retry), read with SQS `GetQueueAttributes`. Loaded on first use (a chunk of its
 * own: only the dashboard needs it). A failure shows no figure rather than no dashboard: logged,
 * undefined. `callerFor` is aws-clients.ts's `awsCaller` (passed, not imported: importing a module
 * of the init code from here split it into one more chunk, ~500 bytes of glue in every cold load).
 */
export async function countDeadLetters(
  callerFor: (config: Config, service: AwsService, endpoint: string) => AwsCaller,
  config: Config,
  logger: JsonLogger,
): Promise<number | undefined> {
  const queueUrl = config.schedules.deadLetterUrl;
  if (!queueUrl) return undefined;
  // The queue URL's origin is its region's SQS endpoint (https://sqs.{region}.amazonaws.com).
  const caller = callers.get(config) ?? callerFor(config, SQS, new URL(queueUrl).origin);
  callers.set(config, caller);
  try {
    return await queueDepth(caller, queueUrl);
  } catch (error) {
    logger.warn("dead letters not counted", { errorName: error instanceof Error ? error.name : "unknown" });
    return undefined;
  }
}
