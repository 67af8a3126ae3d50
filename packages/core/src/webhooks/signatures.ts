import { createHash, createHmac } from "node:crypto";
import { sameText } from "../shared/keyring";

/**
 * Webhook signatures of the booking providers. Verify on the raw request body, byte for byte as it
 * arrived, before any JSON parsing: a parse and re-serialize changes the bytes and breaks the HMAC.
 */

/**
 * The request body exactly as received: the route passes the bytes. A string is hashed as its UTF-8
 * bytes, which are not the received ones when those had a BOM or invalid UTF-8.
 */
export type RawBody = string | Uint8Array;

export type SignatureFailure = "missing" | "malformed" | "mismatch" | "stale";
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

export const CALENDLY_SIGNATURE_HEADER = "Calendly-Webhook-Signature";
export const CALCOM_SIGNATURE_HEADER = "X-Cal-Signature-256";
export const DEFAULT_CALENDLY_TOLERANCE_SECONDS = 180;

const HEX = /^[0-9a-f]+$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

function hmacHex(key: string, ...parts: RawBody[]): string {
  if (key.length === 0) throw new Error("webhook signing key must not be empty");
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}

/**
 * Constant-time comparison of a received hex signature with the expected one, so the time taken
 * does not tell how much of a guess was right. A wrong length says only that: the length of a
 * SHA-256 hex digest is no secret.
 */
const hexEquals = (received: string, expected: string) => sameText(received.toLowerCase(), expected);

const fail = (reason: SignatureFailure): SignatureCheck => ({ ok: false, reason });
const isBlank = (header: string | null | undefined): header is null | undefined | "" =>
  header === undefined || header === null || header.trim() === "";

/** Hex SHA-256 of the raw body, for the delivery log (dedupes and proves what was received). */
export function bodyHash(rawBody: RawBody): string {
  return createHash("sha256").update(rawBody).digest("hex");
}

// ---- Calendly ---------------------------------------------------------------------------------

/** The `Calendly-Webhook-Signature` value for `rawBody` signed at unix second `t`. */
export function signCalendly(rawBody: RawBody, key: string, t: number): string {
  return `t=${t},v1=${hmacHex(key, `${t}.`, rawBody)}`;
}

/** `t=<unix seconds>,v1=<hex>[,v1=<hex>…]` → its parts, or undefined when it is not that shape. */
function parseCalendlyHeader(header: string): { t: number; signatures: string[] } | undefined {
  let t: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) return undefined;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === "t") {
      if (t !== undefined || !UNIX_SECONDS.test(value)) return undefined;
      t = value;
    } else if (name === "v1") {
      if (!HEX.test(value)) return undefined;
      signatures.push(value);
    }
    // Unknown keys (a future v2=…) are skipped, so a new scheme next to v1 does not break us.
  }
  if (t === undefined || signatures.length === 0) return undefined;
  return { t: Number(t), signatures };
}

export interface VerifyCalendlyInput {
  rawBody: RawBody;
  header: string | null | undefined;
  signingKey: string;
  /** The current time in unix seconds, by the wall clock (never the program's movable clock). */
  nowSeconds: number;
  /** How far `t` may be from now, either way; default 180 s. */
  toleranceSeconds?: number;
}

/**
 * Checks a Calendly delivery: v1 = hex HMAC-SHA256(signing key, `${t}.${rawBody}`), and `t` within
 * the tolerance of now. The signature is checked first, so "stale" is only reported for a delivery
 * that really came from Calendly (a replay or a badly skewed clock), never for a forgery.
 */
export function verifyCalendlySignature(input: VerifyCalendlyInput): SignatureCheck {
  const tolerance = input.toleranceSeconds ?? DEFAULT_CALENDLY_TOLERANCE_SECONDS;
  if (isBlank(input.header)) return fail("missing");
  const parsed = parseCalendlyHeader(input.header);
  if (!parsed) return fail("malformed");

  const expected = hmacHex(input.signingKey, `${parsed.t}.`, input.rawBody);
  let matched = false;
  for (const signature of parsed.signatures) matched = hexEquals(signature, expected) || matched;
  if (!matched) return fail("mismatch");

  // Written so that a clock that is not a number (NaN) or a negative tolerance fails closed.
  if (!(Math.abs(input.nowSeconds - parsed.t) <= tolerance)) return fail("stale");
  return { ok: true };
}

// ---- Cal.com ----------------------------------------------------------------------------------

/** The `X-Cal-Signature-256` value for `rawBody`: hex HMAC-SHA256(secret, rawBody). */
export function signCalcom(rawBody: RawBody, secret: string): string {
  return hmacHex(secret, rawBody);
}

export interface VerifyCalcomInput {
  rawBody: RawBody;
  header: string | null | undefined;
  secret: string;
}

/**
 * Checks a Cal.com delivery. Cal.com signs no timestamp, so replays cannot be refused here; the
 * delivery log (keyed by `bodyHash`) is what makes a replay harmless. A webhook saved without a
 * secret sends the literal "no-secret-provided", which is reported as malformed.
 */
export function verifyCalcomSignature(input: VerifyCalcomInput): SignatureCheck {
  const shape = calcomHeaderProblem(input.header);
  if (shape) return fail(shape);
  return hexEquals(input.header!.trim(), hmacHex(input.secret, input.rawBody))
    ? { ok: true }
    : fail("mismatch");
}

/**
 * What is wrong with a Cal.com signature header before any key is tried: "missing" or
 * "malformed", else undefined. Lets a coach's endpoint refuse it without reading the coach's key.
 */
export function calcomHeaderProblem(header: string | null | undefined): "missing" | "malformed" | undefined {
  if (isBlank(header)) return "missing";
  return HEX.test(header.trim()) ? undefined : "malformed";
}
