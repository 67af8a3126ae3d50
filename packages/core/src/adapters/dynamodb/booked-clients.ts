import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { BookingChange, PairRecord } from "../../ports";
import type { Session } from "../../sessions/model";
import { type Assumed, addTallies, type CountedPlan, phaseTally, sendCounted, watched } from "./figures";
import type { keys as Keys } from "./keys";

const BOOKED = "CLIENTS#booked";
/** The lists from "booked" on: a booking moves no one back from them. */
const ADVANCED = [BOOKED, "CLIENTS#engaged", "CLIENTS#ended"];

/**
 * The write that puts a client on the "booked" list from the list they are assumed to be on
 * (`from`, watched), and what it counts: from booked or further on nothing moves (`phaseKey`, set
 * once and then only by engagement changes, keeps them there), and the write only checks the list.
 */
export function toBookedList(table: string, k: typeof Keys, clientId: string, from: Assumed[number]) {
  const moves = !(typeof from === "string" && ADVANCED.includes(from));
  return {
    item: {
      Update: watched(
        {
          TableName: table,
          Key: k.client(clientId),
          UpdateExpression: moves
            ? "SET phaseKey = :b, gsi3pk = :b"
            : "SET phaseKey = if_not_exists(phaseKey, :b), gsi3pk = if_not_exists(phaseKey, :b)",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":b": BOOKED },
        },
        "gsi3pk",
        from,
      ),
    },
    tally: moves ? phaseTally(from, BOOKED) : {},
  };
}

/**
 * A client's first booked session moves them to the console's "booked" list (decision 0033),
 * unless a booking or an engagement already moved them on: `phaseKey` is set once and then only
 * by engagement changes, and the list entry follows it. Each write is conditioned on the list the
 * client is in (`gsi3pk`) and counts the move (decision 0035). The guess: a client whose pair
 * already had a session is booked or further (nothing moves, the write only checks it); else a
 * matched client books their first session. A wrong guess costs the transaction once more. A
 * chunk loaded on first use: only a booking that creates a session needs it. The caller passes
 * `keys` (keys.ts), as for profile-items.ts.
 */
export function bookedClients(
  table: string,
  sessions: readonly Session[],
  k: typeof Keys,
  created?: string,
  pairs: readonly PairRecord[] = [],
) {
  const fresh = sessions.filter((s) => s.version === 1 && s.status === "scheduled");
  const ids = [...new Set(fresh.map((s) => s.clientId))].filter((id) => id !== created);
  const assumed: Assumed = ids.map((clientId) => {
    const news = new Set(fresh.filter((s) => s.clientId === clientId).map((s) => s.id));
    const before = pairs.some(
      (p) => p.clientId === clientId && p.entries.some((e) => !news.has(e.id) && e.status !== "cancelled"),
    );
    return before ? BOOKED : "CLIENTS#matched";
  });
  /** The writes for what each client's list is (`assumed`, in `ids` order), from index `at` on. */
  const build = (phases: Assumed, at: number): Pick<CountedPlan, "items" | "watched" | "tally"> => {
    const moves = ids.map((clientId, i) => toBookedList(table, k, clientId, phases[i]));
    const items = moves.map((m) => m.item);
    const tally = addTallies(...moves.map((m) => m.tally));
    return { items, watched: ids.map((_, i) => ({ at: at + i, attribute: "gsi3pk" })), tally };
  };
  return { assumed, build };
}

/**
 * Sends a booking's transaction (`items`, as booking-store.ts builds them) with its new sessions'
 * clients moved to the "booked" list and a profile it creates counted there (profile-items.ts
 * writes it booked), all counted (decision 0035).
 */
export async function commitBooked(
  db: DynamoDBDocumentClient,
  table: string,
  change: BookingChange,
  // biome-ignore lint/suspicious/noExplicitAny: the transaction's items as booking-store.ts builds them
  items: any[],
  k: typeof Keys,
): Promise<void> {
  const moves = bookedClients(table, change.sessions, k, change.profile?.id, change.pairs);
  await sendCounted(db, table, moves.assumed, (assumed) => {
    const m = moves.build(assumed, items.length);
    return {
      items: [...items, ...m.items],
      watched: m.watched,
      tally: addTallies(m.tally, change.profile ? { booked: 1 } : {}),
    };
  });
}
