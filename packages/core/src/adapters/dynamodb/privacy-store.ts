import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from "@aws-sdk/lib-dynamodb";
import type { BookingRecord } from "../../bookings/model";
import type { Client } from "../../clients/model";
import { ConditionFailedError } from "../../errors";
import type { ActionItem } from "../../followups/model";
import type { ClientFootprint, PrivacyStore, Tombstone } from "../../ports";
import type { Session } from "../../sessions/model";
import { type Assumed, addTallies, failedOn, phaseTally, sendCounted, type Tally, watched } from "./figures";
import { type Key, keys, stripKeys } from "./keys";
import { batchGetAll, queryPages } from "./reads";
import { suppressionKey } from "./suppression";

type Item = Record<string, unknown>;
const keyOf = (i: Item): Key => ({ pk: String(i.pk), sk: String(i.sk) });

/**
 * Counted items per transaction of an erasure: TransactWriteItems takes 100 items, and each adds
 * the counter's `ADD` and perhaps the engaged coach's load.
 */
const COUNTED_PER_WRITE = 90;

/** An item an erasure deletes with its counter: what it is guessed to be, the attribute that says so, and what leaving counts. */
interface Watch {
  Key: Key;
  attribute: string;
  guess: string | null | undefined;
  tally: (value: string) => Tally;
  mustExist?: true;
}

const chunks = <T>(all: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.slice(i * size, (i + 1) * size));

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
      // Farthest in each reschedule chain first: each older record is found through a newer one.
      ...[...bookings].reverse(),
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
      heldDeliveries: held.flatMap((h) => h.deliveries),
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
    // The counted items go with their counters (decision 0035): the failed deliveries (per day),
    // the unverified bookings' own profiles the client's address made (listed as booked
    // clients), the address's suppression and the profile. Each transaction holds at most
    // COUNTED_PER_WRITE of them. The order keeps an erasure that stops half way findable again
    // (a repeat starts from the profile and finds the rest through the sessions and action items):
    // the deliveries first (found through their sessions; every one is watched, since the index
    // that found them may not have their last outcome yet), then the uncounted items in batches,
    // the sessions' and action items' own items in the last of them, then the held profiles and,
    // last, the profile with the suppression and the engaged coach's load.
    const own = keys.client(client.id);
    const held = (footprint.refs as Key[]).filter(
      (k) => k.sk === "PROFILE" && k.pk.startsWith("CLIENT#") && k.pk !== own.pk,
    );
    const deliveries = [...footprint.deliveries, ...footprint.heldDeliveries];
    const e = client.engagement;
    const booked = footprint.sessions.some((s) => s.status !== "cancelled");
    const phase = (v: string) => phaseTally(v, null);
    const deliveryWatch = deliveries.map(
      (d): Watch => ({
        Key: keys.delivery(String(d.id)),
        attribute: "outcome",
        guess: d.outcome === undefined ? null : String(d.outcome),
        tally: (v) => (v === "failed" ? { [failedOn(String(d.receivedAt))]: -1 } : {}),
      }),
    );
    const heldWatch = held.map(
      (Key): Watch => ({
        Key,
        attribute: "gsi3pk",
        guess: keys.clientPhase("booked", "", "").gsi3pk,
        tally: phase,
      }),
    );
    const ownPhase = e ? (e.status === "active" ? "engaged" : "ended") : booked ? "booked" : client.status;
    const last: Watch[] = [
      // First in its transaction: it must still exist (a repeat finds no profile and stops there).
      {
        Key: own,
        attribute: "gsi3pk",
        guess: keys.clientPhase(ownPhase, "", "").gsi3pk,
        tally: phase,
        mustExist: true,
      },
      {
        Key: suppressionKey(client.email),
        attribute: "pk",
        guess: undefined,
        tally: () => ({ suppressed: -1 }),
      },
    ];
    const counted = new Set([...deliveryWatch, ...heldWatch, ...last].map((w) => `${w.Key.pk}\n${w.Key.sk}`));
    const rest = (footprint.refs as Key[]).filter((k) => !counted.has(`${k.pk}\n${k.sk}`));
    const finding = (k: Key) => k.sk === "SESSION" || k.sk === "ACTION";

    for (const part of chunks(deliveryWatch, COUNTED_PER_WRITE)) await this.deleteCounted(part);
    // In batches of their own: a batch holding both could land the finding items alone.
    await this.deleteAll(rest.filter((k) => !finding(k)));
    await this.deleteAll(rest.filter(finding));
    // The held profiles that do not fit beside the profile go in transactions of their own first.
    const spare = COUNTED_PER_WRITE - last.length;
    const heldFirst = heldWatch.length > spare ? heldWatch.slice(0, heldWatch.length - spare) : [];
    for (const part of chunks(heldFirst, COUNTED_PER_WRITE)) await this.deleteCounted(part);
    // The profile with the engaged coach's load, exactly once: a repeat finds no profile. The
    // load goes with an engaged profile only; one whose list says otherwise than the footprint
    // read (an engagement started or ended meanwhile, whose load that write moved) is refused,
    // and `eraseClient` reads the footprint again. A profile on no list (written before the
    // console's index, decision 0033) is taken as the footprint read it.
    const engaged = e?.status === "active" ? e.coachId : undefined;
    const engagedList = keys.clientPhase("engaged", "", "").gsi3pk;
    await this.deleteCounted([...last, ...heldWatch.slice(heldFirst.length)], (assumed) => {
      const listed = assumed[0];
      if (typeof listed === "string" && (listed === engagedList) !== (engaged !== undefined))
        throw new ConditionFailedError("the client's engagement changed during the erasure");
      return engaged
        ? [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.coach(engaged),
                UpdateExpression: "ADD activeClients :minus",
                ConditionExpression: "attribute_exists(pk)",
                ExpressionAttributeValues: { ":minus": -1 },
              },
            },
          ]
        : [];
    });
  }

  /**
   * Deletes watched items in one counted transaction (with what `also` builds for the items as
   * they are, after them): their counters move with them.
   */
  private deleteCounted(
    watch: readonly Watch[],
    also: (assumed: Assumed) => readonly object[] = () => [],
  ): Promise<void> {
    const TableName = this.tableName;
    return sendCounted(
      this.db,
      TableName,
      watch.map((w) => w.guess),
      (assumed) => ({
        items: [
          ...watch.map((w, i) => ({
            Delete: watched(
              {
                TableName,
                Key: w.Key,
                ConditionExpression: w.mustExist ? "attribute_exists(pk)" : undefined,
              },
              w.attribute,
              assumed[i],
            ),
          })),
          ...also(assumed),
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
