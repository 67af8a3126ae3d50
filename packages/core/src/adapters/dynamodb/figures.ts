import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";

/**
 * The console's counted figures (decision 0035): how many clients are in each phase and how many
 * addresses are suppressed, kept as counters that every write moving one of them changes with `ADD`
 * in its own transaction, conditioned on the state it moves from, so a counter cannot drift from
 * the index (gsi3) it counts. Spread over a few shard items of one partition, picked at random per
 * write, so that concurrent transactions rarely touch the same item; the dashboard reads them all
 * with one Query and adds them up.
 */
export const FIGURES_PK = "FIGURES";
export const FIGURE_SHARDS = 8;
export const figureShard = (n: number) => ({ pk: FIGURES_PK, sk: `SHARD#${n}` });

/**
 * The counted figures: the client phases (as in `CLIENTS#<phase>`), suppressed addresses, and
 * failed webhook deliveries of the delivery log's retention (counted per day of receipt, as
 * `failed#<YYYY-MM-DD>`, since TTL removes a delivery without a write that could count it).
 */
export const FIGURE_NAMES = [
  "waitlisted",
  "matched",
  "booked",
  "engaged",
  "ended",
  "suppressed",
  "failed",
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];
/** Moves of figures: a figure's name, or `failed#<day>`. */
export type Tally = Partial<Record<string, number>>;
/** The counter of the failed deliveries received on a day. */
export const failedOn = (receivedAt: string) => `failed#${receivedAt.slice(0, 10)}`;

/** The figure a client's gsi3 partition key counts in (`CLIENTS#matched` → matched). */
export function phaseFigure(gsi3pk: string | null | undefined): FigureName | undefined {
  const name = gsi3pk?.startsWith("CLIENTS#") ? gsi3pk.slice("CLIENTS#".length) : undefined;
  return (FIGURE_NAMES as readonly string[]).includes(name ?? "") ? (name as FigureName) : undefined;
}

/** A client moving from one gsi3 partition to another (`null`: none, as a new or removed item). */
export function phaseTally(from: string | null | undefined, to: string | null | undefined): Tally {
  const tally: Tally = {};
  if (from === to) return tally;
  const a = phaseFigure(from);
  const b = phaseFigure(to);
  if (a) tally[a] = (tally[a] ?? 0) - 1;
  if (b) tally[b] = (tally[b] ?? 0) + 1;
  return tally;
}

export function addTallies(...tallies: Tally[]): Tally {
  const sum: Tally = {};
  for (const t of tallies) for (const [k, v] of Object.entries(t)) sum[k] = (sum[k] ?? 0) + (v ?? 0);
  return sum;
}

/** The `ADD` of a tally to one shard, or nothing when the tally moves nothing. */
export function tallyUpdate(tableName: string, tally: Tally, shard = randomShard()) {
  const moves = Object.entries(tally).filter((m): m is [string, number] => m[1] !== undefined && m[1] !== 0);
  if (moves.length === 0) return [];
  return [
    {
      Update: {
        TableName: tableName,
        Key: figureShard(shard),
        UpdateExpression: `ADD ${moves.map((_, i) => `#f${i} :f${i}`).join(", ")}, #writes :one`,
        ExpressionAttributeNames: {
          ...Object.fromEntries(moves.map(([k], i) => [`#f${i}`, k])),
          "#writes": "writes",
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(moves.map(([, v], i) => [`:f${i}`, v])),
          ":one": 1,
        },
      },
    },
  ];
}

/**
 * The figures of the counter shards (items of `FIGURES_PK`), added up; failed deliveries from the
 * day `failedFrom` (YYYY-MM-DD) on.
 */
export function sumShards(
  items: readonly Record<string, unknown>[],
  failedFrom = "",
): Record<FigureName, number> {
  const sum = Object.fromEntries(FIGURE_NAMES.map((n) => [n, 0])) as Record<FigureName, number>;
  for (const item of items)
    for (const [k, v] of Object.entries(item)) {
      if (k.startsWith("failed#")) {
        if (k.slice("failed#".length) >= failedFrom) sum.failed += Number(v);
      } else if ((FIGURE_NAMES as readonly string[]).includes(k)) sum[k as FigureName] += Number(v);
    }
  return sum;
}

