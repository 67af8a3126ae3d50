import { validationFailed } from "@coachflow/core/errors";

const UNIT_MS = { W: 604_800_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1_000 } as const;

// P[nW] or P[nD][T[nH][nM][n(.n)S]]; years and months are refused: their length depends on the date.
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * Milliseconds in an ISO-8601 duration such as `PT24H`, `P1DT2H30M`, `P2W` or `PT0.5S`.
 * Throws a `validation_failed` AppError (field `advanceBy`) for anything else, including
 * negative durations and years/months (`P1Y`, `P1M`), whose length is not fixed.
 */
export function parseIsoDuration(text: string): number {
  const fail = (why: string) =>
    validationFailed(`advanceBy "${text}" is not a usable ISO-8601 duration: ${why}`, [
      { path: "advanceBy", message: why },
    ]);
  const trimmed = text.trim().toUpperCase();
  const datePart = trimmed.split("T")[0] ?? "";
  if (trimmed.startsWith("P") && /[YM]/.test(datePart)) {
    throw fail("years and months have no fixed length; use weeks, days, hours, minutes, seconds");
  }
  const match = DURATION.exec(trimmed);
  if (!match || trimmed === "P" || trimmed.endsWith("T")) {
    throw fail("expected e.g. PT24H, P1DT2H30M, P2W or PT90S");
  }
  const [, weeks, days, hours, minutes, seconds] = match;
  if ([weeks, days, hours, minutes, seconds].every((part) => part === undefined)) {
    throw fail("it names no amount");
  }
  const amount = (part: string | undefined) => (part === undefined ? 0 : Number(part.replace(",", ".")));
  return Math.round(
    amount(weeks) * UNIT_MS.W +
      amount(days) * UNIT_MS.D +
      amount(hours) * UNIT_MS.H +
      amount(minutes) * UNIT_MS.M +
      amount(seconds) * UNIT_MS.S,
  );
}
