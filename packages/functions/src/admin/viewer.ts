import type { Principal } from "@coachflow/core/access/principal";
import { readClaim } from "@coachflow/core/web-auth/session-claim";
import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps } from "../composition";
import type { WebCookies } from "../web/cookies";
import { claimKeys } from "../web/viewer";
import { admitAdminClaim } from "./admit";

/** The admin signed in to the console: their address (one of `ADMIN_EMAILS`). */
export interface AdminViewer {
  email: string;
}

/** The admin sign-in page, with the page asked for as `next` when it was a GET. */
export function toAdminSignIn(c: Context) {
  const url = new URL(c.req.url);
  const back = c.req.method === "GET" ? `?next=${encodeURIComponent(url.pathname + url.search)}` : "";
  return c.redirect(`/admin/sign-in${back}`, 303);
}

/**
 * Console pages need an admin's web session (decision 0033): a session cookie this app signed,
 * of the admin role, whose stored session is live, for an address still in `ADMIN_EMAILS`.
 * Without one a GET is sent to `/admin/sign-in` with the page it asked for as `next` (anything
 * else to the sign-in page alone); a coach's workspace session gets `forbidden` (403), no read.
 */
export function requireAdmin(
  deps: AppDeps,
  cookies: WebCookies,
  forbidden: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const claim = readClaim(claimKeys(deps), cookies.read(c, cookies.session));
    if (!claim) return toAdminSignIn(c);
    if (claim.role !== "admin") return forbidden(c);
    const email = await admitAdminClaim(deps, claim);
    c.set("admin" as never, { email } satisfies AdminViewer as never);
    await next();
  };
}

/** The signed-in admin of this request (after `requireAdmin`). */
export function adminOf(c: Context): AdminViewer {
  const admin = c.get("admin" as never) as AdminViewer | undefined;
  if (!admin) throw new Error("requireAdmin did not run");
  return admin;
}

/** The signed-in admin as the domain services know callers: the same rules as an admin token. */
export const adminPrincipalOf = (c: Context): Principal => ({
  role: "admin",
  subject: `web:${adminOf(c).email}`,
});
