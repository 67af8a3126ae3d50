import { describe, expect, it } from "vitest";
import { fixedClock } from "../../../packages/core/src/clock";
import { admitAdmin } from "../../../packages/core/src/web-auth/admin-session";
import type { WebSession } from "../../../packages/core/src/web-auth/model";
import type { WebAuthStore } from "../../../packages/core/src/web-auth/ports";
import { hashSecret, looksLikeSecret, newSecret } from "../../../packages/core/src/web-auth/secrets";
import {
  admit,
  readClaim,
  type SessionClaim,
  sessionCookie,
} from "../../../packages/core/src/web-auth/session-claim";
import { isLive, startWebSession } from "../../../packages/core/src/web-auth/web-sessions";
import { safeNextPath } from "../../../packages/functions/src/web/next-path";

const HOUR = 3_600_000;

/** An in-memory store for the pure rules (the DynamoDB one is exercised by the integration tests). */
function memoryStore() {
  const sessions = new Map<string, WebSession>();
  const touched: number[] = [];
  const store: Pick<WebAuthStore, "putWebSession" | "touchWebSession" | "deleteWebSession"> = {
    putWebSession: async (s) => void sessions.set(s.idHash, s),
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
    const s: WebSession = { idHash: "h", coachId: "c", createdAtMs: 0, lastSeenAtMs: 0 };
    expect(isLive(s, 12 * HOUR - 1)).toBe(true);
    expect(isLive(s, 12 * HOUR)).toBe(false);
    expect(isLive({ ...s, lastSeenAtMs: 14 * 24 * HOUR - 1 }, 14 * 24 * HOUR - 1)).toBe(true);
    expect(isLive({ ...s, lastSeenAtMs: 14 * 24 * HOUR }, 14 * 24 * HOUR)).toBe(false);
  });

  it("move their last-seen time forward at most every 5 minutes, and end when idle", async () => {
    const clock = fixedClock("2031-01-01T00:00:00Z");
    const { store, touched, sessions } = memoryStore();
    const deps = { store, wallClock: clock };
    const id = await startWebSession(deps, { id: "coa_1" });
    expect([...sessions.keys()]).toEqual([hashSecret(id)]);
    const claim: SessionClaim = { coachId: "coa_1", idHash: hashSecret(id) };
    const coach = { id: "coa_1", name: "Ada", timezone: "Europe/Oslo", active: true };
    // The page's first read found the stored session and the coach.
    const page = () => admit(deps, claim, { webSession: sessions.get(claim.idHash), coach });
    clock.set("2031-01-01T00:04:00Z");
    expect(await page()).toEqual({ coachId: "coa_1", name: "Ada", timezone: "Europe/Oslo" });
    expect(touched).toEqual([]);
    clock.set("2031-01-01T11:00:00Z");
    await page();
    expect(touched).toHaveLength(1);
    clock.set("2031-01-01T22:59:00Z");
    expect(await page()).toBeDefined();
    clock.set("2031-01-02T11:00:01Z");
    await expect(page()).rejects.toMatchObject({ code: "unauthorized" });
    expect(sessions.size).toBe(0);
  });

  it("admit only the claimed coach's live session, and only while the coach is active", async () => {
    const clock = fixedClock("2031-01-01T00:00:00Z");
    const { store, sessions } = memoryStore();
    const deps = { store, wallClock: clock };
    const id = await startWebSession(deps, { id: "coa_1" });
    const webSession = sessions.get(hashSecret(id))!;
    const coach = { id: "coa_1", name: "Ada", timezone: "UTC", active: true };
    const mine: SessionClaim = { coachId: "coa_1", idHash: webSession.idHash };
    // Nothing stored under the claim (signed out, or never signed in): nothing to delete.
    await expect(admit(deps, mine, { coach })).rejects.toMatchObject({ code: "unauthorized" });
    // A session of another coach than the claim names.
    await expect(
      admit(deps, { ...mine, coachId: "coa_2" }, { webSession, coach: { ...coach, id: "coa_2" } }),
    ).rejects.toMatchObject({ code: "unauthorized" });
    sessions.set(webSession.idHash, webSession);
    // A deactivated coach (a session a deactivation missed): refused, and the session ends.
    await expect(admit(deps, mine, { webSession, coach: { ...coach, active: false } })).rejects.toMatchObject(
      {
        code: "unauthorized",
      },
    );
    expect(sessions.size).toBe(0);
    await expect(admit(deps, mine, { webSession })).rejects.toMatchObject({ code: "unauthorized" });
  });
});

