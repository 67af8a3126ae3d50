import { createHmac } from "node:crypto";
import { keyId, keysFor, sameText } from "../shared/keyring";

/** Which booking page a link opens: the coach's intro page, or their page for later sessions. */
export type BookingKind = "intro" | "session";
const KIND_MARK: Record<BookingKind, string> = { intro: "i", session: "s" };

/**
 * The correlation token a booking link carries so that the booking webhook can find the client:
 * `<payload>.<kid><mac>`, where the payload is `<clientId>.<kind>` (`i` intro, `s` session), kid
 * the signing secret's key id (6 hex, keyring.ts) and mac the first 16 hex characters of
 * HMAC-SHA256(secret, `<payload>.<coachId>`). The coach is signed but not written: the token binds
 * the client and the coach whose booking page the link opens, and a booking with any other coach
 * cannot verify it (decision 0030). Short enough for Calendly's `utm_content` and Cal.com's
 * `metadata[...]`; cannot be forged for another client, coach or kind without the secret.
 */
export function correlationToken(
  clientId: string,
  coachId: string,
  secret: string,
  kind: BookingKind = "intro",
): string {
  const payload = `${clientId}.${KIND_MARK[kind]}`;
  return `${payload}.${keyId(secret)}${mac(`${payload}.${coachId}`, secret)}`;
}

/**
 * The client and booking kind a token names when it was made for `coachId` (the booking's coach),
 * or `undefined` when it is malformed, forged, or made for another coach; during a rotation a
 * token of the `previous` secret still reads. Tokens from before the coach was signed (and the
 * older forms without a key id or a kind) read as no token at all (decision 0030).
 */
export function readCorrelation(
  token: string,
  coachId: string,
  secret: string,
  previous?: string,
): { clientId: string; kind: BookingKind } | undefined {
  const dot = token.lastIndexOf(".");
  const payload = token.slice(0, dot);
  const signed = token.slice(dot + 1);
  const [clientId = "", mark, ...rest] = payload.split(".");
  const kind = mark === "s" ? "session" : mark === "i" ? "intro" : undefined;
  if (!kind || !clientId || rest.length > 0 || signed.length !== 22) return undefined;
  const given = signed.slice(6);
  return keysFor(signed.slice(0, 6), secret, previous).some((key) =>
    sameText(given, mac(`${payload}.${coachId}`, key)),
  )
    ? { clientId, kind }
    : undefined;
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("hex").slice(0, 16);
}
