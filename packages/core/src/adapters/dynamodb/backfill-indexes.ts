import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { foldName } from "../../admin/fold-name";
import { failedConditions } from "./errors";
import { type Key, keys } from "./keys";
import { batchGetAll, queryPages } from "./reads";

/** How many items of each kind were given the console's index entry they lacked. */
export interface IndexBackfill {
  /** Client profiles given their entry of the search by name (gsi2). */
  names: number;
  /** Email records given their entry of the search by email (gsi2). */
  emails: number;
  /** Scheduled and finished sessions given their entry by status (gsi3): the dashboard's week and unfinished meetings. */
  sessions: number;
}

type Item = Record<string, unknown>;

/**
 * Gives the items written before the admin console (decision 0033) the index entries its pages
 * read, as today's writes set them: a client profile its name in the search (not an unverified
 * booking's own profile, whose gsi2 lists it for a decision), the client's email record its
 * address in the search (only the record that names this client), and each scheduled or
 * finished session its entry by status (sessions are found coach by coach, gsi2; no Scan).
 * Every update is conditioned on the entry still missing, so a write meanwhile wins and a second
 * run changes nothing.
 */
export async function backfillConsoleIndexes(
  db: DynamoDBDocumentClient,
  tableName: string,
): Promise<IndexBackfill> {
  const profiles = await clientProfiles(db, tableName, "attribute_not_exists(unverified)", {
    ProjectionExpression: "pk, sk, id, #name, email, gsi2pk",
    ExpressionAttributeNames: { "#name": "name" },
  });
  let names = 0;
  for (const p of profiles.filter((p) => p.gsi2pk === undefined)) {
    const entry = keys.clientName(foldName(String(p.name)), String(p.id));
    if (await update(db, tableName, keyOf(p), entry.gsi2pk, entry.gsi2sk, "gsi2")) names++;
  }

  const records = await batchGetAll(
    db,
    tableName,
    profiles.map((p) => keys.clientEmail(String(p.email))),
  );
  const owner = new Map(profiles.map((p) => [keys.clientEmail(String(p.email)).pk, String(p.id)]));
  let emails = 0;
  for (const r of records.filter((r) => r.gsi2pk === undefined && owner.get(String(r.pk)) === r.clientId)) {
    const entry = keys.clientEmailListing(String(r.pk).slice("CLIENTEMAIL#".length));
    const done = await update(db, tableName, keyOf(r), entry.gsi2pk, entry.gsi2sk, "gsi2", {
      expression: "clientId = :id",
      values: { ":id": r.clientId },
    });
    if (done) emails++;
  }

  const coaches = await queryPages(db, {
    TableName: tableName,
    IndexName: "gsi1",
    KeyConditionExpression: "gsi1pk = :p",
    ExpressionAttributeValues: { ":p": keys.coachListing("").gsi1pk },
    ProjectionExpression: "id",
  });
  let sessions = 0;
  for (const coach of coaches) {
    const found = await queryPages(db, {
      TableName: tableName,
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :p",
      FilterExpression: "attribute_not_exists(gsi3pk) AND #status IN (:scheduled, :finished)",
      ExpressionAttributeValues: {
        ":p": keys.coachSessions(String(coach.id), "", "").gsi2pk,
        ":scheduled": "scheduled",
        ":finished": "finished",
      },
      ExpressionAttributeNames: { "#status": "status" },
      ProjectionExpression: "pk, sk, id, #status, startsAt, endsAt",
    });
    for (const s of found) {
      const entry = keys.sessionsByStatus(
        String(s.status),
        String(s.startsAt),
        String(s.endsAt),
        String(s.id),
      );
      // Only while its status is still the one its entry names (a change meanwhile wrote its own).
      const done = await update(db, tableName, keyOf(s), entry.gsi3pk, entry.gsi3sk, "gsi3", {
        expression: "#status = :status",
        values: { ":status": s.status },
        names: { "#status": "status" },
      });
      if (done) sessions++;
    }
  }
  return { names, emails, sessions };
}

const keyOf = (i: Item): Key => ({ pk: String(i.pk), sk: String(i.sk) });

/** Every client profile (gsi1 `CLIENTS`, the profiles among its items) that also passes `filter`, with `projection`. */
export function clientProfiles(
  db: DynamoDBDocumentClient,
  tableName: string,
  filter: string,
  projection: { ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> },
): Promise<Item[]> {
  return queryPages(db, {
    TableName: tableName,
    IndexName: "gsi1",
    KeyConditionExpression: "gsi1pk = :p",
    FilterExpression: `sk = :profile AND ${filter}`,
    ExpressionAttributeValues: { ":p": keys.clientListing("").gsi1pk, ":profile": "PROFILE" },
    ...projection,
  });
}

/** Sets an index entry on an item that exists and has none yet; false when that no longer holds. */
async function update(
  db: DynamoDBDocumentClient,
  tableName: string,
  Key: Key,
  pk: string,
  sk: string,
  index: "gsi2" | "gsi3",
  also?: { expression: string; values: Item; names?: Record<string, string> },
): Promise<boolean> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key,
        UpdateExpression: `SET ${index}pk = :ip, ${index}sk = :is`,
        ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(${index}pk)${also ? ` AND ${also.expression}` : ""}`,
        ExpressionAttributeValues: { ":ip": pk, ":is": sk, ...also?.values },
        ...(also?.names ? { ExpressionAttributeNames: also.names } : {}),
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error)) return false;
    throw error;
  }
}
