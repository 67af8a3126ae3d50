import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { ConditionFailedError, notFound } from "../../errors";
import type { ActionItem } from "../../followups/model";
import type { EngagementChange, FinishChange, FollowupStore } from "../../ports";
import type { Session } from "../../sessions/model";
import { sessionItem } from "./booking-store";
import { failedConditions } from "./errors";
import { phaseTally, sendCounted, watched } from "./figures";
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
   * engagement, conditioned on the list it leaves and counted (decision 0035). The guess: an
   * active engagement's client is engaged, an ended one's ended, else booked (an engagement
   * follows a session).
   */
  private async counted(
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]>,
    change: EngagementChange | undefined,
    now: string,
  ) {
    if (!change) return this.transact(items);
    const guess = keys.clientPhase(
      change.previous ? (change.previous.status === "active" ? "engaged" : "ended") : "booked",
      "",
      "",
    ).gsi3pk;
    const to = keys.clientPhase(change.next.status === "active" ? "engaged" : "ended", "", "").gsi3pk;
    try {
      await sendCounted(this.db, this.tableName, [guess], ([from]) => ({
        items: [...items, ...this.engagementWrites(change, now, from)],
        watched: [{ at: items.length, attribute: "gsi3pk" }],
        tally: phaseTally(from, to),
      }));
    } catch (error) {
      if (failedConditions(error))
        throw new ConditionFailedError("changed meanwhile", undefined, { cause: error });
      throw error;
    }
  }

  private engagementWrites(change: EngagementChange, now: string, from: string | null | undefined) {
    const t = this.tableName;
    const load = new Map<string, number>();
    const add = (coachId: string, delta: number) => load.set(coachId, (load.get(coachId) ?? 0) + delta);
    if (change.previous?.status === "active") add(change.previous.coachId, -1);
    if (change.next.status === "active") add(change.next.coachId, +1);
    return [
      {
        Update: watched(
          {
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
              ":phase": keys.clientPhase(change.next.status === "active" ? "engaged" : "ended", "", "")
                .gsi3pk,
              ":next": change.version + 1,
              ":now": now,
              ...(change.version === 0 ? {} : { ":read": change.version }),
            },
          },
          "gsi3pk",
          from,
        ),
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
