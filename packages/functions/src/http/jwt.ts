import { ROLES } from "@coachflow/core/access/principal";
import type { Clock } from "@coachflow/core/clock";
import { type ActiveCoachDeps, isActiveCoach } from "@coachflow/core/coaches/active";
import type { Logger } from "@coachflow/core/ports";
import { keyId, keysFor } from "@coachflow/core/shared/keyring";
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import type { TokenSettings, VerifyToken } from "./tokens";

const encode = (secret: string) => new TextEncoder().encode(secret);

/**
 * Why jose refused a token, for the log: the claim that failed and how ("exp check_failed" is
 * expired, "nbf check_failed" not yet valid, "aud check_failed" the wrong audience), else jose's
 * error code ("jws_signature_verification_failed", "jwks_no_matching_key": an unknown kid).
 */
function refusal(error: unknown): string {
  const {
    code = "ERR_MALFORMED",
    claim,
    reason,
  } = error as { code?: string; claim?: string; reason?: string };
  return claim ? `${claim} ${reason}` : code.slice(4).toLowerCase();
}

/**
 * A verifier of bearer JWTs: HS256 with `jwtSecret` (or, for a token whose `kid` names it,
 * `jwtSecretPrevious`: a token without a kid is checked with `jwtSecret`), or the keys of
 * `jwksUrl` (RS256/ES256). `exp`, `sub` and `role` are required, and with `activeCoaches` a coach
 * token's coach must be active; any other algorithm (including `none`), a bad signature, an
 * expired or malformed token, or an inactive coach gives `undefined` and a log line with the
 * reason. Times are judged by `wallClock`.
 */
export function jwtVerifier(
  settings: TokenSettings,
  wallClock: Clock,
  logger: Logger,
  activeCoaches?: ActiveCoachDeps,
): VerifyToken {
  const { jwtSecret, jwtSecretPrevious: previous } = settings;
  const key: JWTVerifyGetKey | undefined = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : jwtSecret
      ? ({ kid }) => {
          const [secret] = keysFor(kid, jwtSecret, previous);
          // jose's code for a kid no key has (its error classes would cost bundle bytes).
          if (!secret) throw { code: "ERR_JWKS_NO_MATCHING_KEY" };
          return encode(secret);
        }
      : undefined;
  const options = {
    algorithms: settings.jwksUrl ? ["RS256", "ES256"] : ["HS256"],
    requiredClaims: ["exp", "sub"],
    ...(settings.issuer ? { issuer: settings.issuer } : {}),
    ...(settings.audience ? { audience: settings.audience } : {}),
  };
  return async (token, log) => {
    const refuse = (reason: string) => {
      logger.warn("bearer token refused", { ...log, reason });
      return undefined;
    };
    if (!key) return refuse("no key configured");
    let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
    try {
      ({ payload } = await jwtVerify(token, key, { ...options, currentDate: wallClock.now() }));
    } catch (error) {
      return refuse(refusal(error));
    }
    if (!payload.sub) return refuse("sub missing");
    // The role comes from `role`, or from Cognito groups (set by administrators). Not from
    // Cognito custom attributes: users can often write those themselves.
    const groups = Array.isArray(payload["cognito:groups"]) ? (payload["cognito:groups"] as unknown[]) : [];
    const role =
      payload.role ?? (groups.includes("admin") ? "admin" : groups.includes("coach") ? "coach" : undefined);
    if (!ROLES.includes(role as (typeof ROLES)[number])) return refuse("role invalid");
    if (role === "admin") return { role: "admin", subject: payload.sub };
    // A deactivated coach's tokens stop working, however long they had to live (issue 11).
    if (activeCoaches && !(await isActiveCoach(activeCoaches, payload.sub))) return refuse("coach inactive");
    return { role: "coach", coachId: payload.sub };
  };
}

/**
 * Mints an HS256 token (the local stack's demo token, and the admin route for local use), its
 * `kid` naming the secret, so it still verifies while that secret is rotated out.
 */
export async function mintToken(
  secret: string,
  claims: { sub: string; role: "coach" | "admin" },
  ttlSeconds: number,
  now: Date,
) {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: keyId(secret) })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(encode(secret));
}
