import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { SignInToken, WebSession } from "../../web-auth/model";
import type { WebAuthStore } from "../../web-auth/ports";
import { sessionExpiresAtSeconds } from "../../web-auth/web-sessions";
import { failedConditions } from "./errors";
import { keys, stripKeys } from "./keys";

/** A day of slack after a token's expiry before DynamoDB's TTL removes it (TTL is lazy anyway). */
const TTL_SLACK_S = 86_400;

/** Sign-in links and web sessions in the single table, each under a TTL (rate counters: rate-counter.ts). */
export class DynamoWebAuthStore implements WebAuthStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putSignInToken(token: SignInToken): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.signInToken(token.tokenHash),
          type: "signInToken",
          ...token,
          expiresAt: Math.ceil(token.expiresAtMs / 1000) + TTL_SLACK_S,
        },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  }

  async getSignInToken(tokenHash: string): Promise<SignInToken | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.signInToken(tokenHash), ConsistentRead: true }),
    );
    return res.Item ? stripKeys<SignInToken>(res.Item) : undefined;
  }

  async consumeSignInToken(tokenHash: string, bindingHash: string, nowMs: number, at: string) {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.signInToken(tokenHash),
          UpdateExpression: "SET usedAt = :at",
          ConditionExpression:
            "attribute_exists(pk) AND attribute_not_exists(usedAt) AND bindingHash = :b AND expiresAtMs > :now",
          ExpressionAttributeValues: { ":at": at, ":b": bindingHash, ":now": nowMs },
        }),
      );
      return true;
    } catch (error) {
      if (failedConditions(error)) return false;
      throw error;
    }
  }

  async putWebSession(session: WebSession): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.webSession(session.idHash),
          // A coach's sessions are listed, so deactivation ends them all; an admin's are not.
          ...(session.role === "admin"
            ? {}
            : keys.coachWebSessions(
                session.coachId,
                new Date(session.createdAtMs).toISOString(),
                session.idHash,
              )),
          type: "webSession",
          ...session,
          expiresAt: sessionExpiresAtSeconds(session),
        },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  }

  async touchWebSession(current: WebSession, lastSeenAtMs: number): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.webSession(current.idHash),
          UpdateExpression: "SET lastSeenAtMs = :seen, expiresAt = :exp",
          // Not after a sign-out or deactivation deleted it meanwhile.
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: {
            ":seen": lastSeenAtMs,
            ":exp": sessionExpiresAtSeconds({ ...current, lastSeenAtMs }),
          },
        }),
      );
    } catch (error) {
      if (!failedConditions(error)) throw error;
    }
  }

  async deleteWebSession(idHash: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.webSession(idHash) }));
  }

  async deleteCoachSessions(coachId: string): Promise<number> {
    const hashes: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :p",
          ExpressionAttributeValues: { ":p": keys.coachWebSessions(coachId, "", "").gsi1pk },
          ProjectionExpression: "idHash",
          ExclusiveStartKey: start,
        }),
      );
      for (const item of res.Items ?? []) if (typeof item.idHash === "string") hashes.push(item.idHash);
      start = res.LastEvaluatedKey;
    } while (start);
    for (let i = 0; i < hashes.length; i += 25) {
      let request: Record<string, { DeleteRequest: { Key: Record<string, string> } }[]> | undefined = {
        [this.tableName]: hashes
          .slice(i, i + 25)
          .map((h) => ({ DeleteRequest: { Key: keys.webSession(h) } })),
      };
      while (request && Object.keys(request).length > 0) {
        const res = await this.db.send(new BatchWriteCommand({ RequestItems: request }));
        request = res.UnprocessedItems as typeof request;
      }
    }
    return hashes.length;
  }
}
