import { timingSafeEqual } from "node:crypto";
import { AppError } from "@coachflow/core/errors";
import type { MiddlewareHandler } from "hono";

/** Who is calling. Issue 4 adds coaches (JWT); for now the static admin token. */
export type Principal = { role: "admin" };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Requires `Authorization: Bearer <ADMIN_TOKEN>`; without a configured token nobody is admin. */
export function requireAdmin(adminToken: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!adminToken || !match?.[1] || !sameSecret(match[1], adminToken)) {
      c.header("WWW-Authenticate", 'Bearer realm="coachflow"');
      throw new AppError("unauthorized", "a valid admin bearer token is required");
    }
    c.set("principal" as never, { role: "admin" } satisfies Principal as never);
    await next();
  };
}
