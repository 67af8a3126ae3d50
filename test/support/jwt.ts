import { SignJWT } from "jose";

/** Claims as they go into a token: whatever a test wants, including missing or wrong ones. */
export type Claims = Record<string, unknown>;

/** Seconds since the epoch, as JWT times are written. */
export const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A token signed with `secret` (HS256 unless told), carrying exactly `claims`: no claim is added. */
export function hmacToken(secret: string, claims: Claims, alg: "HS256" | "HS384" | "HS512" = "HS256") {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT" }).sign(new TextEncoder().encode(secret));
}

/** An unsecured token (`alg: none`), built by hand: header, payload and an empty signature. */
export const unsignedToken = (claims: Claims) => `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
