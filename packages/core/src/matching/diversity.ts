import type { Coach } from "../coaches/schema";

/**
 * Picking 1–3 coaches that are good and not copies of each other: maximal marginal relevance. The
 * first pick is the best score; each next pick maximizes
 *   (1 − diversity) × score − diversity × (highest specialty overlap with a pick)
 * where `diversity` is the program's `matchingWeights.diversity` (default 0.3).
 * where overlap is the Jaccard index of specialty sets (1 = same specialties, 0 = none shared).
 * A coach below FLOOR × the first pick's score is not worth recommending and is never picked.
 * Ties go to the smaller coach id, so the result does not depend on input order.
 */
export const FLOOR = 0.5;

/** The eligible coaches of one call, as parallel flat arrays. */
export interface Pool {
  coaches: readonly Coach[];
  /** Index into `coaches` of each eligible coach. */
  index: Int32Array;
  /** Score 0–1 of each eligible coach (same position as `index`). */
  score: Float64Array;
  /** Whether each eligible coach may be picked at all. */
  allowed: Uint8Array;
  size: number;
}

function overlap(picked: ReadonlySet<string>, specialties: readonly string[]): number {
  let shared = 0;
  for (const s of specialties) if (picked.has(s)) shared++;
  const union = picked.size + specialties.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** Positions in the pool of the picks, in pick order. */
export function pickDiverse(pool: Pool, limit: number, diversity: number): number[] {
  const relevance = 1 - diversity;
  const { coaches, index, score, allowed, size } = pool;
  const idAt = (p: number) => coaches[index[p] ?? 0]!.id;
  const picks: number[] = [];
  const pickedSets: Set<string>[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  while (picks.length < limit) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < size; p++) {
      const s = score[p] ?? 0;
      if (!allowed[p] || s < floor) continue;
      let value = s;
      if (picks.length > 0) {
        // The penalty only lowers a value: a coach whose unpenalized value already loses is skipped.
        value = relevance * s;
        if (value < bestValue || picks.includes(p)) continue;
        const specialties = coaches[index[p] ?? 0]!.specialties;
        let similarity = 0;
        for (const set of pickedSets) similarity = Math.max(similarity, overlap(set, specialties));
        value -= diversity * similarity;
      }
      // Coach objects are only touched on a tie, which keeps the scan over flat arrays.
      if (value > bestValue || (value === bestValue && idAt(p) < idAt(best))) {
        best = p;
        bestValue = value;
      }
    }
    if (best < 0) break;
    if (picks.length === 0) floor = FLOOR * (score[best] ?? 0);
    picks.push(best);
    pickedSets.push(new Set(coaches[index[best] ?? 0]!.specialties));
  }
  return picks;
}
