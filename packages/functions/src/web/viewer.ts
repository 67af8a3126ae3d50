import type { Principal } from "@coachflow/core/access/principal";
import type { WebViewer } from "@coachflow/core/web-auth/model";
import {
  admit,
  type ClaimKeys,
  readClaim,
  type SessionClaim,
  type ViewerGate,
} from "@coachflow/core/web-auth/session-claim";
import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps } from "../composition";
import type { WebCookies } from "./cookies";

/** The keys that sign session cookies (decision 0028): the link signing secret, as rotated. */
export const claimKeys = (deps: AppDeps): ClaimKeys => ({
  secret: deps.config.linkSecret,
  previous: deps.config.linkSecretPrevious,
});

/** The sign-in page, with the page asked for as `next` when it was a GET. */
export function toSignIn(c: Context) {
  const url = new URL(c.req.url);
  const back = c.req.method === "GET" ? `?next=${encodeURIComponent(url.pathname + url.search)}` : "";
  return c.redirect(`/app/sign-in${back}`, 303);
}

/**
 * Pages need a session cookie this app signed; without one the visitor goes to the sign-in page,
 * and nothing is read. With one, the page reads the stored session with its own first items and
 * admits the viewer through `gateOf` (an `unauthorized` AppError sends them to sign in as well).
 */
export function requireClaim(deps: AppDeps, cookies: WebCookies): MiddlewareHandler {
  return async (c, next) => {
    const claim = readClaim(claimKeys(deps), cookies.read(c, cookies.session));
    // An admin's session opens no workspace page (decision 0033): as if not signed in as a coach.
    if (!claim || claim.role) return toSignIn(c);
    c.set("claim" as never, claim as never);
    await next();
  };
}

/** This request's viewer gate; `admit` also keeps the viewer for the page's header and errors. */
export async function gateOf(
  c: Context,
  deps: AppDeps,
  claim = c.get("claim" as never) as SessionClaim,
): Promise<ViewerGate> {
  const { auth } = await deps.web();
  return {
    claim,
    admit: async (found) => {
      const viewer = await admit({ store: auth, wallClock: deps.wallClock }, claim, found);
      c.set("viewer" as never, viewer as never);
      return viewer;
    },
  };
}

/** For a route that reads nothing else first: the viewer, from the web session and coach (one call). */
export async function signedIn(c: Context, deps: AppDeps, claim?: SessionClaim): Promise<WebViewer> {
  const gate = await gateOf(c, deps, claim);
  const { workspace } = await deps.web();
  return gate.admit(await workspace.firstReads(gate.claim, {}));
}

export function viewerOf(c: Context): WebViewer {
  const viewer = c.get("viewer" as never) as WebViewer | undefined;
  if (!viewer) throw new Error("no viewer admitted");
  return viewer;
}

/** The signed-in coach as the domain services know callers: the same rules as the bearer-token API. */
export const principalOf = (c: Context): Principal => ({ role: "coach", coachId: viewerOf(c).coachId });
