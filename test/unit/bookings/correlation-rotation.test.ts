import { describe, expect, it } from "vitest";
import { correlationToken, readCorrelationToken } from "../../../packages/core/src/bookings/correlation";
import { keyId } from "../../../packages/core/src/shared/keyring";

const OLD = "old-link-secret-0123456789";
const NEW = "new-link-secret-0123456789";
/** A token as booking links carried them before key ids: `<clientId>.<mac>`. */
const withoutKeyId = (token: string) => token.replace(/\.[0-9a-f]{6}([0-9a-f]{16})$/, ".$1");

/** Booking-link correlation tokens through a rotation of the link secret (decision 0018). */
describe("booking-link correlation tokens", () => {
  it("end in the key id of the secret that signed them, then the mac: .<kid><mac>", () => {
    const token = correlationToken("cli_01J", NEW);

    expect(token).toMatch(new RegExp(`^cli_01J\\..*${keyId(NEW)}[0-9a-f]{16}$`));
    expect(readCorrelationToken(token, NEW)).toBe("cli_01J");
  });

  it("made with the previous secret still read during a rotation, and not after it", () => {
    const old = correlationToken("cli_01J", OLD);

    expect(readCorrelationToken(old, NEW, OLD)).toBe("cli_01J");
    expect(readCorrelationToken(old, NEW)).toBeUndefined();
  });

  it("made before key ids read with the current secret only", () => {
    expect(readCorrelationToken(withoutKeyId(correlationToken("cli_01J", NEW)), NEW, OLD)).toBe("cli_01J");
    expect(readCorrelationToken(withoutKeyId(correlationToken("cli_01J", OLD)), NEW, OLD)).toBeUndefined();
  });

  it("cannot be moved to another client, another key id or another length", () => {
    const token = correlationToken("cli_01J", NEW);
    const signed = token.slice(token.lastIndexOf(".") + 1);
    const payload = token.slice(0, token.lastIndexOf("."));

    for (const forged of [
      `${payload.replace("cli_01J", "cli_02K")}.${signed}`,
      `${payload}.${keyId(OLD)}${signed.slice(6)}`,
      `${payload}.${signed.slice(0, -1)}`,
      `${payload}.${signed}0`,
      `.${signed}`,
      "cli_01J",
    ]) {
      expect(readCorrelationToken(forged, NEW, OLD), forged).toBeUndefined();
    }
  });
});
