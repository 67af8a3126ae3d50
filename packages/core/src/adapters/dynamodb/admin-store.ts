import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { type ClientPhase, isClientPhase, phaseOf } from "../../admin/phases";
import type { AdminReads, ClientRow, EmailLogEntry, Figures, Page } from "../../admin/ports";
import { type UnverifiedBooking, unverifiedBooking } from "../../bookings/unverified-row";
import type { Client } from "../../clients/model";
import type { Session } from "../../sessions/model";
import type { WebSession } from "../../web-auth/model";
import type { Provider } from "../../webhooks/booking-event";
import { DELIVERY_OUTCOMES, type Delivery, type DeliveryOutcome } from "../../webhooks/deliveries";
import { decodeCursor, encodeCursor } from "./errors";
import { sumShards } from "./figure-sums";
import { type Key, keys, stripKeys } from "./keys";
import { batchGetAll, countPages, queryPages } from "./reads";

/** What a list row reads of a client profile (not the intake answers). */
const ROW_FIELDS = ["pk", "id", "name", "email", "createdAt", "status", "engagement", "gsi3pk"];

/**
 * The admin console's reads (decision 0033): the clients of each phase and the suppressed
 * addresses are counters (decision 0035); the other figures are `Select: COUNT` queries of a
 * bounded range or partition of gsi3, whose entries hold keys only; lists read a page of keys
 * there and the items by key. No Scan.
 */
