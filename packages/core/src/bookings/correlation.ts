import { createHmac } from "node:crypto";
import { keyId, keysFor, sameText } from "../shared/keyring";

/**
 * The correlation token a booking link carries so that the booking webhook can find the client:
 * `<clientId>.<kid><mac>`, where kid is the signing secret's key id (6 hex, keyring.ts) and mac the
 * first 16 hex characters of HMAC-SHA256(secret, clientId). Short enough for Calendly's
 * `utm_content` and Cal.com's `metadata[...]`; cannot be forged for another client without the
 * secret. Tokens made before key ids (`<clientId>.<mac>`) still read with the current secret.
 */
export function correlationToken(clientId: string, secret: string): string {
  return `${clientId}.${keyId(secret)}${mac(clientId, secret)}`;
}

/**
 * The client id a token names, or `undefined` when the token is malformed or forged; during a
 * rotation a token of the `previous` secret still reads.
 */
export function readCorrelationToken(token: string, secret: string, previous?: string): string | undefined {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const clientId = token.slice(0, dot);
  const signed = token.slice(dot + 1);
  // 16 hex: a token from before key ids; 22: key id + mac.
  const kid = signed.length === 22 ? signed.slice(0, 6) : undefined;
  const given = kid ? signed.slice(6) : signed;
  return keysFor(kid, secret, previous).some((key) => sameText(given, mac(clientId, key)))
    ? clientId
    : undefined;
}

function mac(clientId: string, secret: string): string {
  return createHmac("sha256", secret).update(clientId).digest("hex").slice(0, 16);
}
