import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  correlationToken,
  readCorrelation,
  readCorrelationToken,
} from "../../../packages/core/src/bookings/correlation";

const SECRET = "test-link-secret-0123456789";
const CLIENT = "cli_01JABCDEFGHJKMNPQRSTVWXYZ0";

describe("the booking correlation token", () => {
  it("carries the booking kind, signed with the client id", () => {
    const session = correlationToken(CLIENT, SECRET, "session");
    const intro = correlationToken(CLIENT, SECRET);
    // `<clientId>.<kind>.<kid><mac>`: a 6-hex key id (decision 0018), then the 16-hex mac.
    expect(session).toMatch(/^cli_\w+\.s\.[0-9a-f]{22}$/);
    expect(intro).toMatch(/^cli_\w+\.i\.[0-9a-f]{22}$/);
    expect(readCorrelation(session, SECRET)).toEqual({ clientId: CLIENT, kind: "session" });
    expect(readCorrelation(intro, SECRET)).toEqual({ clientId: CLIENT, kind: "intro" });
    expect(readCorrelationToken(session, SECRET)).toBe(CLIENT);
  });

  it("still reads a token minted before the kind existed, as an intro booking", () => {
    const legacy = `${CLIENT}.${createHmac("sha256", SECRET).update(CLIENT).digest("hex").slice(0, 16)}`;
    expect(readCorrelation(legacy, SECRET)).toEqual({ clientId: CLIENT, kind: "intro" });
    expect(readCorrelationToken(legacy, SECRET)).toBe(CLIENT);
  });

  it("refuses a token whose kind, client or mac was changed, or that was signed with another secret", () => {
    const session = correlationToken(CLIENT, SECRET, "session");
    const mac = session.split(".")[2];
    for (const forged of [
      `${CLIENT}.i.${mac}`,
      `${CLIENT}.x.${mac}`,
      `${CLIENT.replace("0", "1")}.s.${mac}`,
      `${CLIENT}.s.${mac!.replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`,
      correlationToken(CLIENT, "another-secret-0123456789", "session"),
      "",
      ".s.abc",
    ])
      expect(readCorrelation(forged, SECRET), forged).toBeUndefined();
    // A well-signed payload with more parts than client and kind is refused too.
    const odd = `${CLIENT}.s.s`;
    const oddToken = `${odd}.${createHmac("sha256", SECRET).update(odd).digest("hex").slice(0, 16)}`;
    expect(readCorrelation(oddToken, SECRET)).toBeUndefined();
  });
});

describe("the booking correlation token before key ids", () => {
  it("still reads `<clientId>.<kind>.<mac>` with the current secret", () => {
    const payload = `${CLIENT}.s`;
    const token = `${payload}.${createHmac("sha256", SECRET).update(payload).digest("hex").slice(0, 16)}`;
    expect(readCorrelation(token, SECRET)).toEqual({ clientId: CLIENT, kind: "session" });
    expect(readCorrelation(token, "another-secret-0123456789")).toBeUndefined();
  });
});
