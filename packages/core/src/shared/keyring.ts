import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Rotating a secret (docs/deploy.md, decision 0018): whatever is made now is signed with the
 * current value and carries its key id; what was made before still verifies with the previous
 * value until that is removed.
 */

/**
 * A short public name of a key (6 hex characters of SHA-256 over "kid:" + key), carried next to a
 * signature so the verifier knows which key to use. It names the key; it cannot stand in for it.
 */
export const keyId = (key: string) => createHash("sha256").update(`kid:${key}`).digest("hex").slice(0, 6);

/**
 * The keys that may have signed something carrying `kid`: the current and the previous key whose
 * id it is (both, in the one-in-16-million case that their ids collide). Without a kid (made
 * before key ids existed), only the current key.
 */
export const keysFor = (kid: string | undefined, current: string, previous?: string): string[] =>
  kid === undefined ? [current] : [current, previous].filter((k): k is string => !!k && keyId(k) === kid);

/** Whether two strings are the same, in time that does not depend on where they differ. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
