import type { Clock } from "../clock";
import { normalizeAddress } from "../web-auth/address";
import { enforceRateLimits, type RateCounter, type RateRule } from "./rate-limit";

const HOUR = 3_600_000;

/** Per address, whatever sends to it: at most 3 emails an hour and 10 a day (issue 11). */
export const ADDRESS_RULES = {
  hour: { scope: "email-address-hour", limit: 3, windowMs: HOUR },
  day: { scope: "email-address-day", limit: 10, windowMs: 24 * HOUR },
} as const satisfies Record<string, RateRule>;

/** Per client IP: `RATE_LIMIT_IP_PER_HOUR` requests an hour (60 by default: staff may share one IP). */
export const ipRule = (perHour: number): RateRule => ({
  scope: "email-ip-hour",
  limit: perHour,
  windowMs: HOUR,
});

/**
 * The one gate for every email an unauthenticated request can cause (decision 0032): the intake's
 * recommendations, waitlist notes and confirmations (`submitIntake`, before it stores anything)
 * and sign-in links (`requestSignInLink`, the coach workspace's and any other sign-in built on it).
 * A new email that a request without a signed-in person can cause must call `admit` with the
 * address it will write to and the client IP (web/client-ip.ts) before it stores or sends anything.
 */
export interface EmailLimiter {
  /** Counts the request against the address and the IP; throws RateLimitedError over a limit. */
  admit(request: { address: string; ip: string }): Promise<void>;
}

/** The limiter over `counter`, in windows of the wall clock (never the program's movable clock). */
export function emailLimiter(counter: RateCounter, wallClock: Clock, ipPerHour: number): EmailLimiter {
  const ip = ipRule(ipPerHour);
  return {
    admit: (request) => {
      const address = normalizeAddress(request.address);
      return enforceRateLimits(counter, wallClock.now().getTime(), [
        { rule: ADDRESS_RULES.hour, value: address },
        { rule: ADDRESS_RULES.day, value: address },
        { rule: ip, value: request.ip },
      ]);
    },
  };
}
