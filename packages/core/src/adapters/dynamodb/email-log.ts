import { type DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { EmailLogStore, SentEmail, StoreWrites } from "../../ports";
import { keys } from "./keys";

/** As the send ledger's entries (send-ledger.ts): kept long after any question about a send. */
const TTL_SECONDS = 400 * 24 * 60 * 60;

/**
 * The email log of the sends no ledger claim guards (decision 0036): each one an item shaped as a
 * send-ledger entry (`SEND#<key>`, status, `claimedAt`, `job`), on the client's sends (sparse gsi1
 * `SENDS#<clientId>`), so the console's email log reads it with the ledger's entries in one Query,
 * an erasure deletes it and an export lists it as it does those (decision 0026). Its key names the
 * client, never an address. A chunk of its own, loaded by the first write that records an email.
 */
export class DynamoEmailLog implements EmailLogStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async writes(emails: readonly SentEmail[]): Promise<StoreWrites> {
    return emails.map((e) => ({
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.ledger(e.key),
          ...keys.sendsOf(e.clientId, e.key),
          type: "send",
          key: e.key,
          clientId: e.clientId,
          job: e.kind,
          status: e.status,
          claimedAt: e.at,
          expiresAt: Math.floor(Date.parse(e.at) / 1000) + TTL_SECONDS,
        },
      },
    }));
  }

  async correct(emails: readonly SentEmail[]): Promise<void> {
    if (emails.length === 0) return;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: emails.map((e) => ({
          Update: {
            TableName: this.tableName,
            Key: keys.ledger(e.key),
            UpdateExpression: "SET #s = :s",
            // Only an entry this log wrote: an erasure in between leaves nothing to correct.
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeNames: { "#s": "status" },
            ExpressionAttributeValues: { ":s": e.status },
          },
        })),
      }),
    );
  }
}
