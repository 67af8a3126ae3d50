import type { Coach } from "../coaches/schema";

/**
 * Picking 1–3 coaches that are good and not copies of each other: maximal marginal relevance. The
 * first pick is the best score; each next pick maximizes
 *   RELEVANCE_WEIGHT × score − (1 − RELEVANCE_WEIGHT) × (highest specialty overlap with a pick)
 * where overlap is the Jaccard index of specialty sets (1 = same specialties, 0 = none shared).
 * A coach below FLOOR × the first pick's score is not worth recommending and is never picked.
 * Ties go to the smaller coach id, so the result does not depend on input order.
 */
export const RELEVANCE_WEIGHT = 0.7;
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

/** True when candidate a beats b on value, then on coach id. */
const beats = (value: number, id: string, bestValue: number, bestId: string) =>
  value > bestValue || (value === bestValue && id < bestId);

/** Positions in the pool of the picks, in pick order. */
export function pickDiverse(pool: Pool, limit: number): number[] {
  const picks: number[] = [];
  const pickedSets: Set<string>[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  while (picks.length < limit) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    let bestId = "";
    for (let p = 0; p < pool.size; p++) {
      const score = pool.score[p] ?? 0;
      if (!pool.allowed[p] || score < floor || picks.includes(p)) continue;
      const coach = pool.coaches[pool.index[p] ?? 0]!;
      if (picks.length === 0) {
        if (beats(score, coach.id, bestValue, bestId)) [best, bestValue, bestId] = [p, score, coach.id];
        continue;
      }
      // The penalty only lowers a value: a coach whose unpenalized value already loses is skipped.
      const ceiling = RELEVANCE_WEIGHT * score;
      if (ceiling < bestValue) continue;
      let similarity = 0;
      for (const set of pickedSets) similarity = Math.max(similarity, overlap(set, coach.specialties));
      const value = ceiling - (1 - RELEVANCE_WEIGHT) * similarity;
      if (beats(value, coach.id, bestValue, bestId)) [best, bestValue, bestId] = [p, value, coach.id];
    }
    if (best < 0) break;
    if (picks.length === 0) floor = FLOOR * (pool.score[best] ?? 0);
    picks.push(best);
    pickedSets.push(new Set(pool.coaches[pool.index[best] ?? 0]!.specialties));
  }
  return picks;
}
