import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Client } from "../../clients/model";
import { ConditionFailedError } from "../../errors";
import type { AttachChange, UnverifiedStore } from "../../ports";
import { toBookedList } from "./booked-clients";
import { conflictedTransaction, failedConditions } from "./errors";
import { addTallies, phaseTally, sendCounted, watched } from "./figures";
import { keys, stripKeys } from "./keys";
import { queryPages } from "./reads";

/** An expected version (0: the item must not exist yet). */
const at = (version: number) =>
  version === 0
    ? { ConditionExpression: "attribute_not_exists(pk)" }
    : { ConditionExpression: "version = :v", ExpressionAttributeValues: { ":v": version } };

/**
 * Unverified bookings (decision 0030): their own client profiles carry a sparse gsi2 key, so the
 * admin's list is one Query (rejected ones left out; they stay in the index so that an erasure of
 * the client whose address they used finds them); a decision is one write.
 */

export class DynamoUnverifiedStore implements UnverifiedStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async pending(): Promise<Client[]> {
    const items = await queryPages(this.db, {
      TableName: this.tableName,
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :p",
      FilterExpression: "attribute_not_exists(unverified.rejectedAt)",
      ExpressionAttributeValues: { ":p": keys.unverifiedBooking("", "").gsi2pk },
    });
    return items.map((i) => stripKeys<Client>(i));
  }

  async attach(change: AttachChange): Promise<void> {
    const TableName = this.tableName;
    const { session, pair, booker } = change;
    // The booker's own profile is listed as booked (profile-items.ts): its delete is counted
    // (decision 0035), conditioned on that list. The client the booking now is goes to the booked
    // list (as a first booking moves them: booked-clients.ts) unless they are further on already;
    // the guess: matched, corrected from the returned item.
    await this.write(() =>
      sendCounted(this.db, TableName, ["CLIENTS#booked", "CLIENTS#matched"], ([listed, theirs]) => {
        const booked = toBookedList(TableName, keys, pair.clientId, theirs);
        const items = [
          ...[session, ...change.renumbered].map((s) => ({
            Put: {
              TableName,
              // As booking-store.ts's sessionItem (not imported: that would split the init chunk).
              Item: {
                ...keys.session(s.id),
                ...keys.clientSessions(s.clientId, s.startsAt, s.id),
                ...keys.coachSessions(s.coachId, s.startsAt, s.id),
                // The console's sessions by status (decision 0033): a Put replaces the whole item.
                ...(s.status === "cancelled"
                  ? {}
                  : keys.sessionsByStatus(s.status, s.startsAt, s.endsAt, s.id)),
                type: "session",
                ...s,
              },
              ...at(s.version - 1),
            },
          })),
          {
            Put: {
              TableName,
              Item: {
                ...keys.pair(pair.clientId, pair.coachId),
                type: "pair",
                clientId: pair.clientId,
                coachId: pair.coachId,
                entries: pair.entries,
                version: pair.version + 1,
              },
              ...at(pair.version),
            },
          },
          {
            Delete: watched(
              { TableName, Key: keys.client(booker.id), ...at(booker.version) },
              "gsi3pk",
              listed,
            ),
          },
          { Delete: { TableName, Key: keys.pair(booker.id, session.coachId) } },
          booked.item,
        ];
        return {
          items,
          watched: [
            { at: items.length - 3, attribute: "gsi3pk" },
            { at: items.length - 1, attribute: "gsi3pk" },
          ],
          tally: addTallies(phaseTally(listed, null), booked.tally),
        };
      }),
    );
  }

  async reject(booker: Client, when: string): Promise<void> {
    await this.write(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.client(booker.id),
          UpdateExpression: "SET unverified.rejectedAt = :at, updatedAt = :at, version = version + :one",
          ConditionExpression: "version = :v",
          ExpressionAttributeValues: { ":at": when, ":one": 1, ":v": booker.version },
        }),
      ),
    );
  }

  private async write(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (error) {
      if (failedConditions(error) || conflictedTransaction(error))
        throw new ConditionFailedError("the booking changed meanwhile", undefined, { cause: error });
      throw error;
    }
  }
}
