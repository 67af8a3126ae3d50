import { describe, expect, it } from "vitest";
import { JsonLogger } from "../../packages/functions/src/logger";
import { withFreshSecrets } from "../../packages/functions/src/secrets-refresh";

const ARN = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:coachflow/prod-AbCdEf";
const MAX_AGE = 300_000;

/**
 * A Secrets Manager that answers what the test put in it (or fails), a clock the test moves, and a
 * build that records what it was given.
 */
function rig(env: Record<string, string | undefined> = { SECRETS_ARN: ARN }) {
  const state = { secret: { JWT_SECRET: "jwt-one" } as Record<string, string>, fail: false, reads: 0 };
  let nowMs = 1_000_000;
  const lines: string[] = [];
  const logger = new JsonLogger("debug", {}, (line) => lines.push(line));
  const builds: Record<string, string | undefined>[] = [];
  const current = withFreshSecrets(
    env,
    (merged) => {
      if (merged.JWT_SECRET === "does-not-build") throw new Error("invalid configuration: JWT_SECRET");
      builds.push(merged);
      return { value: `app ${builds.length}`, config: { secretsMaxAgeMs: MAX_AGE }, logger };
    },
    {
      fetch: async () => {
        state.reads++;
        if (state.fail)
          throw Object.assign(new Error("no route to secretsmanager"), { name: "TimeoutError" });
        return JSON.stringify(state.secret);
      },
      now: () => nowMs,
    },
  );
  return {
    state,
    builds,
    lines,
    current,
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

describe("secrets re-read after their max age", () => {
  it("are read and built once at a cold start, then reused within the max age", async () => {
    const r = rig();

    expect(await r.current()).toBe("app 1");
    r.advance(MAX_AGE - 1);
    expect(await r.current()).toBe("app 1");

    expect(r.state.reads).toBe(1);
    expect(r.builds).toHaveLength(1);
  });

  it("are read again after the max age; unchanged values keep the app as it is", async () => {
    const r = rig();
    await r.current();

    r.advance(MAX_AGE);
    expect(await r.current()).toBe("app 1");

    expect(r.state.reads).toBe(2);
    expect(r.builds).toHaveLength(1);
  });

  it("rebuild the app from a changed secret, its _PREVIOUS values included, for the call that read it", async () => {
    const r = rig();
    await r.current();
    r.state.secret = { JWT_SECRET: "jwt-two", JWT_SECRET_PREVIOUS: "jwt-one" };

    r.advance(MAX_AGE);

    expect(await r.current()).toBe("app 2");
    expect(r.builds[1]).toMatchObject({ JWT_SECRET: "jwt-two", JWT_SECRET_PREVIOUS: "jwt-one" });
  });

  it("keep the last good app when the re-read fails, log it without values, and try again one max age later", async () => {
    const r = rig();
    await r.current();
    r.state.fail = true;

    r.advance(MAX_AGE);
    expect(await r.current()).toBe("app 1");
    expect(await r.current()).toBe("app 1");
    expect(r.state.reads).toBe(2);
    const warned = r.lines.map((l) => JSON.parse(l));
    expect(warned).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: expect.stringContaining("re-read failed"),
        errorName: "TimeoutError",
      }),
    ]);
    expect(r.lines.join("\n")).not.toContain("jwt-one");

    r.state.fail = false;
    r.state.secret = { JWT_SECRET: "jwt-two" };
    r.advance(MAX_AGE);
    expect(await r.current()).toBe("app 2");
  });

  it("keep the last good app when the new values do not build", async () => {
    const r = rig();
    await r.current();
    r.state.secret = { JWT_SECRET: "does-not-build" };

    r.advance(MAX_AGE);

    expect(await r.current()).toBe("app 1");
    expect(r.lines.map((l) => JSON.parse(l).errorName)).toEqual(["Error"]);
  });

  it("forget a failed cold start, so the next call tries again", async () => {
    const r = rig();
    r.state.fail = true;
    await expect(r.current()).rejects.toThrow("no route to secretsmanager");

    r.state.fail = false;
    expect(await r.current()).toBe("app 1");
  });

  it("are read once for calls that arrive together", async () => {
    const r = rig();
    await Promise.all([r.current(), r.current(), r.current()]);
    r.advance(MAX_AGE);

    expect(await Promise.all([r.current(), r.current()])).toEqual(["app 1", "app 1"]);
    expect(r.state.reads).toBe(2);
  });

  it("are never read without SECRETS_ARN (locally, in tests)", async () => {
    const r = rig({ JWT_SECRET: "from-the-environment" });
    await r.current();
    r.advance(10 * MAX_AGE);
    await r.current();

    expect(r.state.reads).toBe(0);
    expect(r.builds).toEqual([{ JWT_SECRET: "from-the-environment" }]);
  });
});