describe("admin sessions", () => {
  it("admit only an admin's live session of the claimed address, while it is in ADMIN_EMAILS", async () => {
    const clock = fixedClock("2031-01-01T00:00:00Z");
    const { store, sessions } = memoryStore();
    const deps = { store, wallClock: clock };
    const email = "ops.lead@example.org";
    const id = await startWebSession(deps, { id: email }, "admin");
    const s = sessions.get(hashSecret(id))!;
    expect(s.role).toBe("admin");
    const claim: SessionClaim = { role: "admin", coachId: email, idHash: s.idHash };
    expect(await admitAdmin(deps, claim, s, [email])).toBe(email);
    // A coach's claim, or a coach's session under an admin's claim: refused.
    await expect(admitAdmin(deps, { ...claim, role: undefined }, s, [email])).rejects.toMatchObject({
      code: "unauthorized",
    });
    sessions.set(s.idHash, s);
    await expect(admitAdmin(deps, claim, { ...s, role: undefined }, [email])).rejects.toMatchObject({
      code: "unauthorized",
    });
    sessions.set(s.idHash, s);
    // The address left ADMIN_EMAILS: refused, and the session ends.
    await expect(admitAdmin(deps, claim, s, ["someone@example.org"])).rejects.toMatchObject({
      code: "unauthorized",
    });
    expect(sessions.size).toBe(0);
  });

  it("open no coach's page: a coach's admit refuses an admin's session", async () => {
    const clock = fixedClock("2031-01-01T00:00:00Z");
    const { store, sessions } = memoryStore();
    const deps = { store, wallClock: clock };
    const id = await startWebSession(deps, { id: "coa_1" }, "admin");
    const webSession = sessions.get(hashSecret(id))!;
    const coach = { id: "coa_1", name: "Ada", timezone: "UTC", active: true };
    await expect(
      admit(deps, { coachId: "coa_1", idHash: webSession.idHash }, { webSession, coach }),
    ).rejects.toMatchObject({ code: "unauthorized" });
  });
});

describe("session cookies", () => {
  const keys = { secret: "current-secret-0123456789" };
  const id = newSecret();

  it("carry the coach and the session id under a MAC, and claim them only when it verifies", () => {
    const value = sessionCookie(keys, "coa_1", id);
    expect(value).toMatch(/^coa_1\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    expect(readClaim(keys, value)).toEqual({ coachId: "coa_1", idHash: hashSecret(id) });
    const [, , mac] = value.split(".");
    // Another coach's id with this cookie's session and MAC: no claim, so nothing is read for it.
    expect(readClaim(keys, `coa_2.${id}.${mac}`)).toBeUndefined();
    expect(readClaim(keys, `coa_1.${newSecret()}.${mac}`)).toBeUndefined();
    expect(readClaim({ secret: "another-secret-0123456789" }, value)).toBeUndefined();
    // The cookie before decision 0028 (the session id alone), and junk.
    for (const junk of [id, "", undefined, `${value}.x`, `.${id}.${mac}`, `coa_1.${id}.`])
      expect(readClaim(keys, junk), String(junk)).toBeUndefined();
  });

  it("carry an admin's address encoded, so its dots are no separators, and never pass as a coach's", () => {
    const value = sessionCookie(keys, "ops.lead@example.org", id, "admin");
    const [part, , mac] = value.split(".");
    expect(value.split(".")).toHaveLength(3);
    expect(part).toMatch(/^admin~[A-Za-z0-9_-]+$/);
    expect(readClaim(keys, value)).toEqual({
      role: "admin",
      coachId: "ops.lead@example.org",
      idHash: hashSecret(id),
    });
    // The same address as a coach's id, or another role's prefix: no claim.
    expect(readClaim(keys, sessionCookie(keys, "ops.lead@example.org", id))).toBeUndefined();
    expect(readClaim(keys, `${part!.replace("admin", "coach")}.${id}.${mac}`)).toBeUndefined();
    const forged = `admin~${Buffer.from("other@example.org").toString("base64url")}.${id}.${mac}`;
    expect(readClaim(keys, forged)).toBeUndefined();
  });

  it("still verify with the previous key during a rotation, and not after it", () => {
    const old = sessionCookie(keys, "coa_1", id);
    const rotated = { secret: "new-secret-0123456789", previous: keys.secret };
    expect(readClaim(rotated, old)?.coachId).toBe("coa_1");
    expect(readClaim({ secret: rotated.secret }, old)).toBeUndefined();
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
