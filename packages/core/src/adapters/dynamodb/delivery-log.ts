import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  DELIVERY_RETENTION_DAYS,
  type Delivery,
  type DeliveryLog,
  type DeliveryOutcome,
} from "../../webhooks/deliveries";
import { decodeCursor, encodeCursor } from "./errors";
import { failedOn, sendCounted, watched } from "./figures";
import { keys, stripKeys } from "./keys";

/** Deliveries are kept for 30 days, then DynamoDB's TTL removes them (and their bodies). */
const DELIVERY_TTL_SECONDS = DELIVERY_RETENTION_DAYS * 24 * 60 * 60;

export class DynamoDeliveryLog implements DeliveryLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * A new delivery, or a replayed one's new outcome, over what it was: a failed one is counted
   * for the console in the same transaction (decision 0035), conditioned on the outcome it leaves
   * (a new one: none; a replay: failed, the usual; a wrong guess costs one call more).
   */
  async put(d: Delivery): Promise<void> {
    const item = {
      ...keys.delivery(d.id),
      ...keys.deliveriesByOutcome(d.outcome, d.receivedAt, d.id),
      ...keys.deliveriesByProvider(d.outcome, d.provider, d.receivedAt, d.id),
      // The deliveries of a session, so that erasing its client finds their bodies.
      ...(d.sessionId ? keys.sessionDeliveries(d.sessionId, d.receivedAt, d.id) : {}),
      type: "delivery",
      ...d,
      expiresAt: Math.floor(Date.parse(d.receivedAt) / 1000) + DELIVERY_TTL_SECONDS,
    };
    const day = failedOn(d.receivedAt);
    const was = d.attempts > 1 ? "failed" : undefined;
    await sendCounted(this.db, this.tableName, [was], ([before]) => ({
      items: [{ Put: watched({ TableName: this.tableName, Item: item }, "outcome", before) }],
      watched: [{ at: 0, attribute: "outcome" }],
      tally: { [day]: (d.outcome === "failed" ? 1 : 0) - (before === "failed" ? 1 : 0) },
    }));
  }

  async get(id: string): Promise<Delivery | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.delivery(id) }));
    return res.Item ? stripKeys<Delivery>(res.Item) : undefined;
  }

  async listByOutcome(
    outcome: DeliveryOutcome,
    opts: { limit?: number; cursor?: string } = {},
  ): Promise<{ items: Delivery[]; cursor?: string }> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": keys.deliveriesByOutcome(outcome, "", "").gsi1pk },
        ScanIndexForward: false,
        Limit: opts.limit ?? 50,
        ExclusiveStartKey: decodeCursor(opts.cursor),
      }),
    );
    const items = (res.Items ?? []).map((i) => stripKeys<Delivery>(i));
    const cursor = encodeCursor(res.LastEvaluatedKey);
    return cursor ? { items, cursor } : { items };
  }
}
