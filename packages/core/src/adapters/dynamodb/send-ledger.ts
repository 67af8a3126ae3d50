import { randomUUID } from "node:crypto";
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { ClaimResult, SendLedger } from "../../ports";
import { failedConditions } from "./errors";
import { keys } from "./keys";

/**
 * How long an unfinished claim holds: a little longer than the dispatcher may run (60 s). Until
 * then another sender is told "busy" (a firing fails and is retried); after it, the claim's sender
 * is known to be dead and, as it may have sent, the entry becomes `unknown` (see `claim`).
 */
export const CLAIM_LEASE_MS = 90 * 1000;

/** How long a ledger entry is kept: long after any retry or reschedule could repeat the send. */
const LEDGER_TTL_SECONDS = 400 * 24 * 60 * 60;

/** The reason an `unknown` entry carries: SES may or may not have sent it. */
export const OUTCOME_UNKNOWN = "outcome-unknown";

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
          // New only. A claim is made right before SendEmail, so one left open by a sender that
          // died may have been sent: it is never taken over (at most once, decision 0012).
          ConditionExpression: "attribute_not_exists(pk)",
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return "claimed";
    } catch (error) {
      if (!failedConditions(error)) {
        // The claim may have been written though its answer never came: take it back, so that a
        // send that never started does not end `unknown` after the lease. Best effort.
        await this.#withdraw(key, claimId);
        throw error;
      }
      const old = (error as { Item?: Record<string, { S?: string }> }).Item;
      if (old?.claimId?.S === claimId) return "claimed";
      if (old?.status?.S !== "claimed") return "done";
      // Entries without a lease were written as final.
      const lease = old.leaseUntil?.S;
      if (lease === undefined) return "done";
      if (lease >= at.toISOString()) return "busy";
      await this.#expire(key, old.claimId?.S);
      return "expired";
    }
  }

  /** Deletes the claim if it is `claimId`'s and still open; any failure is ignored. */
  async #withdraw(key: string, claimId: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.ledger(key),
          ConditionExpression: "claimId = :id AND #s = :c",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":id": claimId, ":c": "claimed" },
        }),
      );
    } catch {
      // Not ours, already gone, or DynamoDB still failing: the lease decides, as before.
    }
  }

  /** A dead sender's claim: its outcome is unknown from now on (unless it was closed meanwhile). */
  async #expire(key: string, claimId: string | undefined): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.ledger(key),
          UpdateExpression: "SET #s = :u, failure = :r, completedAt = :at",
          ConditionExpression: claimId === undefined ? "#s = :c" : "#s = :c AND claimId = :id",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: {
            ":u": "unknown",
            ":r": OUTCOME_UNKNOWN,
            ":c": "claimed",
            ":at": this.now().toISOString(),
            ...(claimId === undefined ? {} : { ":id": claimId }),
          },
        }),
      );
    } catch (error) {
      // Already closed by its sender, or expired by another caller (or our own retried write).
      if (!failedConditions(error)) throw error;
    }
  }

  async complete(key: string, outcome: "sent"): Promise<void> {
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

  async markUnknown(key: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.ledger(key),
        UpdateExpression: "SET #s = :u, failure = :r, completedAt = :at",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":u": "unknown",
          ":r": OUTCOME_UNKNOWN,
          ":at": this.now().toISOString(),
        },
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
