import type { Principal, Role } from "@coachflow/core/access/principal";
import { AppError } from "@coachflow/core/errors";
import { sameText } from "@coachflow/core/shared/keyring";
import type { Context, MiddlewareHandler } from "hono";
import type { VerifyToken } from "./tokens";

export type { Principal };

const unauthorized = () => new AppError("unauthorized", "a valid bearer token is required");

/**
 * Requires a bearer token of one of `roles`: the static admin token, or a JWT the verifier
 * accepts. Anything else is 401; the verifier logs why. The principal is then available as
 * `principal(c)`.
 */
export function requireRole(
  auth: { adminToken?: string; adminTokenPrevious?: string; verify: VerifyToken },
  ...roles: Role[]
): MiddlewareHandler {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
    const token = match?.[1];
    let who: Principal | undefined;
    // The admin token, or during a rotation the one it replaces (docs/deploy.md).
    if (token && [auth.adminToken, auth.adminTokenPrevious].some((t) => t && sameText(token, t)))
      who = { role: "admin", subject: "admin-token" };
    else if (token) who = await auth.verify(token, { requestId: c.get("requestId" as never) });
    if (!who) {
      c.header("WWW-Authenticate", 'Bearer realm="coachflow"');
      throw unauthorized();
    }
    if (!roles.includes(who.role))
      throw new AppError("forbidden", `this route is for ${roles.join(" or ")} only`);
    c.set("principal" as never, who as never);
    await next();
  };
}

export function principal(c: Context): Principal {
  const who = c.get("principal" as never) as Principal | undefined;
  if (!who) throw unauthorized();
  return who;
}
