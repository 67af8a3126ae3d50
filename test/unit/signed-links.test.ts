import { describe, expect, it } from "vitest";
import { LINK_LIFETIME_DAYS, signLink, verifyLink } from "../../packages/core/src/links/signed-links";

const SECRET = "link-secret-0123456789";
const NOW = new Date("2031-05-01T10:00:00Z");
const DAY = 86_400_000;

describe("signed client links", () => {
  it("carry the action, the client and the item they were made for", () => {
    const token = signLink(SECRET, "action-item-done", "cli_A", "act_1", NOW);
    const check = verifyLink(SECRET, token, NOW);
    expect(check).toMatchObject({ ok: true, payload: { a: "action-item-done", c: "cli_A", r: "act_1" } });
  });

  it("expire after their lifetime, and not before", () => {
    const token = signLink(SECRET, "continue", "cli_A", "ses_1", NOW);
    const life = LINK_LIFETIME_DAYS.continue * DAY;
    expect(verifyLink(SECRET, token, new Date(NOW.getTime() + life - 1000)).ok).toBe(true);
    expect(verifyLink(SECRET, token, new Date(NOW.getTime() + life + 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("cannot be turned into a link for another client or item", () => {
    const token = signLink(SECRET, "action-item-done", "cli_A", "act_1", NOW);
    const [body, mac] = token.split(".") as [string, string];
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    for (const change of [
      { c: "cli_B" },
      { r: "act_2" },
      { a: "unsubscribe" },
      { x: payload.x + 10 * 365 * 86_400 },
    ]) {
      const forged = `${Buffer.from(JSON.stringify({ ...payload, ...change })).toString("base64url")}.${mac}`;
      expect(verifyLink(SECRET, forged, NOW)).toEqual({ ok: false, reason: "forged" });
    }
  });

  it("refuse another secret, a changed signature and malformed tokens", () => {
    const token = signLink(SECRET, "unsubscribe", "cli_A", undefined, NOW);
    expect(verifyLink("another-secret-0123456789", token, NOW)).toEqual({ ok: false, reason: "forged" });
    expect(verifyLink(SECRET, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, NOW).ok).toBe(false);
    for (const bad of ["", "abc", "a.b.c", `${Buffer.from("not json").toString("base64url")}.sig`]) {
      expect(verifyLink(SECRET, bad, NOW).ok).toBe(false);
    }
  });
});
