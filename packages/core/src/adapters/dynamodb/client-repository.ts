import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Client } from "../../clients/model";
import { ConditionFailedError } from "../../errors";
import type { ClientRepository, IntakeRecord, StoredIdempotentResponse, StoreWrites } from "../../ports";
import type { Goal } from "../../sessions/model";
import { conflictedTransaction, failedConditions } from "./errors";
import { keys, stripKeys } from "./keys";
import { suppressionKey } from "./suppression";

/** How long a stored `Idempotency-Key` response is kept (DynamoDB TTL removes it afterwards). */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export class DynamoClientRepository implements ClientRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<Client | undefined> {
    // Consistent: an optimistic-lock write on `version` usually follows this read.
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.client(id), ConsistentRead: true }),
    );
    return res.Item ? stripKeys<Client>(res.Item) : undefined;
  }

  /**
   * One read for an intake: the email's record, whether the address is suppressed (bounced or
   * complained), and, when a key is given, the stored response of that `Idempotency-Key`.
   */
  async readForIntake(
    email: string,
    idempotencyKey?: string,
  ): Promise<{ record?: IntakeRecord; idempotent?: StoredIdempotentResponse; suppressed?: boolean }> {
    const recordKey = keys.clientEmail(email);
    const suppressed = suppressionKey(email);
    const idemKey = idempotencyKey ? keys.idempotency("intake", idempotencyKey) : undefined;
    const res = await this.db.send(
      new BatchGetCommand({
        RequestItems: {
          [this.tableName]: {
            Keys: [recordKey, suppressed, ...(idemKey ? [idemKey] : [])],
            ConsistentRead: true,
          },
        },
      }),
    );
    const items = res.Responses?.[this.tableName] ?? [];
    const record = items.find((i) => i.pk === recordKey.pk);
    // TTL deletes expired items within days, not at once: an expired response is not replayed.
    const idem = idemKey && items.find((i) => i.pk === idemKey.pk && Number(i.expiresAt) * 1000 > Date.now());
    return {
      ...(record ? { record: stripKeys<IntakeRecord>(record) } : {}),
      ...(idem ? { idempotent: stripKeys<StoredIdempotentResponse>(idem) } : {}),
      ...(items.some((i) => i.pk === suppressed.pk) ? { suppressed: true } : {}),
    };
  }

  async save(
    client: Client,
    opts: {
      idempotency?: { key: string } & StoredIdempotentResponse;
      also?: StoreWrites;
      from?: Client["status"];
    } = {},
  ): Promise<void> {
    const idem = opts.idempotency;
    try {
      // Loaded on first use (decision 0014): the writes and the phase counters' move (0035).
      const { sendCounted, clientPlan, assumedPhase } = await import("./client-writes");
      await sendCounted(this.db, this.tableName, [assumedPhase(client, opts.from)], ([phase]) => {
        const plan = clientPlan(this.tableName, client, phase);
        if (idem) plan.items.push({ Put: idempotencyPut(this.tableName, idem, client.updatedAt, client.id) });
        plan.items.push(...(opts.also ?? []));
        return plan;
      });
    } catch (error) {
      if (failedConditions(error) || conflictedTransaction(error)) {
        throw new ConditionFailedError("the client changed meanwhile", undefined, { cause: error });
      }
      throw error;
    }
  }

  async markForRetry(email: string, clientId: string, idempotencyKey?: string): Promise<void> {
    const mark = {
      TableName: this.tableName,
      Key: keys.clientEmail(email),
      UpdateExpression: "SET retry = :yes",
      ConditionExpression: "clientId = :id",
      ExpressionAttributeValues: { ":yes": true, ":id": clientId },
    };
    if (!idempotencyKey) {
      await this.db.send(new UpdateCommand(mark));
      return;
    }
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: mark },
          { Delete: { TableName: this.tableName, Key: keys.idempotency("intake", idempotencyKey) } },
        ],
      }),
    );
  }

  async setGoals(clientId: string, goals: Goal[], now: string): Promise<void> {
    await this.setFields(clientId, { smartGoals: goals, updatedAt: now });
  }

  async setNudgesOff(clientId: string, off: boolean, now: string): Promise<void> {
    await this.setFields(clientId, { nudgesOff: off, updatedAt: now });
  }

  /** Sets fields that belong to later steps of the journey; the intake's `version` is left alone. */
  private async setFields(clientId: string, fields: Record<string, unknown>): Promise<void> {
    const names = Object.fromEntries(Object.keys(fields).map((k) => [`#${k}`, k]));
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [`:${k}`, v]));
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.client(clientId),
        UpdateExpression: `SET ${Object.keys(fields)
          .map((k) => `#${k} = :${k}`)
          .join(", ")}`,
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }
}

/** A stored response of an `Idempotency-Key`, on the client's responses (gsi1) for an erasure. */
export function idempotencyPut(
  tableName: string,
  idem: { key: string } & StoredIdempotentResponse,
  now: string,
  clientId: string,
) {
  return {
    TableName: tableName,
    Item: {
      ...keys.idempotency("intake", idem.key),
      ...keys.clientResponses(clientId, idem.key),
      type: "idempotency",
      requestHash: idem.requestHash,
      status: idem.status,
      body: idem.body,
      expiresAt: Math.floor(Date.parse(now) / 1000) + IDEMPOTENCY_TTL_SECONDS,
    },
    ConditionExpression: "attribute_not_exists(pk)",
  };
}
