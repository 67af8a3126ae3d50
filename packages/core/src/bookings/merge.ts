import type { MergeWrites, SessionWithItems } from "../ports";
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
 * the smallest id, so every delivery of the chain picks the same one. (ISO times sort as text;
 * "~" sorts after them.)
 */
const rank = (s: SessionWithItems) =>
  `${s.session.finish?.finishedAt ?? "~"} ${s.items.length ? 0 : 1} ${s.session.id}`;

/** Keeps one session of `sessions` (at least one) and carries the others' work over to it. */
export function planMerge(sessions: readonly SessionWithItems[]): MergePlan {
  const [keep, ...merged] = [...sessions].sort((a, b) => (rank(a) < rank(b) ? -1 : 1)) as [
    SessionWithItems,
    ...SessionWithItems[],
  ];
  const session = merged.reduce((s, m) => withFinish(s, m.session.finish), keep.session);
  return { keep, merged, session, writes: mergeWrites(keep, merged) };
}

/**
 * Folds another session's finish into the kept one. Takeaways and action items are joined (kept
 * first, no duplicates); `finishedAt`, `next` and `workTogether` stay the kept session's, which
 * finished first. A kept session that was not finished takes the other's finish whole.
 */
export function withFinish(session: Session, other: SessionFinish | undefined): Session {
  const own = session.finish;
  if (!other) return session;
  return {
    ...session,
    status: "finished",
    finish: own
      ? {
          ...own,
          takeaways: unique(own.takeaways, other.takeaways),
          actionItemIds: unique(own.actionItemIds, other.actionItemIds),
        }
      : other,
  };
}

/**
 * The writes that carry every non-SESSION item of the merged sessions' partitions to the kept one.
 * An item whose sk the kept partition does not have moves as it is; one whose sk it has is
 * combined with it (`combineItems`). An item written by another coach than the kept session's is
 * parked under `<sk>#FROM#<session>` instead: private work never reaches another coach. Every
 * item written gets a `version` above those of the items it was made of.
 */
export function mergeWrites(keep: SessionWithItems, merged: readonly SessionWithItems[]): MergeWrites {
  const sessionId = keep.session.id;
  const items = new Map(keep.items.map((i) => [i.sk, i.data]));
  const versions = new Map(keep.items.map((i) => [i.sk, versionOf(i.data)]));
  const puts = new Set<string>();
  const writes: MergeWrites = { puts: [], deletes: [], actionItems: [] };
  for (const { session, items: theirs } of merged) {
    for (const { sk, data } of theirs) {
      writes.deletes.push({ sessionId: session.id, sk });
      const to = data.coachId && data.coachId !== keep.session.coachId ? parkedSk(sk, session.id) : sk;
      const moved = "sessionId" in data ? { ...data, sessionId } : data;
      const there = items.get(to);
      items.set(to, there ? combineItems(there, moved) : moved);
      versions.set(to, Math.max(versions.get(to) ?? 0, versionOf(data)));
      puts.add(to);
    }
    for (const id of session.finish?.actionItemIds ?? []) writes.actionItems.push({ id, sessionId });
  }
  // A written item's version moves past every version it was made of: a coach's save read before
  // the merge (notes, talking points) then fails and reads again instead of writing over it.
  for (const sk of puts)
    writes.puts.push({
      sessionId,
      item: { sk, data: { ...items.get(sk)!, version: versions.get(sk)! + 1 } },
    });
  return writes;
}

const versionOf = (data: Record<string, unknown>) => (typeof data.version === "number" ? data.version : 0);

/**
 * Two items of the same kind, the kept session's first. Lists are joined (entries with an `id`
 * once per id, others once per value); differing texts are joined with MERGE_SEPARATOR, except
 * timestamps (`…At`), where the later wins, and `sessionId`, `coachId` and `type`; anything else
 * keeps the kept item's value.
 */
export function combineItems(
  kept: Record<string, unknown>,
  other: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...other, ...kept };
  for (const [key, value] of Object.entries(other)) {
    const mine = kept[key];
    if (Array.isArray(mine) && Array.isArray(value)) {
      const seen = new Set<string>();
      out[key] = [...mine, ...value].filter((x) => {
        const id = x?.id === undefined ? JSON.stringify(x) : `id:${x.id}`;
        return !seen.has(id) && !!seen.add(id);
      });
    } else if (typeof mine === "string" && typeof value === "string" && mine !== value) {
      if (key.endsWith("At")) out[key] = mine > value ? mine : value;
      else if (!["sessionId", "coachId", "type"].includes(key)) out[key] = mine + MERGE_SEPARATOR + value;
    }
  }
  return out;
}

const unique = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];
