import { describe, expect, it } from "vitest";
import { fixedClock } from "../../../packages/core/src/clock";
import { RateLimitedError, tryAgainIn } from "../../../packages/core/src/errors";
import { enforceRateLimits, type RateCounter } from "../../../packages/core/src/limits/rate-limit";
import { ADDRESS_RULES, emailLimiter } from "../../../packages/core/src/limits/unauthenticated-email";

/** Counters in memory with the table's rule: all or none, none when any is at its limit. */
function memoryCounter() {
  const counts = new Map<string, number>();
  const counter: RateCounter = {
    take: async (wanted) => {
      const k = (c: (typeof wanted)[number]) => `${c.key}@${c.windowStartMs}`;
      const full = wanted.flatMap((c, i) => ((counts.get(k(c)) ?? 0) >= c.limit ? [i] : []));
      if (full.length === 0) for (const c of wanted) counts.set(k(c), (counts.get(k(c)) ?? 0) + 1);
      return full;
    },
  };
  return { counter, counts };
}

describe("rate limits", () => {
  it("count per value in fixed windows and say how long until the window ends", async () => {
    const { counter, counts } = memoryCounter();
    const rule = { scope: "test", limit: 3, windowMs: 3_600_000 };
    const start = Date.parse("2031-01-01T00:00:00Z");
    for (let i = 0; i < rule.limit; i++)
      await enforceRateLimits(counter, start + 1000, [{ rule, value: "a@x" }]);
    const error = await enforceRateLimits(counter, start + 60_000, [{ rule, value: "a@x" }]).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterSeconds).toBe(3600 - 60);
    await enforceRateLimits(counter, start + 60_000, [{ rule, value: "b@x" }]);
    await enforceRateLimits(counter, start + rule.windowMs, [{ rule, value: "a@x" }]);
    // No address in the clear in the counter keys.
    expect([...counts.keys()].some((k) => k.includes("a@x"))).toBe(false);
  });

  it("count a refused request nowhere, and wait for the last full window", async () => {
    const { counter, counts } = memoryCounter();
    const short = { scope: "short", limit: 1, windowMs: 60_000 };
    const long = { scope: "long", limit: 5, windowMs: 3_600_000 };
    const now = Date.parse("2031-01-01T00:00:30Z");
    await enforceRateLimits(counter, now, [
      { rule: short, value: "x" },
      { rule: long, value: "x" },
    ]);
    const error = await enforceRateLimits(counter, now, [
      { rule: short, value: "x" },
      { rule: long, value: "x" },
    ]).catch((e) => e);
    expect(error.retryAfterSeconds).toBe(30);
    expect([...counts.values()]).toEqual([1, 1]);
  });
});

describe("the limits on unauthenticated emails", () => {
  it("allow an address 3 an hour and 10 a day, whatever its case, and an IP its hourly number", async () => {
    const { counter } = memoryCounter();
    const clock = fixedClock("2031-01-01T05:00:00Z");
    const limits = emailLimiter(counter, clock, 4);
    for (let i = 0; i < ADDRESS_RULES.hour.limit; i++)
      await limits.admit({ address: i % 2 ? "Sam@Example.com" : " sam@example.com", ip: `10.0.0.${i}` });
    const overAddress = await limits.admit({ address: "sam@example.com", ip: "10.0.0.9" }).catch((e) => e);
    expect(overAddress.retryAfterSeconds).toBe(3600);

    for (let i = 0; i < 4; i++) await limits.admit({ address: `p${i}@example.com`, ip: "192.0.2.1" });
    const overIp = await limits.admit({ address: "new@example.com", ip: "192.0.2.1" }).catch((e) => e);
    expect(overIp).toBeInstanceOf(RateLimitedError);

    for (let h = 6; h <= 8; h++) {
      clock.set(`2031-01-01T0${h}:00:00Z`);
      const n = h === 8 ? 1 : 3;
      for (let i = 0; i < n; i++) await limits.admit({ address: "sam@example.com", ip: `10.1.${h}.${i}` });
    }
    // 10 today: the next waits for midnight UTC.
    const overDay = await limits.admit({ address: "sam@example.com", ip: "10.2.0.0" }).catch((e) => e);
    expect(overDay.retryAfterSeconds).toBe(16 * 3600);
  });

  it("say when in words", () => {
    expect(tryAgainIn(1)).toBe("in 1 minute");
    expect(tryAgainIn(55 * 60)).toBe("in 55 minutes");
    expect(tryAgainIn(90 * 60)).toBe("in 90 minutes");
    expect(tryAgainIn(20 * 3600 - 60)).toBe("in about 20 hours");
  });
});
