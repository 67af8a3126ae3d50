import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { ConditionFailedError, notFound } from "../../errors";
import type { ActionItem } from "../../followups/model";
import type { EngagementChange, FinishChange, FollowupStore } from "../../ports";
import type { Session } from "../../sessions/model";
import { sessionItem } from "./booking-store";
import { failedConditions } from "./errors";
import { keys, stripKeys } from "./keys";
import { batchGetAll, queryPages } from "./reads";

/**
 * How any item other than the session itself is written into a session's partition (notes,
 * talking points, …): in one transaction with a bump of the session's `version`, on a session
 * that still exists. A merge deletes the session it merges away under the version it read, so a
 * write that lands between the merge's read and its commit makes the merge read again and carry
 * that write over too, and a write after the merge fails instead of landing in an empty partition.
 */
export function sessionPartWrites(table: string, sessionId: string, item: { pk: string; sk: string }) {
  return [
    {
      Update: {
        TableName: table,
        Key: keys.session(sessionId),
        UpdateExpression: "SET version = version + :one",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeValues: { ":one": 1 },
      },
    },
    { Put: { TableName: table, Item: item } },
  ];
}

export class DynamoFollowupStore implements FollowupStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async commitFinish(change: FinishChange, now: string): Promise<void> {
    const t = this.tableName;
    const s: Session = change.session;
    await this.counted(
      [
        {
          Put: {
            TableName: t,
            Item: sessionItem(s),
            ConditionExpression: "version = :v AND #s = :scheduled",
            ExpressionAttributeNames: { "#s": "status" },
            ExpressionAttributeValues: { ":v": s.version - 1, ":scheduled": "scheduled" },
          },
        },
        ...change.actionItems.map((a) => ({
          Put: {
            TableName: t,
            Item: this.actionItemItem(a),
            ConditionExpression: "attribute_not_exists(pk)",
          },
        })),
        ...(change.notes ? [{ Put: { TableName: t, Item: this.notesItem(change.notes, now) } }] : []),
      ],
      change.engagement,
      now,
    );
  }

  async getActionItem(id: string): Promise<ActionItem | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.actionItem(id), ConsistentRead: true }),
    );
    return res.Item ? stripKeys<ActionItem>(res.Item) : undefined;
  }

  async getActionItems(ids: readonly string[]): Promise<ActionItem[]> {
    const items = await batchGetAll(
      this.db,
      this.tableName,
      ids.map((id) => keys.actionItem(id)),
    );
    return items.map((i) => stripKeys<ActionItem>(i)).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  }

  async actionItemsOfClient(clientId: string): Promise<ActionItem[]> {
    const items = await queryPages(this.db, {
      TableName: this.tableName,
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :p",
      ExpressionAttributeValues: { ":p": keys.clientActionItems(clientId, "", "").gsi1pk },
    });
    return items.map((i) => stripKeys<ActionItem>(i));
  }

  async saveActionItem(item: ActionItem): Promise<void> {
    await this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: this.actionItemItem(item),
          ConditionExpression: "version = :v",
          ExpressionAttributeValues: { ":v": item.version - 1 },
        },
      },
    ]);
  }

  async getNotes(sessionId: string): Promise<string | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.sessionNotes(sessionId), ConsistentRead: true }),
    );
    return typeof res.Item?.notes === "string" ? res.Item.notes : undefined;
  }

  async putNotes(sessionId: string, coachId: string, notes: string, now: string): Promise<void> {
    try {
      await this.transact(
        sessionPartWrites(this.tableName, sessionId, this.notesItem({ sessionId, coachId, notes }, now)),
      );
    } catch (error) {
      // The only condition is that the session exists: it was merged away since it was read.
      if (error instanceof ConditionFailedError) throw notFound("session");
      throw error;
    }
  }

  async setEngagement(change: EngagementChange, now: string): Promise<void> {
    await this.counted([], change, now);
  }

  private actionItemItem(a: ActionItem) {
    return {
      ...keys.actionItem(a.id),
      ...keys.clientActionItems(a.clientId, a.dueDate, a.id),
      // Sparse: listed for the coach's workspace only while open (a Put of a done item drops it).
      ...(a.done ? {} : keys.coachOpenActionItems(a.coachId, a.dueDate, a.id)),
      type: "actionItem",
      ...a,
    };
  }

  private notesItem(n: { sessionId: string; coachId: string; notes: string }, now: string) {
    return { ...keys.sessionNotes(n.sessionId), type: "notes", ...n, updatedAt: now };
  }

  /**
   * `items`, with an engagement change's writes when there is one: the client's list follows the
   * engagement, counted (decision 0035; loaded on first use, decision 0014).
   */
  private async counted(
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]>,
    change: EngagementChange | undefined,
    now: string,
  ) {
    if (!change) return this.transact(items);
    try {
      await (await import("./engagement-writes")).sendWithEngagement(
        this.db,
        this.tableName,
        items,
        change,
        now,
      );
    } catch (error) {
      if (failedConditions(error))
        throw new ConditionFailedError("changed meanwhile", undefined, { cause: error });
      throw error;
    }
  }

  private async transact(
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]>,
  ) {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (failedConditions(error))
        throw new ConditionFailedError("changed meanwhile", undefined, { cause: error });
      throw error;
    }
  }
}
