import type { MergeWrites, SessionPartItem, SessionWithItems } from "../ports";
import type { Session, SessionFinish } from "../sessions/model";

/*
 * The merge rules: when a reschedule chain that briefly had two (or more) sessions is joined, one
 * session is kept and nothing the coach wrote on the others is lost. Pure: the caller reads the
 * sessions with their partitions and writes the result in the booking transaction. Decision 0009
 * and docs/data-model.md state the same rules.
 */

/** Between two texts joined by a merge (notes of both sessions, in kept-first order). */
export const MERGE_SEPARATOR = "\n\n---\n\n";

/** The sk prefix of an item parked because another coach wrote it (their work stays theirs). */
export const parkedSk = (sk: string, fromSessionId: string) => `${sk}#FROM#${fromSessionId}`;

export interface MergePlan {
  keep: SessionWithItems;
  merged: SessionWithItems[];
  /** The kept session with the finish records of the others folded in. */
  session: Session;
  writes: MergeWrites;
}

/**
 * Which session of a chain is kept: a finished one first (the earliest finish), then one that
 * carries coach work in its partition (notes, talking points, …), then the oldest. Ties go to
 * the smallest id, so every delivery of the chain picks the same one.
 */
export function rankForKeeping(a: SessionWithItems, b: SessionWithItems): number {
  const fa = a.session.finish?.finishedAt;
  const fb = b.session.finish?.finishedAt;
  if (fa !== fb) {
    if (fa === undefined) return 1;
    if (fb === undefined) return -1;
    return fa < fb ? -1 : 1;
  }
  const wa = a.items.length > 0;
  const wb = b.items.length > 0;
  if (wa !== wb) return wa ? -1 : 1;
  return a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0;
}

/** Keeps one session of `sessions` (at least one) and carries the others' work over to it. */
export function planMerge(sessions: readonly SessionWithItems[]): MergePlan {
  const [keep, ...merged] = [...sessions].sort(rankForKeeping);
  if (!keep) throw new Error("planMerge needs at least one session");
  const session = merged.reduce((s, m) => withFinish(s, m.session.finish), keep.session);
  return { keep, merged, session, writes: mergeWrites(keep, merged) };
}

/**
 * Folds another session's finish into the kept one. Takeaways and action items are joined (kept
 * first, no duplicates); `finishedAt`, `next` and `workTogether` stay the kept session's, which
 * finished first. A kept session that was not finished takes the other's finish whole.
 */
export function withFinish(session: Session, other: SessionFinish | undefined): Session {
  if (!other) return session;
  if (!session.finish) return { ...session, status: "finished", finish: other };
  return {
    ...session,
    finish: {
      ...session.finish,
      takeaways: unique([...session.finish.takeaways, ...other.takeaways]),
      actionItemIds: unique([...session.finish.actionItemIds, ...other.actionItemIds]),
    },
  };
}

/**
 * The writes that carry every non-SESSION item of the merged sessions' partitions to the kept one.
 * An item whose sk the kept partition does not have moves as it is; one whose sk it has is
 * combined with it (`combineItems`). An item written by another coach than the kept session's is
 * parked under `<sk>#FROM#<session>` instead: private work never reaches another coach.
 */
export function mergeWrites(keep: SessionWithItems, merged: readonly SessionWithItems[]): MergeWrites {
  const keptId = keep.session.id;
  const result = new Map(keep.items.map((i) => [i.sk, i]));
  const changed = new Set<string>();
  const deletes: MergeWrites["deletes"] = [];
  for (const m of merged) {
    for (const item of m.items) {
      deletes.push({ sessionId: m.session.id, sk: item.sk });
      const author = item.data.coachId;
      const sk =
        typeof author === "string" && author !== keep.session.coachId
          ? parkedSk(item.sk, m.session.id)
          : item.sk;
      const moved = { ...item.data, ...("sessionId" in item.data ? { sessionId: keptId } : {}) };
      const there = result.get(sk);
      result.set(sk, { sk, data: there ? combineItems(there.data, moved) : moved });
      changed.add(sk);
    }
  }
  return {
    puts: [...changed].map((sk) => ({ sessionId: keptId, item: result.get(sk) as SessionPartItem })),
    deletes,
    actionItems: merged.flatMap((m) =>
      (m.session.finish?.actionItemIds ?? []).map((id) => ({ id, sessionId: keptId })),
    ),
  };
}

/**
 * Two items of the same kind, the kept session's first. Lists are joined (entries with an `id`
 * once per id, others once per value); differing texts are joined with MERGE_SEPARATOR, except
 * timestamps (`…At`), where the later wins; anything else keeps the kept item's value.
 */
export function combineItems(
  kept: Record<string, unknown>,
  other: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...other, ...kept };
  for (const [key, value] of Object.entries(other)) {
    const mine = kept[key];
    if (Array.isArray(mine) && Array.isArray(value)) out[key] = joinLists(mine, value);
    else if (typeof mine === "string" && typeof value === "string" && mine !== value) {
      if (key.endsWith("At")) out[key] = mine > value ? mine : value;
      else if (key !== "sessionId" && key !== "coachId" && key !== "type")
        out[key] = `${mine}${MERGE_SEPARATOR}${value}`;
    }
  }
  return out;
}

function joinLists(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const identity = (x: unknown) =>
    x !== null && typeof x === "object" && "id" in x
      ? `id:${String((x as { id: unknown }).id)}`
      : JSON.stringify(x);
  const seen = new Set(a.map(identity));
  return [...a, ...b.filter((x) => !seen.has(identity(x)) && seen.add(identity(x)))];
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
