import { describe, expect, it } from "vitest";
import { correlationToken, readCorrelation } from "../../../packages/core/src/bookings/correlation";
import { keyId } from "../../../packages/core/src/shared/keyring";

const OLD = "old-link-secret-0123456789";
const NEW = "new-link-secret-0123456789";
const COACH = "coa_01J";
const clientOf = (token: string, current: string, previous?: string) =>
  readCorrelation(token, COACH, current, previous)?.clientId;

/** Booking-link correlation tokens through a rotation of the link secret (decision 0018). */
describe("booking-link correlation tokens", () => {
  it("end in the key id of the secret that signed them, then the mac: .<kid><mac>", () => {
    const token = correlationToken("cli_01J", COACH, NEW);

    expect(token).toMatch(new RegExp(`^cli_01J\\..*${keyId(NEW)}[0-9a-f]{16}$`));
    expect(clientOf(token, NEW)).toBe("cli_01J");
  });

  it("made with the previous secret still read during a rotation, and not after it", () => {
    const old = correlationToken("cli_01J", COACH, OLD);

    expect(clientOf(old, NEW, OLD)).toBe("cli_01J");
    expect(clientOf(old, NEW)).toBeUndefined();
  });

  it("cannot be moved to another client, another key id or another length", () => {
    const token = correlationToken("cli_01J", COACH, NEW);
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
      expect(clientOf(forged, NEW, OLD), forged).toBeUndefined();
    }
  });
});
