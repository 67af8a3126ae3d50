/**
 * A notion of "now". There are two (decision 0018): the program's clock, which decides what is
 * due, past or expired in the program and which the local stack swaps for one people can move;
 * and the wall clock (`systemClock`), which security checks read: token and signature ages.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put; for tests of pure logic. */
export function fixedClock(at: Date | string): Clock & { set(to: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(to) {
      current = new Date(to);
    },
  };
}
