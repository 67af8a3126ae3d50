import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { BookingRecord } from "../../bookings/model";
import type { Client } from "../../clients/model";
import type { Coach } from "../../coaches/schema";
import { ConditionFailedError } from "../../errors";
import type {
  BookingChange,
  BookingStore,
  MergeWrites,
  PairEntry,
  PairState,
  SessionWithItems,
} from "../../ports";
import type { Session } from "../../sessions/model";
import type { Provider } from "../../webhooks/booking-event";
import { failedConditions } from "./errors";
import { type Key, keys, stripKeys } from "./keys";
import { batchGetAll, queryPages } from "./reads";

/** A session as stored, with the keys of its indexes (by client, by coach, by status for the console). */
export const sessionItem = (s: Session) => ({
  ...keys.session(s.id),
  ...keys.clientSessions(s.clientId, s.startsAt, s.id),
  ...keys.coachSessions(s.coachId, s.startsAt, s.id),
  ...(s.status === "cancelled" ? {} : keys.sessionsByStatus(s.status, s.startsAt, s.endsAt, s.id)),
  type: "session",
  ...s,
});

export class DynamoBookingStore implements BookingStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getBookings(provider: Provider, bookingIds: readonly string[]): Promise<BookingRecord[]> {
    return this.batchGet(bookingIds.map((id) => keys.booking(provider, id)));
  }

  async getSessions(ids: readonly string[]): Promise<Session[]> {
    return this.batchGet(ids.map((id) => keys.session(id)));
  }

  async getSessionWithPeople(
    sessionId: string,
    people: { clientId: string; coachId: string },
  ): Promise<{ session?: Session; client?: Client; coach?: Coach }> {
    const wanted = {
      session: keys.session(sessionId),
      client: keys.client(people.clientId),
      coach: keys.coach(people.coachId),
    };
    const items = await batchGetAll(this.db, this.tableName, Object.values(wanted));
    const found = <T>(key: Key) => {
      const item = items.find((i) => i.pk === key.pk && i.sk === key.sk);
      return item ? stripKeys<T>(item) : undefined;
    };
    const [session, client, coach] = [
      found<Session>(wanted.session),
      found<Client>(wanted.client),
      found<Coach>(wanted.coach),
    ];
    return { ...(session ? { session } : {}), ...(client ? { client } : {}), ...(coach ? { coach } : {}) };
  }

  async getSessionsWithItems(ids: readonly string[]): Promise<SessionWithItems[]> {
    const found: SessionWithItems[] = [];
    for (const id of [...new Set(ids)]) {
      const items = await queryPages(this.db, {
        TableName: this.tableName,
        KeyConditionExpression: "pk = :p",
        ExpressionAttributeValues: { ":p": keys.session(id).pk },
        ConsistentRead: true,
      });
      const session = items.find((i) => i.sk === keys.session(id).sk);
      if (!session) continue;
      found.push({
        session: stripKeys<Session>(session),
        items: items
          .filter((i) => i !== session)
          .map(({ pk: _pk, sk, ...data }) => ({ sk: String(sk), data })),
      });
    }
    return found;
  }

  async getPair(clientId: string, coachId: string): Promise<PairState> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.pair(clientId, coachId), ConsistentRead: true }),
    );
    return res.Item
      ? { entries: res.Item.entries as PairEntry[], version: Number(res.Item.version) }
      : { entries: [], version: 0 };
  }

  sessionsOfClient(clientId: string): Promise<Session[]> {
    return this.queryAll("gsi1", "gsi1pk", keys.clientSessions(clientId, "", "").gsi1pk);
  }

  sessionsOfCoach(coachId: string, range: { from?: string; to?: string } = {}): Promise<Session[]> {
    return this.queryAll("gsi2", "gsi2pk", keys.coachSessions(coachId, "", "").gsi2pk, range);
  }

  async commit(change: BookingChange): Promise<void> {
    const table = this.tableName;
    const p = change.profile;
    const items = [
      ...change.bookings.map((b) => ({
        Put: {
          TableName: table,
          Item: { ...keys.booking(b.provider, b.bookingId), type: "booking", ...b, version: b.version + 1 },
          ...versionCondition(b.version),
        },
      })),
      ...change.sessions.map((s) => ({
        Put: { TableName: table, Item: sessionItem(s), ...versionCondition(s.version - 1) },
      })),
      // A merged-away session goes under the version it was read at. Every writer of a session's
      // partition moves that version (putNotes, finishing, talking points), so the items below
      // are exactly the ones the merge read: none written meanwhile is left behind or overwritten.
      ...change.deletedSessions.map((s) => ({
        Delete: { TableName: table, Key: keys.session(s.id), ...versionCondition(s.version) },
      })),
      ...(change.merge ? mergeItems(table, change.merge) : []),
      ...(change.pairs ?? []).map((pair) => ({
        Put: {
          TableName: table,
          Item: {
            ...keys.pair(pair.clientId, pair.coachId),
            type: "pair",
            clientId: pair.clientId,
            coachId: pair.coachId,
            entries: pair.entries,
            version: pair.version + 1,
          },
          ...versionCondition(pair.version),
        },
      })),
      // Loaded on first use (a chunk of its own, decision 0014): only a chain's first booking needs it.
      ...(p ? (await import("./profile-items")).profileItems(table, p, keys) : []),
      ...(change.unchanged?.bookings ?? []).map((b) => ({
        ConditionCheck: {
          TableName: table,
          Key: keys.booking(b.provider, b.bookingId),
          ...versionCondition(b.version),
        },
      })),
      ...(change.unchanged?.sessions ?? []).map((s) => ({
        ConditionCheck: { TableName: table, Key: keys.session(s.id), ...versionCondition(s.version) },
      })),
    ];
    // Nothing to write is still checked: a no-op decided on a stale read must fail and re-read.
    if (items.length === 0) return;
    try {
      // A new session moves its client to the console's "booked" list, counted (decisions 0033,
      // 0035): loaded only then (decision 0014).
      if (change.sessions.some((s) => s.version === 1))
        await (await import("./booked-clients")).commitBooked(this.db, table, change, items, keys);
      else await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (failedConditions(error))
        throw new ConditionFailedError("a booking or session changed meanwhile", undefined, { cause: error });
      throw error;
    }
  }

  private async batchGet<T>(wanted: Key[]): Promise<T[]> {
    return (await batchGetAll(this.db, this.tableName, wanted)).map((i) => stripKeys<T>(i));
  }

  private async queryAll<T>(
    index: string,
    key: string,
    value: string,
    range: { from?: string; to?: string } = {},
  ): Promise<T[]> {
    const sortKey = key.replace("pk", "sk");
    const conditions = [`${key} = :p`];
    const values: Record<string, string> = { ":p": value };
    if (range.from && range.to) {
      conditions.push(`${sortKey} BETWEEN :from AND :to`);
      Object.assign(values, { ":from": range.from, ":to": `${range.to}~` });
    } else if (range.from) {
      conditions.push(`${sortKey} >= :from`);
      values[":from"] = range.from;
    } else if (range.to) {
      conditions.push(`${sortKey} <= :to`);
      values[":to"] = `${range.to}~`;
    }
    const items = await queryPages(this.db, {
      TableName: this.tableName,
      IndexName: index,
      KeyConditionExpression: conditions.join(" AND "),
      ExpressionAttributeValues: values,
    });
    return items.map((i) => stripKeys<T>(i));
  }
}

