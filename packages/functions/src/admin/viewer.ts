import type { Principal } from "@coachflow/core/access/principal";
import { resolveWebSession } from "@coachflow/core/web-auth/web-sessions";
import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps } from "../composition";
import type { WebCookies } from "../web/cookies";

/** The admin signed in to the console: their address (one of `ADMIN_EMAILS`). */
export interface AdminViewer {
  email: string;
}

/**
 * Console pages need an admin's web session (decision 0033): the session cookie, looked up
 * (hashed) in the table, of the admin role, for an address still in `ADMIN_EMAILS`. Without one
 * a GET is sent to `/admin/sign-in` with the page it asked for as `next` (anything else to the
 * sign-in page alone); a coach's workspace session gets `forbidden` (403).
 */
export function requireAdmin(
  deps: AppDeps,
  cookies: WebCookies,
  forbidden: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const { auth } = await deps.web();
    const viewer = await resolveWebSession(
      { store: auth, wallClock: deps.wallClock },
      cookies.read(c, cookies.session),
    );
    if (viewer?.role === "coach") return forbidden(c);
    if (viewer?.role !== "admin" || !deps.config.adminEmails.includes(viewer.coachId)) {
      const url = new URL(c.req.url);
      const back = c.req.method === "GET" ? `?next=${encodeURIComponent(url.pathname + url.search)}` : "";
      return c.redirect(`/admin/sign-in${back}`, 303);
    }
    c.set("admin" as never, { email: viewer.coachId } satisfies AdminViewer as never);
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
