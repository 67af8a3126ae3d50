import { createHmac, timingSafeEqual } from "node:crypto";

/** Which booking page a link opens: the coach's intro page, or their page for later sessions. */
export type BookingKind = "intro" | "session";
const KIND_MARK: Record<BookingKind, string> = { intro: "i", session: "s" };

/**
 * The correlation token a booking link carries so that the booking webhook can find the client:
 * `<payload>.<mac>`, where the payload is `<clientId>.<kind>` (`i` intro, `s` session) and mac is
 * the first 16 hex characters of HMAC-SHA256(secret, payload). Short enough for Calendly's
 * `utm_content` and Cal.com's `metadata[...]`; cannot be forged for another client or kind without
 * the secret. Tokens minted before the kind existed (`<clientId>.<mac>`) still verify, as intro.
 */
export function correlationToken(clientId: string, secret: string, kind: BookingKind = "intro"): string {
  const payload = `${clientId}.${KIND_MARK[kind]}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** The client and booking kind a token names, or `undefined` when it is malformed or forged. */
export function readCorrelation(
  token: string,
  secret: string,
): { clientId: string; kind: BookingKind } | undefined {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(payload, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  // A token from before the kind has the client id alone as its payload (client ids have no dot).
  const [clientId = "", mark = "i", ...rest] = payload.split(".");
  const kind = mark === "s" ? "session" : mark === "i" ? "intro" : undefined;
  return kind && rest.length === 0 ? { clientId, kind } : undefined;
}

/** The client id a token names, or `undefined` when the token is malformed or forged. */
export function readCorrelationToken(token: string, secret: string): string | undefined {
  return readCorrelation(token, secret)?.clientId;
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("hex").slice(0, 16);
}
