import type { Coach } from "../coaches/schema";
import type { Program } from "../program/program";
import { MatchContext, type MatchRequest } from "./context";
import { type Pool, pickDiverse } from "./diversity";
import { reasonsFor } from "./reasons";
import { applicableWeight, type Fit, fitOf, textApplies } from "./scoring";

/**
 * The coach-matching engine: pure, deterministic, no I/O.
 *
 * 1. Hard filters, counted in this order (a coach is counted once, under the first it fails):
 *    inactive, at capacity (activeClients >= capacity), no language shared with the client.
 * 2. Every remaining coach is scored 0–100 on topics, challenge/goals text, time zone, style,
 *    seniority and load, weighted by the program's `matchingWeights` (see scoring.ts).
 * 3. 1–3 picks, diverse by specialty (see diversity.ts). When some coach covers a topic the client
 *    asked for or wrote about, only such coaches are picked. When none does, the single best coach
 *    by the other criteria is returned so that the client still gets someone (an admin can override).
 *
 * Recommendations are in pick order: the best first, then the best of the rest that adds something.
 * A later pick may therefore have a slightly higher score than an earlier one.
 */
export type { MatchRequest } from "./context";
export { TOPICS } from "./topics";

export interface Recommendation {
  coachId: string;
  /** 0–100, one decimal. */
  score: number;
  reasons: string[];
}

export interface MatchResult {
  recommendations: Recommendation[];
  excluded: { inactive: number; atCapacity: number; noSharedLanguage: number };
  /** How many coaches passed the hard filters. */
  candidates: number;
}

export const MAX_RECOMMENDATIONS = 3;

function sharesLanguage(coach: Coach, languages: ReadonlySet<string>): boolean {
  for (const language of coach.languages) if (languages.has(language)) return true;
  return false;
}

export function matchClient(
  request: MatchRequest,
  coaches: readonly Coach[],
  opts: { now: Date; limit?: number; program?: Program },
): MatchResult {
  const limit = Math.min(MAX_RECOMMENDATIONS, Math.max(1, Math.floor(opts.limit ?? MAX_RECOMMENDATIONS)));
  const ctx = new MatchContext(request, opts.now, opts.program);
  const excluded = { inactive: 0, atCapacity: 0, noSharedLanguage: 0 };

  const n = coaches.length;
  const index = new Int32Array(n);
  const points = new Float64Array(n);
  const textPoints = new Float64Array(n);
  const relevant = new Uint8Array(n);
  const fit: Fit = { points: 0, textPoints: 0, relevant: false };
  let size = 0;
  let anyRelevant = false;
  for (let i = 0; i < n; i++) {
    const coach = coaches[i]!;
    if (!coach.active) excluded.inactive++;
    else if (!(coach.activeClients < coach.capacity)) excluded.atCapacity++;
    else if (!sharesLanguage(coach, ctx.languages)) excluded.noSharedLanguage++;
    else {
      fitOf(coach, ctx, fit);
      index[size] = i;
      points[size] = fit.points;
      textPoints[size] = fit.textPoints;
      relevant[size] = fit.relevant ? 1 : 0;
      anyRelevant ||= fit.relevant;
      size++;
    }
  }

  // Whether the text counts is only known once every coach's specialties were checked against it.
  const withText = textApplies(ctx);
  const total = applicableWeight(ctx, withText);
  const score = new Float64Array(size);
  for (let p = 0; p < size; p++) {
    score[p] = ((points[p] ?? 0) + (withText ? (textPoints[p] ?? 0) : 0)) / total;
  }
  const pool: Pool = {
    coaches,
    index,
    score,
    allowed: anyRelevant ? relevant : new Uint8Array(size).fill(1),
    size,
  };
  const picks = pickDiverse(pool, anyRelevant ? limit : 1, ctx.weights.diversity);

  const recommendations = picks.map((p): Recommendation => {
    const coach = coaches[index[p] ?? 0]!;
    return {
      coachId: coach.id,
      score: Math.round((score[p] ?? 0) * 1000) / 10,
      reasons: reasonsFor(coach, ctx),
    };
  });
  return { recommendations, excluded, candidates: size };
}
