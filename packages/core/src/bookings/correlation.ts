import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The correlation token a booking link carries so that the booking webhook can find the client:
 * `<clientId>.<mac>`, where mac is the first 16 hex characters of HMAC-SHA256(secret, clientId).
 * Short enough for Calendly's `utm_content` and Cal.com's `metadata[...]`; cannot be forged for
 * another client without the secret.
 */
export function correlationToken(clientId: string, secret: string): string {
  return `${clientId}.${mac(clientId, secret)}`;
}

/** The client id a token names, or `undefined` when the token is malformed or forged. */
export function readCorrelationToken(token: string, secret: string): string | undefined {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const clientId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(clientId, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? clientId : undefined;
}

function mac(clientId: string, secret: string): string {
  return createHmac("sha256", secret).update(clientId).digest("hex").slice(0, 16);
}
