/**
 * When to try an AWS call again: the SDK's standard retry mode (`@smithy/core/retry`), without its
 * retry quota. Three attempts in all; before each retry a wait drawn uniformly from
 * [0, min(cap, base·2^n)) ("full jitter"), with a larger base after throttling.
 */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  throttlingBaseDelayMs: number;
  maxDelayMs: number;
}

export const STANDARD_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
};

/** The wait before retry number `retry` (0 for the first retry). `random` returns [0, 1). */
export function backoffDelay(
  policy: RetryPolicy,
  retry: number,
  throttled: boolean,
  random: () => number = Math.random,
): number {
  const base = throttled ? policy.throttlingBaseDelayMs : policy.baseDelayMs;
  return Math.floor(random() * Math.min(policy.maxDelayMs, base * 2 ** retry));
}
