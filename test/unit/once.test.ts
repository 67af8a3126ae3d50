import { describe, expect, it } from "vitest";
import { once, onceUnlessFailed } from "../../packages/core/src/shared/once";

describe("once", () => {
  it("builds on the first call only and returns the same value after", () => {
    let builds = 0;
    const get = once(() => ({ n: ++builds }));
    expect(builds).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(builds).toBe(1);
  });
});

describe("onceUnlessFailed", () => {
  it("shares the first call's promise with every later call, also while it runs", async () => {
    let starts = 0;
    const get = onceUnlessFailed(async () => ++starts);
    const [a, b] = await Promise.all([get(), get()]);
    expect([a, b, await get()]).toEqual([1, 1, 1]);
    expect(starts).toBe(1);
  });

  it("forgets a failed start, so the next call starts again", async () => {
    let starts = 0;
    const get = onceUnlessFailed(async () => {
      starts += 1;
      if (starts === 1) throw new Error("secret not set yet");
      return "ready";
    });
    await expect(get()).rejects.toThrow("secret not set yet");
    expect(await get()).toBe("ready");
    expect(await get()).toBe("ready");
    expect(starts).toBe(2);
  });
});
