import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoRateCounter } from "@coachflow/core/adapters/dynamodb/rate-counter";
import type { Clock } from "@coachflow/core/clock";
import { type EmailLimiter, emailLimiter } from "@coachflow/core/limits/unauthenticated-email";

/** The limiter of unauthenticated emails over the table's rate counters (one chunk, loaded on first use). */
export function buildEmailLimiter(
  doc: DynamoDBDocumentClient,
  tableName: string,
  wallClock: Clock,
  ipPerHour: number,
): EmailLimiter {
  return emailLimiter(new DynamoRateCounter(doc, tableName), wallClock, ipPerHour);
}
