import type { Clock } from "@coachflow/core/clock";
import { validationFailed } from "@coachflow/core/errors";

/**
 * The local stack's "now": real time plus an offset that only ever grows. Everything local (the
 * API, the dispatcher, the scheduler) reads this one clock, so moving it makes the whole
 * application live in the future, and the scheduler fires what has become due.
 */
export class LocalClock implements Clock {
  #offsetMs: number;

  constructor(opts: { offsetMs?: number; startAt?: Date | string } = {}) {
    this.#offsetMs =
      opts.startAt === undefined ? (opts.offsetMs ?? 0) : new Date(opts.startAt).getTime() - Date.now();
    if (!Number.isFinite(this.#offsetMs)) throw new Error("LocalClock: startAt/offsetMs is not a valid time");
  }

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  /** How far this clock runs ahead of real time. */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Moves the clock forward by `ms` (≥ 0); a negative or non-finite amount is a validation error. */
  advanceBy(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) {
      throw validationFailed(`the clock only moves forward: cannot advance by ${ms} ms`, [
        { path: "advanceBy", message: "must be a duration ≥ 0" },
      ]);
    }
    this.#offsetMs += ms;
    return this.now();
  }

  /** Moves the clock to `to`, which must not be earlier than now. */
  setTo(to: Date | string): Date {
    const target = new Date(to).getTime();
    if (Number.isNaN(target)) {
      throw validationFailed(`"${String(to)}" is not a time`, [
        { path: "to", message: "must be an ISO time" },
      ]);
    }
    const now = this.now().getTime();
    if (target < now) {
      throw validationFailed(
        `the clock only moves forward: ${new Date(target).toISOString()} is before now (${new Date(now).toISOString()})`,
        [{ path: "to", message: "must not be earlier than the current local time" }],
      );
    }
    this.#offsetMs += target - now;
    return this.now();
  }
}
