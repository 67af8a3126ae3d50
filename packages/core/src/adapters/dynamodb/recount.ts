import { type DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { CLIENT_PHASES, phaseOf } from "../../admin/phases";
import type { Client } from "../../clients/model";
import { backfillConsoleIndexes, clientProfiles, type IndexBackfill } from "./backfill-indexes";
import { failedConditions } from "./errors";
import { FIGURE_NAMES, type FigureName, sumShards } from "./figure-sums";
import { FIGURE_SHARDS, failedOn } from "./figures";
import { keys } from "./keys";
import { countPages, queryPages } from "./reads";

export interface Recount {
  /** Client profiles written before gsi3 existed that were given their list entry now. */
  backfilled: number;
  /** Items written before the console given the entries of its search and session figures. */
  indexed: IndexBackfill;
  /** The counters before, and as counted from the index (what they are now). */
  before: Record<FigureName, number>;
  after: Record<FigureName, number>;
}

/**
 * Rebuilds the console's counters from the index they count (decision 0035), for a deployment
 * whose data predates them, or to check them: first gives every client profile without a gsi3
 * entry its list (by engagement, else status; 0033's "existing data") and the older items the
 * entries of the console's searches and session figures (`backfillConsoleIndexes`), then counts each phase's
 * and the suppressions' gsi3 partition (`Select: COUNT`, page after page) and the failed
 * deliveries per day of receipt (their keys) and writes the counts
 * over the shards, conditioned on no counted write having landed meanwhile (else it counts again,
 * up to 3 times); its own write moves each shard's `writes` too, so two recounts at once cannot
 * both land. The index lags its items by a moment: run it when the program is quiet, and
 * again to check (a second run changes nothing).
 */
export async function recountFigures(db: DynamoDBDocumentClient, tableName: string): Promise<Recount> {
  const backfilled = await backfillPhases(db, tableName);
  const indexed = await backfillConsoleIndexes(db, tableName);
  for (let attempt = 1; ; attempt++) {
    const shards = await queryPages(db, {
      TableName: tableName,
      KeyConditionExpression: "pk = :p AND begins_with(sk, :s)",
      ExpressionAttributeValues: { ":p": keys.figureShard(0).pk, ":s": "SHARD#" },
      ConsistentRead: true,
    });
    const before = sumShards(shards);
    const stored = FIGURE_NAMES.filter((f) => f !== "failed");
    const counts = Object.fromEntries(
      await Promise.all(stored.map(async (n) => [n, await countPartition(db, tableName, partitionOf(n))])),
    ) as Record<FigureName, number>;
    const failedByDay = await failedPerDay(db, tableName);
    const after = sumShards([{ ...counts, ...failedByDay }]);
    const writes = new Map(shards.map((s) => [String(s.sk), s]));
    try {
      await db.send(
        new TransactWriteCommand({
          TransactItems: Array.from({ length: FIGURE_SHARDS }, (_, n) => {
            const key = keys.figureShard(n);
            const read = writes.get(key.sk);
            const values: Record<string, number> = Object.fromEntries(
              stored.map((f) => [f, n === 0 ? counts[f] : 0]),
            );
            if (n === 0) Object.assign(values, failedByDay);
            const gone = Object.keys(read ?? {}).filter((k) => k.startsWith("failed#") && !(k in values));
            const names = [...Object.keys(values), ...gone];
            return {
              Update: {
                TableName: tableName,
                Key: key,
                UpdateExpression:
                  `SET ${Object.keys(values)
                    .map((_, i) => `#f${i} = :f${i}`)
                    .join(", ")}` +
                  (gone.length > 0
                    ? ` REMOVE ${gone.map((_, i) => `#f${i + Object.keys(values).length}`).join(", ")}`
                    : "") +
                  " ADD #writes :one",
                // Over the shard as read: absent, present without a write yet (as a recount
                // leaves one it created before this bump), or at the writes it had.
                ConditionExpression:
                  read === undefined
                    ? "attribute_not_exists(pk)"
                    : read.writes === undefined
                      ? "attribute_not_exists(#writes)"
                      : "#writes = :writes",
                ExpressionAttributeNames: {
                  ...Object.fromEntries(names.map((f, i) => [`#f${i}`, f])),
                  "#writes": "writes",
                },
                ExpressionAttributeValues: {
                  ...Object.fromEntries(Object.values(values).map((v, i) => [`:f${i}`, v])),
                  ":one": 1,
                  ...(read?.writes === undefined ? {} : { ":writes": read.writes }),
                },
              },
            };
          }),
        }),
      );
      return { backfilled, indexed, before, after };
    } catch (error) {
      if (!failedConditions(error) || attempt >= 3) throw error;
    }
  }
}

/** Failed deliveries in the index, by day of receipt (`failed#<day>`), from their keys. */
async function failedPerDay(db: DynamoDBDocumentClient, tableName: string): Promise<Record<string, number>> {
  const byDay: Record<string, number> = {};
  for (const provider of ["calendly", "calcom"]) {
    const entries = await queryPages(db, {
      TableName: tableName,
      IndexName: "gsi3",
      KeyConditionExpression: "gsi3pk = :p",
      ExpressionAttributeValues: { ":p": keys.deliveriesByProvider("failed", provider, "", "").gsi3pk },
    });
    for (const e of entries) {
      const day = failedOn(String(e.gsi3sk));
      byDay[day] = (byDay[day] ?? 0) + 1;
    }
  }
  return byDay;
}

const partitionOf = (figure: FigureName) =>
  figure === "suppressed" ? keys.suppressionListing("", "").gsi3pk : keys.clientPhase(figure, "", "").gsi3pk;

/** Counts a gsi3 partition's entries, page after page of keys. */
export function countPartition(db: DynamoDBDocumentClient, tableName: string, gsi3pk: string) {
  return countPages(db, {
    TableName: tableName,
    IndexName: "gsi3",
    KeyConditionExpression: "gsi3pk = :p",
    ExpressionAttributeValues: { ":p": gsi3pk },
  });
}

/**
 * Lists the profiles that have no gsi3 entry (every client, gsi1 `CLIENTS`, only those without)
 * and gives each its phase: by its engagement, else its status. Conditioned on still having none,
 * so a write meanwhile wins. Counting follows in `recountFigures`.
 */
async function backfillPhases(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const missing = await clientProfiles(db, tableName, "attribute_not_exists(gsi3pk)", {
    ProjectionExpression: "pk, sk, id, createdAt, #status, engagement",
    ExpressionAttributeNames: { "#status": "status" },
  });
  let done = 0;
  for (const item of missing) {
    const phase = phaseOf(item as unknown as Pick<Client, "status" | "engagement">);
    if (!CLIENT_PHASES.includes(phase)) continue;
    const entry = keys.clientPhase(phase, String(item.createdAt), String(item.id));
    const advanced = phase === "engaged" || phase === "ended";
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: String(item.pk), sk: String(item.sk) },
          UpdateExpression: `SET gsi3pk = :p, gsi3sk = :s${advanced ? ", phaseKey = :p" : ""}`,
          ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(gsi3pk)",
          ExpressionAttributeValues: { ":p": entry.gsi3pk, ":s": entry.gsi3sk },
        }),
      );
      done++;
    } catch (error) {
      if (!failedConditions(error)) throw error;
    }
  }
  return done;
}
