import { randomUUID } from "node:crypto";
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { ClaimResult, SendLedger } from "../../ports";
import { failedConditions } from "./errors";
import { keys } from "./keys";

/**
 * How long an unfinished claim holds: a little longer than the dispatcher may run (60 s), so that
 * Lambda's retry of a sender that died finds the claim free again instead of a false "done".
 */
export const CLAIM_LEASE_MS = 90 * 1000;

/** How long a ledger entry is kept: long after any retry or reschedule could repeat the send. */
const LEDGER_TTL_SECONDS = 400 * 24 * 60 * 60;

export class DynamoSendLedger implements SendLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date,
  ) {}

  async claim(key: string, context: Record<string, string>): Promise<ClaimResult> {
    const at = this.now();
    // Marks this claim as ours: when the write arrived but its answer was lost, the SDK's retry
    // of the same item meets it, and must not take its own claim for another sender's.
    const claimId = randomUUID();
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.ledger(key),
            ...ledgerOwner(key, context),
            type: "send",
            key,
            ...context,
            status: "claimed",
            claimId,
            claimedAt: at.toISOString(),
            leaseUntil: new Date(at.getTime() + CLAIM_LEASE_MS).toISOString(),
            expiresAt: Math.floor(at.getTime() / 1000) + LEDGER_TTL_SECONDS,
          },
          // New, or claimed by a sender whose lease ran out (it died between claim and send).
          // Only claims that carry a lease can be taken over: entries without one are final.
          ConditionExpression: "attribute_not_exists(pk) OR (#s = :claimed AND leaseUntil < :now)",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":claimed": "claimed", ":now": at.toISOString() },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return "claimed";
    } catch (error) {
      if (!failedConditions(error)) throw error;
      const old = (error as { Item?: Record<string, { S?: string }> }).Item;
      if (old?.claimId?.S === claimId) return "claimed";
      const busy = old?.status?.S === "claimed" && (old.leaseUntil?.S ?? "") >= at.toISOString();
      return busy ? "busy" : "done";
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

/**
 * Indexes an entry under what it is about (the caller's `clientId`, else `sessionId`, else
 * `actionItemId`), so that erasing a client finds its entries (decision 0026).
 */
function ledgerOwner(key: string, context: Record<string, string>) {
  const ref = context.clientId ?? context.sessionId ?? context.actionItemId;
  return ref ? keys.sendsOf(ref, key) : {};
}