export class DynamoAdminStore implements AdminReads {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The counted figures (decision 0035): one Query of the counter shards, added up. */
  async figures(failedFrom: string): Promise<Figures> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :p AND begins_with(sk, :s)",
        ExpressionAttributeValues: { ":p": keys.figureShard(0).pk, ":s": "SHARD#" },
      }),
    );
    return sumShards(res.Items ?? [], failedFrom);
  }

  async oldestClient(phase: ClientPhase) {
    const res = await this.db.send(
      new QueryCommand({
        ...this.index3(keys.clientPhase(phase, "", "").gsi3pk),
        Limit: 1,
      }),
    );
    const sk = res.Items?.[0]?.gsi3sk;
    if (typeof sk !== "string") return undefined;
    const at = sk.lastIndexOf("#");
    return { createdAt: sk.slice(0, at), id: sk.slice(at + 1) };
  }

  async listClients(
    phase: ClientPhase | undefined,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ClientRow>> {
    // Without a phase: every client by id (gsi1 `CLIENTS`, projection ALL), newest first, one call.
    const input: QueryCommandInput = phase
      ? { ...this.index3(keys.clientPhase(phase, "", "").gsi3pk), ScanIndexForward: oldestFirst(phase) }
      : {
          TableName: this.tableName,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :p",
          ExpressionAttributeValues: { ":p": keys.clientListing("").gsi1pk },
          ProjectionExpression: ROW_FIELDS.map((f) => `#${f}`).join(", "),
          ExpressionAttributeNames: Object.fromEntries(ROW_FIELDS.map((f) => [`#${f}`, f])),
          ScanIndexForward: false,
        };
    const res = await this.db.send(
      new QueryCommand({ ...input, Limit: page.limit, ExclusiveStartKey: decodeCursor(page.cursor) }),
    );
    const items = phase ? await this.rows(res.Items ?? []) : (res.Items ?? []);
    const cursor = encodeCursor(res.LastEvaluatedKey);
    return { items: items.map(toRow), ...(cursor ? { cursor } : {}) };
  }

  async searchClients(query: string, limit: number): Promise<ClientRow[]> {
    const prefix = (pk: string) => ({
      TableName: this.tableName,
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :p AND begins_with(gsi2sk, :q)",
      ExpressionAttributeValues: { ":p": pk, ":q": query },
      Limit: limit,
    });
    const [byName, byEmail] = await Promise.all([
      query.includes("@")
        ? Promise.resolve({ Items: [] })
        : this.db.send(
            new QueryCommand({
              ...prefix(keys.clientName("", "").gsi2pk),
              ProjectionExpression: ROW_FIELDS.map((f) => `#${f}`).join(", "),
              ExpressionAttributeNames: Object.fromEntries(ROW_FIELDS.map((f) => [`#${f}`, f])),
            }),
          ),
      this.db.send(
        new QueryCommand({ ...prefix(keys.clientEmailListing("").gsi2pk), ProjectionExpression: "clientId" }),
      ),
    ]);
    const named = byName.Items ?? [];
    const seen = new Set(named.map((i) => i.id));
    const more = (byEmail.Items ?? [])
      .map((i) => String(i.clientId))
      .filter((id) => !seen.has(id))
      .map((id) => keys.client(id));
    const byAddress = more.length > 0 ? await batchGetAll(this.db, this.tableName, more) : [];
    return [...named, ...byAddress].slice(0, limit).map(toRow);
  }

  countSessions(from: string, to: string): Promise<number> {
    return Promise.all(
      ["scheduled", "finished"].map((status) =>
        this.count({ gsi3pk: keys.sessionsByStatus(status, "", "", "").gsi3pk }, { from, to }),
      ),
    ).then(([a, b]) => a! + b!);
  }

  async unfinishedSessions(
    endedBefore: string,
    limit: number,
  ): Promise<{ count: number; sessions: Session[] }> {
    // Starts before the cutoff, read from the keys; the end in the key decides, without an item read.
    const found: Key[] = [];
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: "gsi3",
          KeyConditionExpression: "gsi3pk = :p AND gsi3sk < :cut",
          ExpressionAttributeValues: {
            ":p": keys.sessionsByStatus("scheduled", "", "", "").gsi3pk,
            ":cut": endedBefore,
          },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of res.Items ?? []) {
        const [, endsAt] = String(item.gsi3sk).split("#");
        if (endsAt !== undefined && endsAt < endedBefore) {
          count++;
          if (found.length < limit) found.push({ pk: String(item.pk), sk: String(item.sk) });
        }
      }
      start = res.LastEvaluatedKey;
    } while (start);
    const sessions = found.length > 0 ? await batchGetAll(this.db, this.tableName, found) : [];
    return {
      count,
      sessions: sessions.map((i) => stripKeys<Session>(i)).sort((a, b) => a.endsAt.localeCompare(b.endsAt)),
    };
  }

  async listDeliveries(
    filter: { outcome: DeliveryOutcome; provider?: Provider },
    page: { limit: number; cursor?: string },
  ): Promise<Page<Delivery>> {
    if (!DELIVERY_OUTCOMES.includes(filter.outcome)) return { items: [] };
    const res = await this.db.send(
      new QueryCommand({
        ...(filter.provider
          ? this.index3(keys.deliveriesByProvider(filter.outcome, filter.provider, "", "").gsi3pk)
          : {
              TableName: this.tableName,
              IndexName: "gsi1",
              KeyConditionExpression: "gsi1pk = :p",
              ExpressionAttributeValues: { ":p": keys.deliveriesByOutcome(filter.outcome, "", "").gsi1pk },
            }),
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor),
      }),
    );
    const items = filter.provider
      ? sortLike(res.Items ?? [], await batchGetAll(this.db, this.tableName, keysOf(res.Items ?? [])))
      : (res.Items ?? []);
    const cursor = encodeCursor(res.LastEvaluatedKey);
    return {
      items: items.map((i) => stripKeys<Delivery>(i)),
      ...(cursor ? { cursor } : {}),
    };
  }

  async emailLog(clientId: string, refs: readonly string[]): Promise<EmailLogEntry[]> {
    const pages = await Promise.all(
      [clientId, ...refs].map((ref) =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: "gsi1",
            KeyConditionExpression: "gsi1pk = :p",
            ExpressionAttributeValues: { ":p": keys.sendsOf(ref, "").gsi1pk },
            ProjectionExpression: "#k, #s, claimedAt, job",
            ExpressionAttributeNames: { "#k": "key", "#s": "status" },
          }),
        ),
      ),
    );
    return pages
      .flatMap((p) => p.Items ?? [])
      .map((i) => ({
        key: String(i.key),
        status: String(i.status),
        at: String(i.claimedAt ?? ""),
        ...(typeof i.job === "string" ? { job: i.job } : {}),
      }))
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  /** A gsi3 query of one partition, oldest first. */
  private index3(pk: string): QueryCommandInput {
    return {
      TableName: this.tableName,
      IndexName: "gsi3",
      KeyConditionExpression: "gsi3pk = :p",
      ExpressionAttributeValues: { ":p": pk },
    };
  }

  async webSession(idHash: string): Promise<WebSession | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.webSession(idHash), ConsistentRead: true }),
    );
    return res.Item ? stripKeys<WebSession>(res.Item) : undefined;
  }

  async countUnverified(): Promise<number> {
    return countPages(this.db, {
      TableName: this.tableName,
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :p",
      // As the unverified store's list (unverified-store.ts): a rejected one waits no more.
      FilterExpression: "attribute_not_exists(unverified.rejectedAt)",
      ExpressionAttributeValues: { ":p": keys.unverifiedBooking("", "").gsi2pk },
    });
  }

  async unverifiedBookings(clientId?: string): Promise<UnverifiedBooking[]> {
    // As the unverified store's `pending` (unverified-store.ts), narrowed to the client's address:
    // the link is the booking profile's `unverified.clientId` (decision 0030), read from the index.
    const bookers = await queryPages(this.db, {
      TableName: this.tableName,
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :p",
      FilterExpression: `attribute_not_exists(unverified.rejectedAt)${clientId ? " AND unverified.clientId = :c" : ""}`,
      ExpressionAttributeValues: {
        ":p": keys.unverifiedBooking("", "").gsi2pk,
        ...(clientId ? { ":c": clientId } : {}),
      },
    });
    const ids = bookers.map((b) => String((b.unverified as { sessionId: string }).sessionId));
    const found = ids.length > 0 ? await batchGetAll(this.db, this.tableName, ids.map(keys.session)) : [];
    const sessions = new Map(found.map((i) => [String(i.id), stripKeys<Session>(i)]));
    return bookers.flatMap((item) => {
      const b = stripKeys<Client>(item);
      const s = sessions.get(b.unverified!.sessionId);
      return s ? [unverifiedBooking(b, s)] : [];
    });
  }

  /** Counts a gsi3 partition (a sort-key range when given), page after page of keys. */
  private count(key: { gsi3pk: string }, range?: { from: string; to: string }): Promise<number> {
    return countPages(this.db, {
      TableName: this.tableName,
      IndexName: "gsi3",
      KeyConditionExpression: range ? "gsi3pk = :p AND gsi3sk BETWEEN :from AND :to" : "gsi3pk = :p",
      ExpressionAttributeValues: {
        ":p": key.gsi3pk,
        ...(range ? { ":from": range.from, ":to": range.to } : {}),
      },
    });
  }

  /** The profiles behind a page of gsi3 keys, in the page's order, with the row's fields only. */
  private async rows(entries: Record<string, unknown>[]) {
    return sortLike(entries, await batchGetAll(this.db, this.tableName, keysOf(entries)));
  }
}

const oldestFirst = (phase: ClientPhase) => phase === "waitlisted" || phase === "matched";
const keysOf = (items: Record<string, unknown>[]): Key[] =>
  items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
const sortLike = (order: Record<string, unknown>[], items: Record<string, unknown>[]) => {
  const at = new Map(order.map((o, n) => [String(o.pk), n]));
  return [...items].sort((a, b) => (at.get(String(a.pk)) ?? 0) - (at.get(String(b.pk)) ?? 0));
};

function toRow(item: Record<string, unknown>): ClientRow {
  const listed = typeof item.gsi3pk === "string" ? item.gsi3pk.replace(/^CLIENTS#/, "") : undefined;
  return {
    id: String(item.id),
    name: String(item.name),
    email: String(item.email),
    createdAt: String(item.createdAt),
    phase: isClientPhase(listed) ? listed : phaseOf(item as unknown as Client),
  };
}
