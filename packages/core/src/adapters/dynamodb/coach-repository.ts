import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Coach } from "../../coaches/schema";
import { ConditionFailedError, EMAIL_TAKEN } from "../../errors";
import type { CoachRepository } from "../../ports";
import { decodeCursor, encodeCursor, failedConditions } from "./errors";
import { keys, stripKeys } from "./keys";

function coachItem(coach: Coach) {
  return {
    ...keys.coach(coach.id),
    ...keys.coachListing(coach.id),
    ...(coach.active ? keys.activeCoachListing(coach.id) : {}),
    type: "coach",
    ...coach,
  };
}

export class DynamoCoachRepository implements CoachRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(coach: Coach): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: coachItem(coach),
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.coachEmail(coach.email), coachId: coach.id },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (failedConditions(error)) throw new ConditionFailedError(EMAIL_TAKEN, undefined, { cause: error });
      throw error;
    }
  }

  async get(id: string): Promise<Coach | undefined> {
    // Consistent: PATCH writes with a condition on the `updatedAt` read here.
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.coach(id), ConsistentRead: true }),
    );
    return res.Item ? stripKeys<Coach>(res.Item) : undefined;
  }

  async findByEmail(email: string): Promise<Coach | undefined> {
    const coachId = await this.findIdByEmail(email);
    return coachId ? this.get(coachId) : undefined;
  }

  async findIdByEmail(email: string): Promise<string | undefined> {
    const lock = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.coachEmail(email) }),
    );
    const coachId = lock.Item?.coachId;
    return typeof coachId === "string" ? coachId : undefined;
  }

  /**
   * Replaces a coach's profile, keeping `activeClients` as stored (the system, not the admin, owns
   * the load). Moves the email lock when the email changes; fails if `previous` is stale.
   */
  async replace(next: Coach, previous: Coach): Promise<void> {
    const { activeClients: _load, ...profile } = coachItem(next);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ":prev": previous.updatedAt };
    const entries = Object.entries(profile).filter(([k]) => k !== "pk" && k !== "sk");
    const sets = entries.flatMap(([k, v], i) => {
      if (v === undefined) return [];
      names[`#a${i}`] = k;
      values[`:v${i}`] = v;
      return [`#a${i} = :v${i}`];
    });
    // An optional field set to undefined (the admin form cleared it) is removed from the item.
    const cleared = entries.flatMap(([k, v], i) => {
      if (v !== undefined) return [];
      names[`#a${i}`] = k;
      return [`#a${i}`];
    });
    const removed = [...cleared, ...(next.active ? [] : ["gsi2pk", "gsi2sk"])];
    const remove = removed.length > 0 ? ` REMOVE ${removed.join(", ")}` : "";
    const emailMoves =
      next.email === previous.email
        ? []
        : [
            {
              Delete: {
                TableName: this.tableName,
                Key: keys.coachEmail(previous.email),
                ConditionExpression: "coachId = :id",
                ExpressionAttributeValues: { ":id": next.id },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.coachEmail(next.email), coachId: next.id },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
          ];
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.coach(next.id),
                UpdateExpression: `SET ${sets.join(", ")}${remove}`,
                ConditionExpression: "updatedAt = :prev",
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            ...emailMoves,
          ],
        }),
      );
    } catch (error) {
      const failed = failedConditions(error);
      if (failed?.includes(2)) throw new ConditionFailedError(EMAIL_TAKEN, undefined, { cause: error });
      if (failed) throw new ConditionFailedError("the coach changed meanwhile", undefined, { cause: error });
      throw error;
    }
  }

  async list(opts: { limit?: number; cursor?: string } = {}): Promise<{ items: Coach[]; cursor?: string }> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": keys.coachListing("").gsi1pk },
        Limit: opts.limit ?? 50,
        ExclusiveStartKey: decodeCursor(opts.cursor),
      }),
    );
    const items = (res.Items ?? []).map((i) => stripKeys<Coach>(i));
    const cursor = encodeCursor(res.LastEvaluatedKey);
    return cursor ? { items, cursor } : { items };
  }

  async listActive(): Promise<Coach[]> {
    const coaches: Coach[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :p",
          ExpressionAttributeValues: { ":p": keys.activeCoachListing("").gsi2pk },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of res.Items ?? []) coaches.push(stripKeys<Coach>(item));
      start = res.LastEvaluatedKey;
    } while (start);
    return coaches;
  }
}
