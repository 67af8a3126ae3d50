import { RateLimitedError } from "../errors";
import { hashSecret } from "../web-auth/secrets";

/** A limit: at most `limit` requests per fixed window of `windowMs` of the wall clock. */
export interface RateRule {
  /** What is counted, for the counter's key ("email-address-hour", …). */
  scope: string;
  limit: number;
  windowMs: number;
}

/** One counter to take a request from: its key, its current window and its limit. */
export interface RateCount {
  key: string;
  windowStartMs: number;
  windowMs: number;
  limit: number;
}

/** Counters of requests per key and fixed window, kept in the table under a TTL (adapters/dynamodb/rate-counter.ts). */
export interface RateCounter {
  /**
   * Adds one to every counter, all or none: none when any of them is at its limit already.
   * Answers the indexes of the counters at their limit (empty: counted).
   */
  take(counts: readonly RateCount[]): Promise<number[]>;
}

/**
 * Counts one request against each (rule, value) pair in fixed windows of the wall clock, all or
 * none, and throws {@link RateLimitedError} when any is at its limit (nothing is counted then);
 * `retryAfterSeconds` is when the last of the full windows ends. Values are hashed: the table
 * holds no address or IP in the clear.
 */
export async function enforceRateLimits(
  counter: RateCounter,
  nowMs: number,
  checks: readonly { rule: RateRule; value: string }[],
): Promise<void> {
  const counts = checks.map(({ rule, value }) => ({
    key: `${rule.scope}#${hashSecret(value)}`,
    windowStartMs: Math.floor(nowMs / rule.windowMs) * rule.windowMs,
    windowMs: rule.windowMs,
    limit: rule.limit,
  }));
  const over = await counter.take(counts);
  if (over.length === 0) return;
  const endsMs = Math.max(...over.map((i) => counts[i]!.windowStartMs + counts[i]!.windowMs));
  throw new RateLimitedError(Math.max(1, Math.ceil((endsMs - nowMs) / 1000)));
}
