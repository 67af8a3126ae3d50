import { type DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { RateCount, RateCounter } from "../../limits/rate-limit";
import { conflictedTransaction, failedConditions } from "./errors";
import { keys } from "./keys";

/** Tries when another request's transaction held one of the counters at that moment (the same IP at once). */
const CONFLICT_ATTEMPTS = 5;

/**
 * Rate counters in the single table, one item per key and window under a TTL (the window's end +
 * 1 minute). One TransactWriteItems of conditional updates: each adds one only while below its
 * limit, so a counter never passes it, even under concurrent requests, and a refused request
 * counts nowhere (decision 0032).
 */
export class DynamoRateCounter implements RateCounter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async take(counts: readonly RateCount[]): Promise<number[]> {
    const items = {
      TransactItems: counts.map((c) => ({
        Update: {
          TableName: this.tableName,
          Key: keys.rateCounter(c.key, c.windowStartMs),
          UpdateExpression: "ADD #n :one SET expiresAt = :exp",
          ConditionExpression: "attribute_not_exists(#n) OR #n < :limit",
          ExpressionAttributeNames: { "#n": "count" },
          ExpressionAttributeValues: {
            ":one": 1,
            ":limit": c.limit,
            ":exp": Math.ceil((c.windowStartMs + c.windowMs) / 1000) + 60,
          },
        },
      })),
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand(items));
        return [];
      } catch (error) {
        const full = failedConditions(error);
        if (full) return full;
        if (conflictedTransaction(error) && attempt < CONFLICT_ATTEMPTS) continue;
        throw error;
      }
    }
  }
}
