import { newSecret } from "@coachflow/core/web-auth/secrets";
import { issueLink } from "@coachflow/core/web-auth/sign-in";
import { workspaceUrls } from "@coachflow/core/workspace/urls";
import { adminSignInDeps } from "@coachflow/functions/admin/sign-in-deps";
import type { AppDeps } from "@coachflow/functions/composition";
import { webCookies } from "@coachflow/functions/web/cookies";
import { LINK_MINUTES, signInDepsOf } from "@coachflow/functions/web/sign-in-deps";
import type { Hono } from "hono";

/** The path `npm start` prints: opening it signs the demo coach in (local stack only). */
export const DEMO_SIGN_IN_PATH = "/_local/sign-in";
/** The same for the admin console, as the first address of ADMIN_EMAILS. */
export const DEMO_ADMIN_SIGN_IN_PATH = "/_local/admin-sign-in";

/**
 * Local stack only (never in a Lambda): `GET /_local/sign-in` issues a fresh sign-in link for the
 * demo coach, bound to the browser that opened it, emails it (the mail viewer shows it), and
 * opens the link's page, where "Sign in" does the rest. The same link and button as by email:
 * the printed address never expires, each link it makes does, after 15 minutes.
 */
export function demoSignInRoute(
  app: Hono,
  deps: AppDeps,
  coach: { id: string; email: string; name: string },
) {
  const cookies = webCookies(deps.config.publicBaseUrl);
  app.get(DEMO_SIGN_IN_PATH, async (c) => {
    const binding = newSecret();
    const token = await issueLink(await signInDepsOf(deps), coach, { binding }, deps.wallClock.now());
    cookies.write(c, cookies.binding, binding, LINK_MINUTES * 60);
    return c.redirect(new URL(workspaceUrls.signInLink(deps.config.publicBaseUrl, token)).pathname, 303);
  });
}

/**
 * Local stack only: `GET /_local/admin-sign-in` does the same for the first address of
 * `ADMIN_EMAILS` (the local default is printed by `npm start`), into the admin console.
 */
export function demoAdminSignInRoute(app: Hono, deps: AppDeps, email: string) {
  const cookies = webCookies(deps.config.publicBaseUrl);
  app.get(DEMO_ADMIN_SIGN_IN_PATH, async (c) => {
    const binding = newSecret();
    const person = { id: email, email, name: email };
    const token = await issueLink(await adminSignInDeps(deps), person, { binding }, deps.wallClock.now());
    cookies.write(c, cookies.binding, binding, LINK_MINUTES * 60);
    return c.redirect(`/admin/sign-in/${token}`, 303);
  });
}
