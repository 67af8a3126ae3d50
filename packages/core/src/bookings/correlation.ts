import { createHmac } from "node:crypto";
import { keyId, keysFor, sameText } from "../shared/keyring";

/** Which booking page a link opens: the coach's intro page, or their page for later sessions. */
export type BookingKind = "intro" | "session";
const KIND_MARK: Record<BookingKind, string> = { intro: "i", session: "s" };

/**
 * The correlation token a booking link carries so that the booking webhook can find the client:
 * `<payload>.<kid><mac>`, where the payload is `<clientId>.<kind>` (`i` intro, `s` session), kid
 * the signing secret's key id (6 hex, keyring.ts) and mac the first 16 hex characters of
 * HMAC-SHA256(secret, payload). Short enough for Calendly's `utm_content` and Cal.com's
 * `metadata[...]`; cannot be forged for another client or kind without the secret. Older tokens
 * still read with the current secret: `<clientId>.<mac>` (before the kind: an intro) and
 * `<clientId>.<kind>.<mac>` (before key ids).
 */
export function correlationToken(clientId: string, secret: string, kind: BookingKind = "intro"): string {
  const payload = `${clientId}.${KIND_MARK[kind]}`;
  return `${payload}.${keyId(secret)}${mac(payload, secret)}`;
}

/**
 * The client and booking kind a token names, or `undefined` when it is malformed or forged;
 * during a rotation a token of the `previous` secret still reads.
 */
export function readCorrelation(
  token: string,
  secret: string,
  previous?: string,
): { clientId: string; kind: BookingKind } | undefined {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const payload = token.slice(0, dot);
  const signed = token.slice(dot + 1);
  // 16 hex: a token from before key ids; 22: key id + mac.
  const kid = signed.length === 22 ? signed.slice(0, 6) : undefined;
  const given = kid ? signed.slice(6) : signed;
  if (!keysFor(kid, secret, previous).some((key) => sameText(given, mac(payload, key)))) return undefined;
  // A token from before the kind has the client id alone as its payload (client ids have no dot).
  const [clientId = "", mark = "i", ...rest] = payload.split(".");
  const kind = mark === "s" ? "session" : mark === "i" ? "intro" : undefined;
  return kind && rest.length === 0 ? { clientId, kind } : undefined;
}

/** The client id a token names, or `undefined` when the token is malformed or forged. */
export function readCorrelationToken(token: string, secret: string, previous?: string): string | undefined {
  return readCorrelation(token, secret, previous)?.clientId;
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("hex").slice(0, 16);
}
