import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { ConditionFailedError, NOTES_CHANGED, notFound } from "../../errors";
import type { ActionItem } from "../../followups/model";
import type { EngagementChange, FinishChange, FollowupStore } from "../../ports";
import type { Session } from "../../sessions/model";
import { sessionItem } from "./booking-store";
import { failedConditions } from "./errors";
import { keys, stripKeys } from "./keys";
import { batchGetAll, queryPages } from "./reads";
import { itemVersionCondition, sessionBump } from "./session-part";

export class DynamoFollowupStore implements FollowupStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async commitFinish(change: FinishChange, now: string): Promise<void> {
    const t = this.tableName;
    const s: Session = change.session;
    const items = [
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
        Put: { TableName: t, Item: this.actionItemItem(a), ConditionExpression: "attribute_not_exists(pk)" },
      })),
      ...(change.notes ? [this.notesWrite(change.notes, now)] : []),
    ];
    try {
      // An engagement change is counted on the console (decision 0035): loaded on first use.
      if (change.engagement)
        await (await import("./engagement-writes")).sendWithEngagement(
          this.db,
          t,
          items,
          change.engagement,
          now,
        );
      else await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const failed = failedConditions(error);
      if (!failed) throw error;
      // The session first: a finish decided on a stale session is decided again from a new read.
      const notesAt = change.notes ? 1 + change.actionItems.length : -1;
      const why = !failed.includes(0) && failed.includes(notesAt) ? NOTES_CHANGED : "changed meanwhile";
      throw new ConditionFailedError(why, undefined, { cause: error });
    }
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
    return (await this.readNotes(sessionId)).notes;
  }

  async readNotes(sessionId: string): Promise<{ notes?: string; version: number }> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.sessionNotes(sessionId), ConsistentRead: true }),
    );
    return {
      ...(typeof res.Item?.notes === "string" ? { notes: res.Item.notes } : {}),
      version: typeof res.Item?.version === "number" ? res.Item.version : 0,
    };
  }

  async putNotes(
    sessionId: string,
    coachId: string,
    notes: string,
    now: string,
    expectedVersion?: number,
  ): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            sessionBump(this.tableName, sessionId),
            this.notesWrite({ sessionId, coachId, notes, expectedVersion }, now),
          ],
        }),
      );
    } catch (error) {
      const failed = failedConditions(error);
      // The session was merged away since it was read; or the notes moved on since they were read.
      if (failed?.includes(0)) throw notFound("session");
      if (failed) throw new ConditionFailedError(NOTES_CHANGED, undefined, { cause: error });
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

  /** The notes written with their version moved on (ADD starts a missing one at 1). */
  private notesWrite(
    n: { sessionId: string; coachId: string; notes: string; expectedVersion?: number | undefined },
    now: string,
  ) {
    const condition = n.expectedVersion === undefined ? undefined : itemVersionCondition(n.expectedVersion);
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.sessionNotes(n.sessionId),
        UpdateExpression:
          "SET #type = :type, sessionId = :s, coachId = :c, notes = :n, updatedAt = :now ADD version :one",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: {
          ":type": "notes",
          ":s": n.sessionId,
          ":c": n.coachId,
          ":n": n.notes,
          ":now": now,
          ":one": 1,
          ...condition?.values,
        },
        ...(condition ? { ConditionExpression: condition.ConditionExpression } : {}),
      },
    };
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
