import { type DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { keys } from "./keys";

/**
 * The console's counted figures (decision 0035): clients per phase, suppressed addresses and
 * failed webhook deliveries, kept as counters that every write moving one of them changes with
 * `ADD` in its own transaction, conditioned on the state it moves from, so a counter cannot drift
 * from the index (gsi3) it counts. Spread over a few shard items of one partition, one picked at
 * random per write, so that concurrent transactions rarely touch the same item; the dashboard
 * reads them all with one Query and adds them up (figure-sums.ts). Kept small, and loaded only
 * with the writes that count (decision 0014).
 */
export const FIGURE_SHARDS = 8;

/** Moves of figures: a phase (`matched`), `suppressed`, or `failed#<YYYY-MM-DD>`. */
export type Tally = Partial<Record<string, number>>;
/** The counter of the failed deliveries received on a day (TTL removes a delivery uncounted). */
export const failedOn = (receivedAt: string) => `failed#${receivedAt.slice(0, 10)}`;

/** A client moving from one gsi3 partition to another (`null`/`undefined`: none). */
export function phaseTally(from: string | null | undefined, to: string | null | undefined): Tally {
  const tally: Tally = {};
  if (from === to) return tally;
  if (from?.startsWith("CLIENTS#")) tally[from.slice(8)] = -1;
  if (to?.startsWith("CLIENTS#")) tally[to.slice(8)] = 1;
  return tally;
}

export function addTallies(...tallies: Tally[]): Tally {
  const sum: Tally = {};
  for (const t of tallies) for (const [k, v] of Object.entries(t)) sum[k] = (sum[k] ?? 0) + (v ?? 0);
  return sum;
}

/** The `ADD` of a tally to a random shard, or nothing when the tally moves nothing. */
export function tallyUpdate(TableName: string, tally: Tally) {
  const moves = Object.entries(tally).filter(([, v]) => v);
  if (moves.length === 0) return [];
  const names: Record<string, string> = { "#w": "writes" };
  const values: Record<string, unknown> = { ":w": 1 };
  moves.forEach(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
  });
  return [
    {
      Update: {
        TableName,
        Key: keys.figureShard(Math.floor(Math.random() * FIGURE_SHARDS)),
        UpdateExpression: `ADD ${moves.map((_, i) => `#f${i} :f${i}`).join(", ")}, #w :w`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
}

// biome-ignore lint/suspicious/noExplicitAny: TransactItems of any shape (Put, Update, Delete, ConditionCheck)
type TransactItem = any;

/**
 * What a counted write assumes about the items it watches, one value each: the attribute it
 * conditions on (a client's `gsi3pk`, a delivery's `outcome`), `null` when that attribute is
 * absent, `undefined` when the item is.
 */
export type Assumed = (string | null | undefined)[];

/**
 * A write built for what the watched items are: its TransactItems, where each watched item sits
 * (conditioned by `watched`), and the tally that follows; the counter's `ADD` is appended.
 */
export interface CountedPlan {
  items: TransactItem[];
  watched: { at: number; attribute: string }[];
  tally: Tally;
}

/**
 * Sends a counted write, built for what the caller believes the watched items are. When the
 * transaction fails only because a watched item is not what was assumed (a wrong guess, or
 * another write moved it meanwhile), the item as it is comes back with the failure and the write
 * is built again for that, once: so the `ADD` always matches the move that happens, and a
 * repeated or racing write counts nothing twice. Cancelled by a conflict on its counter shard
 * alone, it is sent again (another shard). Any other failure is thrown as it came.
 */
export async function sendCounted(
  db: DynamoDBDocumentClient,
  tableName: string,
  assumed: Assumed,
  build: (assumed: Assumed) => CountedPlan,
): Promise<void> {
  let current = assumed;
  for (let attempt = 0, rebuilt = false; ; attempt++) {
    const plan = build(current);
    const counter = tallyUpdate(tableName, plan.tally);
    try {
      await db.send(new TransactWriteCommand({ TransactItems: [...plan.items, ...counter] }));
      return;
    } catch (error) {
      // Read by name: importing the SDK's exception class here would split the init chunks.
      const reasons: { Code?: string; Item?: Record<string, { S?: string }> }[] =
        (error as { name?: string }).name === "TransactionCanceledException"
          ? ((error as { CancellationReasons?: [] }).CancellationReasons ?? [])
          : [];
      const codes = reasons.map((r) => r.Code ?? "None");
      // A conflict on the counter's shard: nothing was written, so the same write is sent again.
      if (counter.length && codes[plan.items.length] === "TransactionConflict" && attempt < 3) continue;
      const seen = new Map(plan.watched.map((w, i) => [w.at, { i, attribute: w.attribute }]));
      const next = [...current];
      let learned = false;
      let other = false;
      codes.forEach((code, at) => {
        if (code === "None") return;
        const w = seen.get(at);
        if (code !== "ConditionalCheckFailed" || !w) {
          other = true;
          return;
        }
        const old = reasons[at]?.Item;
        next[w.i] = old ? (old[w.attribute]?.S ?? null) : undefined;
        if (next[w.i] !== current[w.i]) learned = true;
      });
      if (rebuilt || other || !learned) throw error;
      current = next;
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
 * (`attribute = value`; `null`: the attribute is absent; `undefined`: the item is), returning
 * the item when it is not, for `sendCounted` to build the write again.
 */
export function watched<T extends Conditioned>(op: T, attribute: string, value: string | null | undefined) {
  const absent = value == null;
  return {
    ...op,
    ConditionExpression:
      (op.ConditionExpression ? `(${op.ConditionExpression}) AND ` : "") +
      (absent ? "attribute_not_exists(#watched)" : "#watched = :watched"),
    ExpressionAttributeNames: {
      ...op.ExpressionAttributeNames,
      "#watched": value === undefined ? "pk" : attribute,
    },
    ...(absent ? {} : { ExpressionAttributeValues: { ...op.ExpressionAttributeValues, ":watched": value } }),
    ReturnValuesOnConditionCheckFailure: "ALL_OLD" as const,
  };
}
