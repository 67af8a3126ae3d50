import type { Principal } from "@coachflow/core/access/principal";
import type { Clock } from "@coachflow/core/clock";
import type { ActiveCoachDeps } from "@coachflow/core/coaches/active";
import type { Logger } from "@coachflow/core/ports";
import { onceUnlessFailed } from "@coachflow/core/shared/once";

export interface TokenSettings {
  /** HS256 shared secret. */
  jwtSecret?: string;
  /** The HS256 secret it replaces, still accepted during a rotation (tokens carry a `kid`). */
  jwtSecretPrevious?: string;
  /** Verify against this JWKS (Cognito or any OIDC provider) instead of the shared secret. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** A principal for a valid token; `undefined` (and a log line with the reason) for any other. */
export type VerifyToken = (token: string, log?: Record<string, unknown>) => Promise<Principal | undefined>;

/**
 * The bearer-JWT verifier of jwt.ts (`jwtVerifier`: HS256 with `jwtSecret` or the keys of
 * `jwksUrl`), with the JWT library loaded on the first token to verify: requests without one
 * (webhooks, intake, signed links, the static admin token) never load it. A failed load is
 * retried on the next token. `exp`, `nbf` and `iat` are judged by `wallClock`, never by the
 * program's movable clock. With `activeCoaches`, a coach's token works only while the coach is
 * active (`isActiveCoach`). A refused token is logged with its reason (and `log`, the request id), never its text.
 */
export function tokenVerifier(
  settings: TokenSettings,
  wallClock: Clock,
  logger: Logger,
  activeCoaches?: ActiveCoachDeps,
): VerifyToken {
  const verifier = onceUnlessFailed(async () =>
    (await import("./jwt")).jwtVerifier(settings, wallClock, logger, activeCoaches),
  );
  return async (token, log) => (await verifier())(token, log);
}
