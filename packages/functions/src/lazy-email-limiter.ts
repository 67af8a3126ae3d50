import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "@coachflow/core/clock";
import type { EmailLimiter } from "@coachflow/core/limits/unauthenticated-email";
import { onceUnlessFailed } from "@coachflow/core/shared/once";

/**
 * The limiter of unauthenticated emails (decision 0032), loaded on its first use: only the intake
 * and sign-in ever call it, so no other request's cold start loads its code.
 */
export function lazyEmailLimiter(
  doc: DynamoDBDocumentClient,
  tableName: string,
  wallClock: Clock,
  ipPerHour: number,
): EmailLimiter {
  const real = onceUnlessFailed(async () =>
    (await import("./email-limiter")).buildEmailLimiter(doc, tableName, wallClock, ipPerHour),
  );
  return { admit: async (request) => (await real()).admit(request) };
}
