import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: sign-in tokens, web session ids and browser bindings. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** What the table stores instead of a secret: its SHA-256, hex. A leaked table holds no usable token. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A secret as it looks when it came from us: 43 base64url characters (32 bytes). */
export function looksLikeSecret(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}
