import { describe, expect, it } from "vitest";
import { fixedClock } from "../../../packages/core/src/clock";
import type { WebSession } from "../../../packages/core/src/web-auth/model";
import type { WebAuthStore } from "../../../packages/core/src/web-auth/ports";
import { hashSecret, looksLikeSecret, newSecret } from "../../../packages/core/src/web-auth/secrets";
import { isLive, resolveWebSession, startWebSession } from "../../../packages/core/src/web-auth/web-sessions";
import { safeNextPath } from "../../../packages/functions/src/web/next-path";

const HOUR = 3_600_000;

/** An in-memory store for the pure rules (the DynamoDB one is exercised by the integration tests). */
function memoryStore() {
  const sessions = new Map<string, WebSession>();
  const touched: number[] = [];
  const store: Pick<
    WebAuthStore,
    "putWebSession" | "getWebSession" | "touchWebSession" | "deleteWebSession"
  > = {
    putWebSession: async (s) => void sessions.set(s.idHash, s),
    getWebSession: async (h) => sessions.get(h),
    touchWebSession: async (s, at) => {
      touched.push(at);
      sessions.set(s.idHash, { ...s, lastSeenAtMs: at });
    },
    deleteWebSession: async (h) => void sessions.delete(h),
  };
  return { store: store as WebAuthStore, sessions, touched };
}

describe("secrets", () => {
  it("are 32 random bytes in base64url, stored only as their SHA-256", () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(newSecret());
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(looksLikeSecret(a)).toBe(true);
    expect(looksLikeSecret(`${a}x`)).toBe(false);
  });
});

describe("web sessions", () => {
  it("live for 12 idle hours and 14 days at most", () => {
    const s: WebSession = {
      idHash: "h",
      coachId: "c",
      coachName: "n",
      timezone: "UTC",
      createdAtMs: 0,
      lastSeenAtMs: 0,
    };
    expect(isLive(s, 12 * HOUR - 1)).toBe(true);
    expect(isLive(s, 12 * HOUR)).toBe(false);
    expect(isLive({ ...s, lastSeenAtMs: 14 * 24 * HOUR - 1 }, 14 * 24 * HOUR - 1)).toBe(true);
    expect(isLive({ ...s, lastSeenAtMs: 14 * 24 * HOUR }, 14 * 24 * HOUR)).toBe(false);
  });

  it("move their last-seen time forward at most every 5 minutes, and end when idle", async () => {
    const clock = fixedClock("2031-01-01T00:00:00Z");
    const { store, touched, sessions } = memoryStore();
    const id = await startWebSession(
      { store, wallClock: clock },
      { id: "coa_1", name: "Ada", timezone: "UTC" },
    );
    expect([...sessions.keys()]).toEqual([hashSecret(id)]);
    clock.set("2031-01-01T00:04:00Z");
    expect(await resolveWebSession({ store, wallClock: clock }, id)).toEqual({
      coachId: "coa_1",
      name: "Ada",
      timezone: "UTC",
    });
    expect(touched).toEqual([]);
    clock.set("2031-01-01T11:00:00Z");
    await resolveWebSession({ store, wallClock: clock }, id);
    expect(touched).toHaveLength(1);
    clock.set("2031-01-01T22:59:00Z");
    expect(await resolveWebSession({ store, wallClock: clock }, id)).toBeDefined();
    clock.set("2031-01-02T11:00:01Z");
    expect(await resolveWebSession({ store, wallClock: clock }, id)).toBeUndefined();
    expect(sessions.size).toBe(0);
  });
});

describe("the page after sign-in", () => {
  it.each([
    ["/app/sessions/ses_1?x=1", "/app/sessions/ses_1?x=1"],
    ["/app", "/app"],
    ["//evil.example/app", "/app"],
    ["https://evil.example/app", "/app"],
    ["/\\evil.example", "/app"],
    ["/app/../v1/coaches", "/app"],
    ["/application", "/app"],
    ["/app/\u0007x", "/app"],
    [undefined, "/app"],
  ])("%s → %s", (given, expected) => {
    expect(safeNextPath(given)).toBe(expected);
  });
});
