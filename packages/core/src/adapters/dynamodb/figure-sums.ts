/**
 * The counted figures as the console reads them (decision 0035): the client phases (as in
 * `CLIENTS#<phase>`), suppressed addresses, and failed webhook deliveries of the delivery log's
 * retention (stored per day of receipt, `failed#<YYYY-MM-DD>`). Apart from figures.ts, which every
 * writer loads: only the console and the recount read them.
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