const randomShard = () => Math.floor(Math.random() * FIGURE_SHARDS);

// biome-ignore lint/suspicious/noExplicitAny: TransactItems of any shape (Put, Update, Delete, ConditionCheck)
type TransactItem = any;

/**
 * What a counted write assumes about the items it moves, one value per watched item: the
 * attribute it conditions on (e.g. a client's `gsi3pk`), `null` when that attribute is absent,
 * `undefined` when the item itself is absent.
 */
export type Assumed = (string | null | undefined)[];

/**
 * A write plan for what the watched items are (`assumed`): its TransactItems, where each watched
 * item sits among them (its condition says what was assumed, with `ReturnValuesOnConditionCheckFailure`
 * `ALL_OLD`, see `watch`), and the tally that follows. The counter's `ADD` is appended.
 */
export interface CountedPlan {
  items: TransactItem[];
  watched: { at: number; attribute: string }[];
  tally: Tally;
}

/**
 * Sends a counted write. It is built for what the caller believes the watched items are; when the
 * transaction fails only because a watched item is not what was assumed (another write moved it
 * meanwhile, or the caller's guess was wrong), the item as it is comes back with the failure and
 * the write is built again for that, once. So the `ADD` always matches the move that happened,
 * and a repeated or racing write moves nothing twice. A transaction cancelled by a conflict on a
 * counter shard is sent again on another shard. Any other failure is thrown as it came.
 */
export async function sendCounted(
  db: DynamoDBDocumentClient,
  tableName: string,
  assumed: Assumed,
  build: (assumed: Assumed) => CountedPlan,
): Promise<void> {
  let current = assumed;
  let rebuilt = false;
  for (let attempt = 0; ; attempt++) {
    const plan = build(current);
    const counter = tallyUpdate(tableName, plan.tally);
    try {
      await db.send(new TransactWriteCommand({ TransactItems: [...plan.items, ...counter] }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const shardConflict =
        counter.length > 0 &&
        reasons[plan.items.length]?.Code === "TransactionConflict" &&
        reasons.every((r, i) => i === plan.items.length || r.Code === "None" || r.Code === undefined);
      if (shardConflict && attempt < 3) continue;
      const failed = reasons.flatMap((r, i) => (r.Code === "ConditionalCheckFailed" ? [i] : []));
      const seen = plan.watched.map((w) => {
        const reason = reasons[w.at];
        if (reason?.Code !== "ConditionalCheckFailed") return { failed: false, value: undefined };
        const old = reason.Item as Record<string, { S?: string }> | undefined;
        return { failed: true, value: old ? (old[w.attribute]?.S ?? null) : undefined };
      });
      const others = failed.filter((i) => !plan.watched.some((w) => w.at === i));
      const actual = current.map((v, i) => (seen[i]?.failed ? seen[i].value : v));
      const learned = actual.some((v, i) => v !== current[i]);
      if (rebuilt || others.length > 0 || !learned || reasons.some((r) => r.Code === "TransactionConflict"))
        throw error;
      current = actual;
      rebuilt = true;
    }
  }
}

interface Conditioned {
  TableName: string;
  ConditionExpression?: string | undefined;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * A TransactItem's operation, conditioned also on its watched attribute being as assumed
 * (`attribute = value`; `null`: the attribute is absent; `undefined`: the item is), and returning
 * the item when it is not, for `sendCounted` to build the write again.
 */
export function watched<T extends Conditioned>(op: T, attribute: string, value: string | null | undefined) {
  const names = { ...op.ExpressionAttributeNames };
  const values = { ...op.ExpressionAttributeValues };
  let condition: string;
  if (value === undefined) condition = "attribute_not_exists(pk)";
  else {
    names["#watched"] = attribute;
    if (value === null) condition = "attribute_not_exists(#watched)";
    else {
      values[":watched"] = value;
      condition = "#watched = :watched";
    }
  }
  return {
    ...op,
    ConditionExpression: op.ConditionExpression ? `(${op.ConditionExpression}) AND ${condition}` : condition,
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
    ReturnValuesOnConditionCheckFailure: "ALL_OLD" as const,
  };
}
