import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { correlationToken, readCorrelation } from "../../../packages/core/src/bookings/correlation";
import { keyId } from "../../../packages/core/src/shared/keyring";

const SECRET = "test-link-secret-0123456789";
const CLIENT = "cli_01JABCDEFGHJKMNPQRSTVWXYZ0";
const COACH = "coa_01JABCDEFGHJKMNPQRSTVWXYZ1";
const OTHER_COACH = "coa_01JABCDEFGHJKMNPQRSTVWXYZ2";
const hmac16 = (body: string, secret = SECRET) =>
  createHmac("sha256", secret).update(body).digest("hex").slice(0, 16);

describe("the booking correlation token", () => {
  it("carries the client and the booking kind, signed with the coach it was made for", () => {
    const session = correlationToken(CLIENT, COACH, SECRET, "session");
    const intro = correlationToken(CLIENT, COACH, SECRET);
    // `<clientId>.<kind>.<kid><mac>`: a 6-hex key id (decision 0018), then the 16-hex mac; the
    // coach is in the mac only (decision 0030), so the token is as short as before.
    expect(session).toMatch(/^cli_\w+\.s\.[0-9a-f]{22}$/);
    expect(intro).toMatch(/^cli_\w+\.i\.[0-9a-f]{22}$/);
    expect(session).toBe(`${CLIENT}.s.${keyId(SECRET)}${hmac16(`${CLIENT}.s.${COACH}`)}`);
    expect(readCorrelation(session, COACH, SECRET)).toEqual({ clientId: CLIENT, kind: "session" });
    expect(readCorrelation(intro, COACH, SECRET)).toEqual({ clientId: CLIENT, kind: "intro" });
  });

  it("correlates nothing for a booking with another coach", () => {
    expect(readCorrelation(correlationToken(CLIENT, COACH, SECRET), OTHER_COACH, SECRET)).toBeUndefined();
    expect(readCorrelation(correlationToken(CLIENT, COACH, SECRET), "", SECRET)).toBeUndefined();
  });

  it("reads every token minted before it named a coach as no token (decision 0030)", () => {
    const kid = keyId(SECRET);
    for (const old of [
      // with a key id and a kind, signed over the payload alone
      `${CLIENT}.i.${kid}${hmac16(`${CLIENT}.i`)}`,
      `${CLIENT}.s.${kid}${hmac16(`${CLIENT}.s`)}`,
      // before key ids, and before the kind
      `${CLIENT}.s.${hmac16(`${CLIENT}.s`)}`,
      `${CLIENT}.${hmac16(CLIENT)}`,
    ])
      expect(readCorrelation(old, COACH, SECRET), old).toBeUndefined();
  });

  it("refuses a token whose kind, client or mac was changed, or that was signed with another secret", () => {
    const session = correlationToken(CLIENT, COACH, SECRET, "session");
    const mac = session.split(".")[2];
    for (const forged of [
      `${CLIENT}.i.${mac}`,
      `${CLIENT}.x.${mac}`,
      `${CLIENT.replace("0", "1")}.s.${mac}`,
      `${CLIENT}.s.${mac!.replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`,
      correlationToken(CLIENT, COACH, "another-secret-0123456789", "session"),
      "",
      ".s.abc",
      `.s.${mac}`,
    ])
      expect(readCorrelation(forged, COACH, SECRET), forged).toBeUndefined();
    // A well-signed payload with more parts than client and kind is refused too.
    const odd = `${CLIENT}.s.s`;
    const oddToken = `${odd}.${keyId(SECRET)}${hmac16(`${odd}.${COACH}`)}`;
    expect(readCorrelation(oddToken, COACH, SECRET)).toBeUndefined();
  });
});
