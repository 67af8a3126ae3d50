import type { Principal } from "@coachflow/core/access/principal";
import type { WebViewer } from "@coachflow/core/web-auth/model";
import { resolveWebSession } from "@coachflow/core/web-auth/web-sessions";
import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps } from "../composition";
import type { WebCookies } from "./cookies";

/**
 * Pages need a signed-in coach: the web session cookie, looked up (hashed) in the table and
 * checked against the wall clock. Without one, a GET is sent to the sign-in page with the page it
 * asked for as `next`; anything else to the sign-in page alone.
 */
export function requireViewer(deps: AppDeps, cookies: WebCookies): MiddlewareHandler {
  return async (c, next) => {
    const { auth } = await deps.web();
    const viewer = await resolveWebSession(
      { store: auth, wallClock: deps.wallClock },
      cookies.read(c, cookies.session),
    );
    // An admin's session opens no workspace page (decision 0033): as if not signed in as a coach.
    if (viewer?.role !== "coach") {
      const url = new URL(c.req.url);
      const back = c.req.method === "GET" ? `?next=${encodeURIComponent(url.pathname + url.search)}` : "";
      return c.redirect(`/app/sign-in${back}`, 303);
    }
    c.set("viewer" as never, viewer as never);
    await next();
  };
}

export function viewerOf(c: Context): WebViewer {
  const viewer = c.get("viewer" as never) as WebViewer | undefined;
  if (!viewer) throw new Error("requireViewer did not run");
  return viewer;
}

/** The signed-in coach as the domain services know callers: the same rules as the bearer-token API. */
export const principalOf = (c: Context): Principal => ({ role: "coach", coachId: viewerOf(c).coachId });
