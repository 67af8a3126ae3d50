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
      ...(change.engagement ? this.engagementWrites(change.engagement, now) : []),
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
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
    await this.transact(this.engagementWrites(change, now));
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

  private engagementWrites(change: EngagementChange, now: string) {
    const t = this.tableName;
    const load = new Map<string, number>();
    const add = (coachId: string, delta: number) => load.set(coachId, (load.get(coachId) ?? 0) + delta);
    if (change.previous?.status === "active") add(change.previous.coachId, -1);
    if (change.next.status === "active") add(change.next.coachId, +1);
    return [
      {
        Update: {
          TableName: t,
          Key: keys.client(change.clientId),
          // The console's phase follows the engagement (decision 0033).
          UpdateExpression:
            "SET engagement = :e, engagementVersion = :next, updatedAt = :now, phaseKey = :phase, gsi3pk = :phase",
          ConditionExpression:
            change.version === 0
              ? "attribute_exists(pk) AND attribute_not_exists(engagementVersion)"
              : "engagementVersion = :read",
          ExpressionAttributeValues: {
            ":e": change.next,
            ":phase": keys.clientPhase(change.next.status === "active" ? "engaged" : "ended", "", "").gsi3pk,
            ":next": change.version + 1,
            ":now": now,
            ...(change.version === 0 ? {} : { ":read": change.version }),
          },
        },
      },
      ...[...load]
        .filter(([, delta]) => delta !== 0)
        .map(([coachId, delta]) => ({
          Update: {
            TableName: t,
            Key: keys.coach(coachId),
            UpdateExpression: "ADD activeClients :d",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":d": delta },
          },
        })),
    ];
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
