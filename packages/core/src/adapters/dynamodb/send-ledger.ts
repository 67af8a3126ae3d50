import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { SendLedger } from "../../ports";
import { failedConditions } from "./errors";
import { keys } from "./keys";

/** How long an unfinished claim holds: longer than any function runs (Lambda stops at 15 minutes). */
const CLAIM_LEASE_MS = 16 * 60 * 1000;

/** How long a ledger entry is kept: long after any retry or reschedule could repeat the send. */
const LEDGER_TTL_SECONDS = 400 * 24 * 60 * 60;

export class DynamoSendLedger implements SendLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date,
  ) {}

  async claim(key: string, context: Record<string, string>): Promise<boolean> {
    const at = this.now();
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.ledger(key),
            type: "send",
            key,
            ...context,
            status: "claimed",
            claimedAt: at.toISOString(),
            expiresAt: Math.floor(at.getTime() / 1000) + LEDGER_TTL_SECONDS,
          },
          // New, or claimed by a sender that never finished (it died between claim and send).
          ConditionExpression: "attribute_not_exists(pk) OR (#s = :claimed AND claimedAt < :cutoff)",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: {
            ":claimed": "claimed",
            ":cutoff": new Date(at.getTime() - CLAIM_LEASE_MS).toISOString(),
          },
        }),
      );
      return true;
    } catch (error) {
      if (failedConditions(error)) return false;
      throw error;
    }
  }

  async complete(key: string, outcome: "sent" | "skipped"): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.ledger(key),
        UpdateExpression: "SET #s = :o, completedAt = :at",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":o": outcome, ":at": this.now().toISOString() },
      }),
    );
  }

  async release(key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.ledger(key) }));
  }

  async markFailed(key: string, reason: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.ledger(key),
        UpdateExpression: "SET #s = :f, failure = :r",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":f": "failed", ":r": reason },
      }),
    );
  }
}