/**
 * The writes of a merge: the combined or moved items in the kept session's partition (guarded by
 * the kept session's version, which the same transaction checks or writes), the deletes in the
 * merged-away partitions, and the action items re-pointed at the kept session. An action item's
 * version moves too, so a "done" saved from a read before the merge fails and is read again.
 */
function mergeItems(table: string, merge: MergeWrites) {
  return [
    ...merge.deletes.map((d) => ({
      Delete: { TableName: table, Key: { pk: keys.session(d.sessionId).pk, sk: d.sk } },
    })),
    ...merge.puts.map((p) => ({
      Put: { TableName: table, Item: { ...p.item.data, pk: keys.session(p.sessionId).pk, sk: p.item.sk } },
    })),
    ...merge.actionItems.map((a) => ({
      Update: {
        TableName: table,
        Key: keys.actionItem(a.id),
        UpdateExpression: "SET sessionId = :s, version = version + :one",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeValues: { ":s": a.sessionId, ":one": 1 },
      },
    })),
  ];
}

/** A write that expects the item at `version` (0: must not exist yet). */
function versionCondition(version: number) {
  return version === 0
    ? { ConditionExpression: "attribute_not_exists(pk)" }
    : { ConditionExpression: "version = :v", ExpressionAttributeValues: { ":v": version } };
}
