import type { RateCounter } from "./ports";
import { hashSecret } from "./secrets";

export interface RateRule {
  /** What is counted, for the key: "address" or "ip". */
  scope: string;
  limit: number;
  windowMs: number;
}

/** Sign-in link requests: 5 per address and 30 per client IP in 15 minutes. */
export const SIGN_IN_RULES = {
  address: { scope: "signin-address", limit: 5, windowMs: 15 * 60_000 },
  ip: { scope: "signin-ip", limit: 30, windowMs: 15 * 60_000 },
} as const satisfies Record<string, RateRule>;

/** Thrown when a limit is reached: `retryAfterSeconds` is when the current window ends. */
export class RateLimitedError extends Error {
  override readonly name = "RateLimitedError";
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests; try again in ${retryAfterSeconds} seconds`);
  }
}

/**
 * Counts one request against each (rule, value) pair in fixed windows of the wall clock and
 * throws {@link RateLimitedError} when any is over its limit. Values are hashed: the table holds
 * no address or IP in the clear.
 */
export async function enforceRateLimits(
  counter: RateCounter,
  nowMs: number,
  checks: readonly { rule: RateRule; value: string }[],
): Promise<void> {
  const counts = await Promise.all(
    checks.map(async ({ rule, value }) => {
      const windowStart = Math.floor(nowMs / rule.windowMs) * rule.windowMs;
      const count = await counter.hit(`${rule.scope}#${hashSecret(value)}`, windowStart, rule.windowMs);
      return { over: count > rule.limit, retryAfterMs: windowStart + rule.windowMs - nowMs };
    }),
  );
  const over = counts.filter((c) => c.over);
  if (over.length > 0)
    throw new RateLimitedError(Math.max(1, Math.ceil(Math.max(...over.map((c) => c.retryAfterMs)) / 1000)));
}
