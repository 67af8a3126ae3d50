import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Client } from "../../clients/model";
import { ConditionFailedError } from "../../errors";
import type { PendingAnswers, PendingAnswersStore } from "../../intake/pending";
import type { StoredIdempotentResponse, StoreWrites } from "../../ports";
import { idempotencyPut } from "./client-repository";
import { assumedPhase, clientPlan } from "./client-writes";
import { conflictedTransaction, failedConditions } from "./errors";
import { sendCounted } from "./figures";
import { keys, stripKeys } from "./keys";

/**
 * Pending intake answers (decision 0029): one item per emailed confirmation, under TTL, and on the
 * client's responses index (gsi1) so that an erasure deletes them with everything else.
 */
export class DynamoPendingAnswers implements PendingAnswersStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(
    pending: PendingAnswers,
    idem?: { key: string } & StoredIdempotentResponse,
    also: StoreWrites = [],
  ): Promise<void> {
    const item = {
      TableName: this.tableName,
      Item: {
        ...keys.pendingAnswers(pending.id),
        ...keys.clientResponses(pending.clientId, `PENDING#${pending.id}`),
        type: "pendingAnswers",
        ...pending,
        expiresAt: Math.floor(Date.parse(pending.expiresAt) / 1000),
      },
      ConditionExpression: "attribute_not_exists(pk)",
    };
    if (!idem && also.length === 0) {
      await this.db.send(new PutCommand(item));
      return;
    }
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: item },
            ...(idem
              ? [{ Put: idempotencyPut(this.tableName, idem, pending.submittedAt, pending.clientId) }]
              : []),
            ...(also as []),
          ],
        }),
      );
    } catch (error) {
      // The key was stored meanwhile by a request like this one: the caller reads it again.
      if (failedConditions(error) || conflictedTransaction(error))
        throw new ConditionFailedError("the key was used meanwhile", undefined, { cause: error });
      throw error;
    }
  }

  async read(id: string, clientId: string): Promise<{ pending?: PendingAnswers; client?: Client }> {
    const pendingKey = keys.pendingAnswers(id);
    const clientKey = keys.client(clientId);
    const res = await this.db.send(
      new BatchGetCommand({
        RequestItems: { [this.tableName]: { Keys: [pendingKey, clientKey], ConsistentRead: true } },
      }),
    );
    const items = res.Responses?.[this.tableName] ?? [];
    const pending = items.find((i) => i.pk === pendingKey.pk);
    const client = items.find((i) => i.pk === clientKey.pk && i.sk === clientKey.sk);
    return {
      // The item's `expiresAt` is TTL seconds; the domain's is the ISO time it was written with.
      ...(pending
        ? { pending: { ...stripKeys<PendingAnswers>(pending), expiresAt: isoOf(pending.expiresAt) } }
        : {}),
      ...(client ? { client: stripKeys<Client>(client) } : {}),
    };
  }

  async confirm(
    id: string,
    client: Client,
    also: StoreWrites = [],
    from?: Client["status"],
  ): Promise<"confirmed" | "used"> {
    // The client's writes (with the phase counters' move, decision 0035), then the pending delete.
    const pendingAt = 2;
    try {
      await sendCounted(this.db, this.tableName, [assumedPhase(client, from)], ([phase]) => {
        const plan = clientPlan(this.tableName, client, phase);
        plan.items.push(
          {
            Delete: {
              TableName: this.tableName,
              Key: keys.pendingAnswers(id),
              ConditionExpression: "attribute_exists(pk)",
            },
          },
          ...also,
        );
        return plan;
      });
      return "confirmed";
    } catch (error) {
      const failed = failedConditions(error);
      // Single use: another press consumed them first (or they are gone), whatever else failed.
      if (failed?.includes(pendingAt)) return "used";
      if (failed || conflictedTransaction(error))
        throw new ConditionFailedError("the client changed meanwhile", undefined, { cause: error });
      throw error;
    }
  }

  async drop(id: string, idempotencyKey?: string): Promise<void> {
    const pending = { TableName: this.tableName, Key: keys.pendingAnswers(id) };
    if (!idempotencyKey) {
      await this.db.send(new DeleteCommand(pending));
      return;
    }
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: pending },
          { Delete: { TableName: this.tableName, Key: keys.idempotency("intake", idempotencyKey) } },
        ],
      }),
    );
  }
}

const isoOf = (seconds: unknown) => new Date(Number(seconds) * 1000).toISOString();
