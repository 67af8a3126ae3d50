import { describe, expect, it } from "vitest";
import { LINK_LIFETIME_DAYS, signLink, verifyLink } from "../../packages/core/src/links/signed-links";
import { keyId } from "../../packages/core/src/shared/keyring";

const SECRET = "link-secret-0123456789";
const NOW = new Date("2031-05-01T10:00:00Z");
const DAY = 86_400_000;

describe("signed client links", () => {
  it("carry the action, the client and the item they were made for", () => {
    const token = signLink(SECRET, "action-item-done", "cli_A", "act_1", NOW);
    const check = verifyLink(SECRET, token, NOW);
    expect(check).toMatchObject({ ok: true, payload: { a: "action-item-done", c: "cli_A", r: "act_1" } });
  });

  it("carry, signed, the engagement version a check-in link was sent at", () => {
    const token = signLink(SECRET, "continue", "cli_A", "ses_7", NOW, 2);
    expect(verifyLink(SECRET, token, NOW)).toMatchObject({ ok: true, payload: { a: "continue", v: 2 } });
    const [kid, body, mac] = token.split(".") as [string, string, string];
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    const bumped = Buffer.from(JSON.stringify({ ...payload, v: 3 })).toString("base64url");
    expect(verifyLink(SECRET, `${kid}.${bumped}.${mac}`, NOW)).toEqual({ ok: false, reason: "forged" });
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
    const [kid, body, mac] = token.split(".") as [string, string, string];
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    for (const change of [
      { c: "cli_B" },
      { r: "act_2" },
      { a: "unsubscribe" },
      { x: payload.x + 10 * 365 * 86_400 },
    ]) {
      const forged = `${kid}.${Buffer.from(JSON.stringify({ ...payload, ...change })).toString("base64url")}.${mac}`;
      expect(verifyLink(SECRET, forged, NOW)).toEqual({ ok: false, reason: "forged" });
    }
  });

  it("refuse another secret, a changed signature and malformed tokens", () => {
    const token = signLink(SECRET, "unsubscribe", "cli_A", undefined, NOW);
    expect(verifyLink("another-secret-0123456789", token, NOW)).toEqual({ ok: false, reason: "forged" });
    expect(verifyLink(SECRET, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, NOW).ok).toBe(false);
    for (const bad of [
      "",
      "abc",
      "a.b.c",
      "a.b.c.d",
      `${Buffer.from("not json").toString("base64url")}.sig`,
    ]) {
      expect(verifyLink(SECRET, bad, NOW).ok).toBe(false);
    }
  });
});

describe("signed client links while the link secret is rotated", () => {
  const OLD = "old-link-secret-0123456789";
  const NEW = "new-link-secret-0123456789";
  /** A link as they were made before key ids: `<payload>.<mac>`, the same payload and mac. */
  const withoutKeyId = (token: string) => token.split(".").slice(1).join(".");

  it("name the secret that signed them by its key id", () => {
    expect(signLink(NEW, "continue", "cli_A", "ses_1", NOW).split(".")[0]).toBe(keyId(NEW));
    expect(keyId(NEW)).toMatch(/^[0-9a-f]{6}$/);
    expect(keyId(NEW)).not.toBe(keyId(OLD));
  });

  it("made with the previous secret still work during the rotation, and not after it", () => {
    const old = signLink(OLD, "unsubscribe", "cli_A", undefined, NOW);

    expect(verifyLink(NEW, old, NOW, OLD)).toMatchObject({
      ok: true,
      payload: { a: "unsubscribe", c: "cli_A" },
    });
    expect(verifyLink(NEW, old, NOW)).toEqual({ ok: false, reason: "forged" });
  });

  it("made before key ids verify with the current secret only", () => {
    const legacyCurrent = withoutKeyId(signLink(NEW, "end", "cli_A", "ses_1", NOW));
    const legacyPrevious = withoutKeyId(signLink(OLD, "end", "cli_A", "ses_1", NOW));

    expect(verifyLink(NEW, legacyCurrent, NOW, OLD).ok).toBe(true);
    expect(verifyLink(NEW, legacyPrevious, NOW, OLD)).toEqual({ ok: false, reason: "forged" });
  });

  it("cannot pass for the other secret's by changing the key id", () => {
    const old = signLink(OLD, "end", "cli_A", "ses_1", NOW);
    const relabelled = `${keyId(NEW)}.${withoutKeyId(old)}`;

    expect(verifyLink(NEW, relabelled, NOW, OLD)).toEqual({ ok: false, reason: "forged" });
    expect(verifyLink(NEW, `abcdef.${withoutKeyId(old)}`, NOW, OLD)).toEqual({ ok: false, reason: "forged" });
  });
});
