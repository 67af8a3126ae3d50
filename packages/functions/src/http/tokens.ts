import type { Principal } from "@coachflow/core/access/principal";
import { onceUnlessFailed } from "@coachflow/core/shared/once";

export interface TokenSettings {
  /** HS256 shared secret. */
  jwtSecret?: string;
  /** Verify against this JWKS (Cognito or any OIDC provider) instead of the shared secret. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export type VerifyToken = (token: string) => Promise<Principal | undefined>;

/**
 * The bearer-JWT verifier of jwt.ts (`jwtVerifier`: HS256 with `jwtSecret` or the keys of
 * `jwksUrl`), with the JWT library loaded on the first token to verify: requests without one
 * (webhooks, intake, signed links, the static admin token) never load it. A failed load is
 * retried on the next token.
 */
export function tokenVerifier(settings: TokenSettings, clock: { now(): Date }): VerifyToken {
  const verifier = onceUnlessFailed(async () => (await import("./jwt")).jwtVerifier(settings, clock));
  return async (token) => (await verifier())(token);
}
