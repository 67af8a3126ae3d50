/** One measured figure set of a benchmark, as the runner prints it. */
export interface BenchResult {
  /** What was measured, e.g. "matchClient, 10,000 coaches". */
  name: string;
  /** Measured values by name (times in ms), plus any context worth printing. */
  metrics: Record<string, number | string>;
  /** The goal in words, e.g. "p99 ≤ 5 ms". */
  target?: string;
  /** Whether the goal was met; absent when there is no goal. */
  pass?: boolean;
}

/** The value at quantile q (0–1) of already sorted samples, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Milliseconds rounded to microseconds, for printing. */
export const ms = (value: number) => Math.round(value * 1000) / 1000;
