import { randomUUID } from "node:crypto";
import { type ActionItemJobInput, runActionItemJob } from "@coachflow/core/followups/action-item-jobs";
import { type JobInput, runJob, SESSION_JOB_KINDS } from "@coachflow/core/sessions/jobs";
import * as z from "@coachflow/core/shared/zod";
import { loadConfig } from "../config";
import { buildDispatcherDeps, type DispatcherDeps } from "../dispatcher-deps";
import { privacyOf } from "../privacy-deps";
import { JOB_SECRET_KEYS } from "../secrets";
import { withFreshSecrets } from "../secrets-refresh";

/**
 * The input every schedule carries, ids and the time it was planned for, nothing personal: a
 * session's job (its timeline, and what follows its finish), or an action item's reminder.
 */
export const jobInputSchema = z.union([
  z.object({
    v: z.literal(1),
    sessionId: z.string().check(z.minLength(1), z.maxLength(64)),
    job: z.enum(SESSION_JOB_KINDS as [string, ...string[]]),
    startsAt: z.iso.datetime(),
    clientId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    coachId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  }),
  z.object({
    v: z.literal(1),
    job: z.literal("retention-sweep"),
    repeat: z.optional(z.literal("self")),
  }),
  z.object({
    v: z.literal(1),
    job: z.literal("action-item-reminder"),
    actionItemId: z.string().check(z.minLength(1), z.maxLength(64)),
    dueDate: z.iso.date(),
  }),
]);

/**
 * What a schedule firing does: validate the input, then run the job, which re-reads the session
 * (or action item) first. A transient failure is rethrown, and so is an input that can never work
 * (after logging it), so the invocation fails. EventBridge Scheduler invokes the function
 * asynchronously, so it is Lambda's own async retries that run it again (2 retries, events up to
 * 6 hours old, set in infra/constructs/app-function.ts) and then send the event to the function's
 * dead-letter queue (the stage's queue, with an alarm on its depth). The schedule's own retry
 * policy and dead-letter queue cover only invocations Lambda did not accept (throttling, a missing
 * function or permission), never an error thrown here. Every log line of one firing carries its
 * `correlationId` (the Lambda request id on AWS, a fresh UUID otherwise). `deps` may be the full
 * `AppDeps` (the local stack, tests).
 */
export function createDispatcher(deps: DispatcherDeps) {
  return async (event: unknown, meta: { correlationId?: string } = {}): Promise<{ outcome: string }> => {
    const firingLogger = deps.logger.child({ correlationId: meta.correlationId ?? randomUUID() });
    const parsed = z.safeParse(jobInputSchema, typeof event === "string" ? parseJson(event) : event);
    if (!parsed.success) {
      firingLogger.error("schedule input refused", {
        fields: parsed.error.issues.map((i) => i.path.join(".")),
      });
      // Thrown, not swallowed: after its retries the firing lands in the dead-letter queue, whose
      // depth has an alarm, so a schedule that can never work is seen rather than lost.
      throw new Error("invalid schedule input");
    }
    if (parsed.data.job === "retention-sweep") {
      // Loaded only here: no other firing pays for the sweep's code.
      const { sweepRetention } = await import("@coachflow/core/privacy/retention");
      const result = await sweepRetention(privacyOf(deps), deps.config.retention, {
        reschedule: (parsed.data as { repeat?: string }).repeat === "self",
      });
      return { outcome: `swept:${result.erased}` };
    }
    if ("actionItemId" in parsed.data) {
      const input = parsed.data as ActionItemJobInput;
      const logger = firingLogger.child({ actionItemId: input.actionItemId, job: input.job });
      return { outcome: await runActionItemJob({ ...deps.bookings, logger, retryBusyClaims: true }, input) };
    }
    const input = parsed.data as JobInput;
    const logger = firingLogger.child({ sessionId: input.sessionId, job: input.job });
    return { outcome: await runJob({ ...deps.bookings, logger, retryBusyClaims: true }, input) };
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Only the job keys: the dispatcher's role can read the stage's shared secret alone (decision 0031).
const current = withFreshSecrets(
  process.env,
  (env) => {
    const config = loadConfig(env, "jobs");
    const deps = buildDispatcherDeps(config);
    return { ...deps, config, value: createDispatcher(deps) };
  },
  { keys: JOB_SECRET_KEYS },
);

/**
 * The dispatcher Lambda: EventBridge Scheduler invokes it (asynchronously) with a schedule's
 * input. The secrets are read and the dispatcher's own deps (dispatcher-deps.ts: no HTTP app, no
 * Scheduler adapter until used) built at a cold start, and again when a re-read after
 * SECRETS_MAX_AGE_SECONDS finds a secret changed; a failed start is retried on the next firing.
 */
export const handler = async (event: unknown, context?: { awsRequestId?: string }) =>
  (await current())(event, { correlationId: context?.awsRequestId });
