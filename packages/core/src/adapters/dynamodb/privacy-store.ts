import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from "@aws-sdk/lib-dynamodb";
import type { BookingRecord } from "../../bookings/model";
import type { Client } from "../../clients/model";
import type { ActionItem } from "../../followups/model";
import type { ClientFootprint, PrivacyStore, Tombstone } from "../../ports";
import type { Session } from "../../sessions/model";
import { addTallies, failedOn, phaseTally, sendCounted, type Tally, watched } from "./figures";
import { type Key, keys, stripKeys } from "./keys";
import { batchGetAll, queryPages } from "./reads";
import { suppressionKey } from "./suppression";

type Item = Record<string, unknown>;
const keyOf = (i: Item): Key => ({ pk: String(i.pk), sk: String(i.sk) });

/** Follows a reschedule chain through its links; no chain is longer than this (as MAX_CHAIN). */
const MAX_CHAIN = 50;

/**
 * Finds every item about a client through its keys and indexes (decision 0026): the profile and
 * email record, the sessions and action items (gsi1), each session's whole partition, the pair
 * records, the booking records of each session's chain, ledger entries and stored responses
 * (sparse gsi1), and the deliveries of each session (sparse gsi2).
 */
export class DynamoPrivacyStore implements PrivacyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async footprint(clientId: string): Promise<ClientFootprint | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.client(clientId), ConsistentRead: true }),
    );
    if (!res.Item) return undefined;
    const client = stripKeys<Client>(res.Item);
    const [sessionItems, actionItems, responses, clientSends] = await Promise.all([
      this.index("gsi1", keys.clientSessions(clientId, "", "").gsi1pk),
      this.index("gsi1", keys.clientActionItems(clientId, "", "").gsi1pk),
      this.index("gsi1", keys.clientResponses(clientId, "").gsi1pk),
      this.index("gsi1", keys.sendsOf(clientId, "").gsi1pk),
    ]);
    const sessions = sessionItems.map((i) => stripKeys<Session>(i));
    const ids = sessions.map((s) => s.id);
    const [partitions, sessionSends, itemSends, deliveries, pairs, bookings, emailRecord] = await Promise.all(
      [
        Promise.all(ids.map((id) => this.partition(id))).then((p) => p.flat()),
        Promise.all(ids.map((id) => this.index("gsi1", keys.sendsOf(id, "").gsi1pk))).then((p) => p.flat()),
        Promise.all(actionItems.map((a) => this.index("gsi1", keys.sendsOf(String(a.id), "").gsi1pk))).then(
          (p) => p.flat(),
        ),
        Promise.all(ids.map((id) => this.index("gsi2", keys.sessionDeliveries(id, "", "").gsi2pk))).then(
          (p) => p.flat(),
        ),
        batchGetAll(
          this.db,
          this.tableName,
          coachIdsOf(client, sessions).map((c) => keys.pair(clientId, c)),
        ),
        this.chains(sessions),
        batchGetAll(this.db, this.tableName, [keys.clientEmail(client.email)]),
      ],
    );
    const ownEmailRecord = emailRecord.filter((i) => i.clientId === clientId);
    // Unverified bookings made with the client's address (each on a profile of its own, 0030).
    const held = client.unverified ? [] : await this.heldFor(clientId);
    const sends = [...clientSends, ...sessionSends, ...itemSends];
    const coachWork = partitions.filter((i) => i.sk !== "SESSION");
    const all = [
      ...sessionItems,
      ...partitions,
      ...actionItems,
      ...responses,
      ...sends,
      ...deliveries,
      ...pairs,
      ...bookings,
      ...ownEmailRecord,
    ];
    return {
      client,
      sessions,
      coachWork: coachWork.map((i) => ({
        sessionId: String(i.pk).slice("SESSION#".length),
        sk: String(i.sk),
        data: stripKeys<Item>(i),
      })),
      actionItems: actionItems.map((i) => stripKeys<ActionItem>(i)),
      pairs: pairs.map((i) => stripKeys<Item>(i)),
      bookings: bookings.map((i) => stripKeys<BookingRecord>(i)),
      sends: sends.map((i) => stripKeys<Item>(i)),
      deliveries: deliveries.map((i) => stripKeys<Item>(i)),
      storedResponses: responses.length,
      pendingAnswers: responses.filter((i) => i.type === "pendingAnswers").map((i) => stripKeys<Item>(i)),
      heldSessions: held.flatMap((h) => h.sessions),
      // The suppression of the address goes too: it is the address itself.
      refs: uniqueKeys([
        ...all.map(keyOf),
        suppressionKey(client.email),
        ...held.flatMap((h) => [keys.client(h.client.id), ...(h.refs as Key[])]),
      ]),
    };
  }

  /** The footprints of the unverified bookings that name the client (one Query of their index). */
  private async heldFor(clientId: string): Promise<ClientFootprint[]> {
    const profiles = await queryPages(this.db, {
      TableName: this.tableName,
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :p",
      FilterExpression: "unverified.clientId = :c",
      ExpressionAttributeValues: { ":p": keys.unverifiedBooking("", "").gsi2pk, ":c": clientId },
    });
    const found = await Promise.all(profiles.map((p) => this.footprint(String(p.id))));
    return found.filter((f) => f !== undefined);
  }

  async erase(footprint: ClientFootprint, tombstone: Tombstone): Promise<void> {
    const { client } = footprint;
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.tombstone(tombstone.clientId), type: "tombstone", ...tombstone },
      }),
    );
    // The counted items go last, in one transaction with their counters (decision 0035): the
    // profile, the unverified bookings' own profiles it holds (listed as booked clients), the
    // address's suppression and the failed deliveries (per day). The rest goes in batches first.
    const own = keys.client(client.id);
    const held = (footprint.refs as Key[]).filter(
      (k) => k.sk === "PROFILE" && k.pk.startsWith("CLIENT#") && k.pk !== own.pk,
    );
    const failed = footprint.deliveries.filter((d) => d.outcome === "failed");
    const e = client.engagement;
    const booked = footprint.sessions.some((s) => s.status !== "cancelled");
    // What each is guessed to be, the attribute that says so, and what leaving it counts.
    const watch: { Key: Key; attribute: string; guess: string | undefined; tally: (v: string) => Tally }[] = [
      ...[own, ...held].map((Key, i) => ({
        Key,
        attribute: "gsi3pk",
        guess: keys.clientPhase(
          i
            ? "booked"
            : e
              ? e.status === "active"
                ? "engaged"
                : "ended"
              : booked
                ? "booked"
                : client.status,
          "",
          "",
        ).gsi3pk,
        tally: (v: string) => phaseTally(v, null),
      })),
      {
        Key: suppressionKey(client.email),
        attribute: "pk",
        guess: undefined,
        tally: () => ({ suppressed: -1 }),
      },
      ...failed.map((d) => ({
        Key: keys.delivery(String(d.id)),
        attribute: "outcome",
        guess: "failed",
        tally: (v: string): Tally => (v === "failed" ? { [failedOn(String(d.receivedAt))]: -1 } : {}),
      })),
    ];
    const counted = new Set(watch.map((w) => `${w.Key.pk}\n${w.Key.sk}`));
    await this.deleteAll((footprint.refs as Key[]).filter((k) => !counted.has(`${k.pk}\n${k.sk}`)));
    // The profile with the engaged coach's load, exactly once: a repeat finds no profile.
    const engaged = e?.status === "active" ? e.coachId : undefined;
    const TableName = this.tableName;
    await sendCounted(
      this.db,
      TableName,
      watch.map((w) => w.guess),
      (assumed) => ({
        items: [
          ...watch.map((w, i) => ({
            Delete: watched(
              { TableName, Key: w.Key, ConditionExpression: i ? undefined : "attribute_exists(pk)" },
              w.attribute,
              assumed[i],
            ),
          })),
          ...(engaged
            ? [
                {
                  Update: {
                    TableName,
                    Key: keys.coach(engaged),
                    UpdateExpression: "ADD activeClients :minus",
                    ConditionExpression: "attribute_exists(pk)",
                    ExpressionAttributeValues: { ":minus": -1 },
                  },
                },
              ]
            : []),
        ],
        watched: watch.map((w, at) => ({ at, attribute: w.attribute })),
        tally: addTallies(...watch.map((w, i) => (assumed[i] == null ? {} : w.tally(assumed[i]!)))),
      }),
    );
  }

  async allClients(): Promise<Client[]> {
    const listed = await this.index("gsi1", keys.clientListing("").gsi1pk);
    return listed.filter((i) => i.sk === "PROFILE").map((i) => stripKeys<Client>(i));
  }

  private index(name: "gsi1" | "gsi2", partition: string): Promise<Item[]> {
    return queryPages(this.db, {
      TableName: this.tableName,
      IndexName: name,
      KeyConditionExpression: `${name}pk = :p`,
      ExpressionAttributeValues: { ":p": partition },
    });
  }

  /** Every item of a session's partition: the session, notes, talking points, parked work. */
  private partition(sessionId: string): Promise<Item[]> {
    return queryPages(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :p",
      ExpressionAttributeValues: { ":p": keys.session(sessionId).pk },
      ConsistentRead: true,
    });
  }

  /** The booking records of each session's reschedule chain, following `replaces`/`replacedBy`. */
  private async chains(sessions: readonly Session[]): Promise<Item[]> {
    const found = new Map<string, Item>();
    let wanted = sessions.map((s) => keys.booking(s.provider, s.bookingId));
    for (let round = 0; wanted.length > 0 && round < MAX_CHAIN; round++) {
      const items = await batchGetAll(this.db, this.tableName, wanted);
      for (const i of items) found.set(String(i.pk), i);
      wanted = items.flatMap((i) =>
        [i.replaces, i.replacedBy]
          .filter((id): id is string => typeof id === "string")
          .map((id) => keys.booking(String(i.provider), id))
          .filter((k) => !found.has(k.pk)),
      );
    }
    return [...found.values()];
  }

  /** BatchWriteItem in 25s, unprocessed items sent again. */
  private async deleteAll(all: readonly Key[]): Promise<void> {
    for (let i = 0; i < all.length; i += 25) {
      let request: Record<string, { DeleteRequest: { Key: Key } }[]> | undefined = {
        [this.tableName]: all.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })),
      };
      while (request && Object.keys(request).length > 0) {
        const res = await this.db.send(new BatchWriteCommand({ RequestItems: request }));
        request = res.UnprocessedItems as typeof request;
      }
    }
  }
}

/** The coaches the client has a pair record with: of its sessions, matches and engagement. */
function coachIdsOf(client: Client, sessions: readonly Session[]): string[] {
  const ids = [
    ...sessions.map((s) => s.coachId),
    ...client.matches.map((m) => m.coachId),
    ...(client.engagement ? [client.engagement.coachId] : []),
  ];
  return [...new Set(ids)];
}

function uniqueKeys(all: readonly Key[]): Key[] {
  return [...new Map(all.map((k) => [`${k.pk}\n${k.sk}`, k])).values()];
}
