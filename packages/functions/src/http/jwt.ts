import { ROLES } from "@coachflow/core/access/principal";
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import type { TokenSettings, VerifyToken } from "./tokens";

/**
 * A verifier of bearer JWTs: HS256 with `jwtSecret`, or the keys of `jwksUrl` (RS256/ES256). `exp`,
 * `sub` and `role` are required; any other algorithm (including `none`), a bad signature, an
 * expired or malformed token gives `undefined`.
 */
export function jwtVerifier(settings: TokenSettings, clock: { now(): Date }): VerifyToken {
  const jwks: JWTVerifyGetKey | undefined = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : undefined;
  const secret = settings.jwtSecret ? new TextEncoder().encode(settings.jwtSecret) : undefined;
  const options = {
    algorithms: jwks ? ["RS256", "ES256"] : ["HS256"],
    requiredClaims: ["exp", "sub"],
    ...(settings.issuer ? { issuer: settings.issuer } : {}),
    ...(settings.audience ? { audience: settings.audience } : {}),
  };
  return async (token) => {
    // `exp` is judged by the application's clock (the local stack's clock can be moved forward).
    const opts = { ...options, currentDate: clock.now() };
    try {
      const { payload } = jwks
        ? await jwtVerify(token, jwks, opts)
        : secret
          ? await jwtVerify(token, secret, opts)
          : { payload: undefined };
      if (!payload?.sub) return undefined;
      // The role comes from `role`, or from Cognito groups (set by administrators). Not from
      // Cognito custom attributes: users can often write those themselves.
      const groups = Array.isArray(payload["cognito:groups"]) ? (payload["cognito:groups"] as unknown[]) : [];
      const role =
        payload.role ?? (groups.includes("admin") ? "admin" : groups.includes("coach") ? "coach" : undefined);
      if (!ROLES.includes(role as (typeof ROLES)[number])) return undefined;
      return role === "admin"
        ? { role: "admin", subject: payload.sub }
        : { role: "coach", coachId: payload.sub };
    } catch {
      return undefined;
    }
  };
}

/** Mints an HS256 token (the local stack's demo token, and the admin route for local use). */
export async function mintToken(
  secret: string,
  claims: { sub: string; role: "coach" | "admin" },
  ttlSeconds: number,
  now: Date,
) {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
