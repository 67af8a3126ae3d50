import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoSuppressions } from "@coachflow/core/adapters/dynamodb/suppression";
import type { SuppressionReason, Suppressions } from "@coachflow/core/ports";
import * as z from "@coachflow/core/shared/zod";
import { JsonLogger, type LogLevel } from "../logger";

/**
 * The part of an SES event (delivered by EventBridge: detail-type "Email Bounced" or "Email
 * Complaint Received") this handler reads. Anything else about the message is ignored.
 */
const recipients = z._default(z.array(z.object({ emailAddress: z.string().check(z.minLength(3)) })), []);
const sesEventSchema = z.object({
  detail: z.object({
    eventType: z.string(),
    bounce: z.optional(z.object({ bounceType: z.string(), bouncedRecipients: recipients })),
    complaint: z.optional(z.object({ complainedRecipients: recipients })),
  }),
});

/** The addresses an event says must not be mailed again, with the reason. */
export function addressesToSuppress(event: unknown): { email: string; reason: SuppressionReason }[] {
  const parsed = z.safeParse(sesEventSchema, event);
  if (!parsed.success) return [];
  const { eventType, bounce, complaint } = parsed.data.detail;
  // A transient bounce (mailbox full, out of office) does not stop later mail; a permanent one does.
  if (eventType === "Bounce" && bounce?.bounceType === "Permanent") {
    return bounce.bouncedRecipients.map((r) => ({ email: r.emailAddress, reason: "bounce" as const }));
  }
  if (eventType === "Complaint" && complaint) {
    return complaint.complainedRecipients.map((r) => ({
      email: r.emailAddress,
      reason: "complaint" as const,
    }));
  }
  return [];
}

/**
 * Records every permanently bouncing or complaining address as suppressed; the Mailer checks the
 * record before each send. Logs counts only: the addresses are personal data.
 */
export function createSesEventHandler(suppressions: Suppressions, logger: JsonLogger) {
  return async (event: unknown, context?: { awsRequestId?: string }): Promise<{ suppressed: number }> => {
    const log = logger.child({ correlationId: context?.awsRequestId });
    const targets = addressesToSuppress(event);
    await Promise.all(targets.map((t) => suppressions.suppress(t.email, t.reason)));
    log.info("ses event handled", {
      eventType: (event as { detail?: { eventType?: unknown } })?.detail?.eventType ?? "unknown",
      suppressed: targets.length,
    });
    return { suppressed: targets.length };
  };
}

/**
 * This function's few settings. It needs only the table, so it does not go through `loadConfig`
 * (which requires the webhook and link secrets this function must not be able to read).
 */
const envSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), "us-east-1"),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  LOG_LEVEL: z._default(z.enum(["debug", "info", "warn", "error", "silent"]), "info"),
});

let ready: ReturnType<typeof createSesEventHandler> | undefined;

/** The SES events Lambda: an EventBridge rule sends it the stage's bounce and complaint events. */
export const handler = async (event: unknown, context?: { awsRequestId?: string }) => {
  if (!ready) {
    const env = z.parse(envSchema, process.env);
    const client = new DynamoDBClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
    const doc = DynamoDBDocumentClient.from(client);
    ready = createSesEventHandler(
      new DynamoSuppressions(doc, env.TABLE_NAME),
      new JsonLogger(env.LOG_LEVEL as LogLevel),
    );
  }
  return ready(event, context);
};
