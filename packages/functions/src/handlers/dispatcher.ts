import { randomUUID } from "node:crypto";
import { runJob } from "@coachflow/core/sessions/jobs";
import { JOB_KINDS } from "@coachflow/core/sessions/schedule-names";
import { z } from "zod";
import { type AppDeps, buildDeps } from "../composition";
import { loadConfig } from "../config";
import { loadEnvOnce } from "../secrets";

/** The input every schedule carries: ids and the planned start, nothing personal. */
export const jobInputSchema = z.object({
  v: z.literal(1),
  sessionId: z.string().min(1).max(64),
  job: z.enum(JOB_KINDS as [string, ...string[]]),
  startsAt: z.iso.datetime(),
});

/**
 * What a schedule firing does: validate the input, then run the job, which re-reads the session
 * first. A transient failure is rethrown so that EventBridge Scheduler retries (and, in the end,
 * dead-letters it); an input that can never work is logged and dropped as such. Every log line of
 * one firing carries its `correlationId` (the Lambda request id on AWS, a fresh UUID otherwise).
 */
export function createDispatcher(deps: AppDeps) {
  return async (event: unknown, meta: { correlationId?: string } = {}): Promise<{ outcome: string }> => {
    const firingLogger = deps.logger.child({ correlationId: meta.correlationId ?? randomUUID() });
    const parsed = jobInputSchema.safeParse(typeof event === "string" ? parseJson(event) : event);
    if (!parsed.success) {
      firingLogger.error("schedule input refused", {
        fields: parsed.error.issues.map((i) => i.path.join(".")),
      });
      return { outcome: "invalid" };
    }
    const input = parsed.data as Parameters<typeof runJob>[1];
    const logger = firingLogger.child({ sessionId: input.sessionId, job: input.job });
    const outcome = await runJob({ ...deps.bookings, logger }, input);
    return { outcome };
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

let ready: Promise<ReturnType<typeof createDispatcher>> | undefined;

/**
 * The dispatcher Lambda: EventBridge Scheduler invokes it with a schedule's input. The secrets
 * are read and the adapters built once per cold start; a failed start is retried on the next firing.
 */
export const handler = async (event: unknown, context?: { awsRequestId?: string }) => {
  ready ??= loadEnvOnce(process.env)
    .then((env) => createDispatcher(buildDeps(loadConfig(env))))
    .catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
  return (await ready)(event, { correlationId: context?.awsRequestId });
};
