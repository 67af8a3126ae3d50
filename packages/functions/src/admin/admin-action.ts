import { AppError } from "@coachflow/core/errors";
import { readClaim } from "@coachflow/core/web-auth/session-claim";
import type { Context, Hono } from "hono";
import { csrf } from "hono/csrf";
import type { AppDeps } from "../composition";
import { webCookies } from "../web/cookies";
import { admitAdminClaim } from "./admit";

/**
 * A console form that acts and renders nothing, served outside the console's own route group by
 * the group whose code it runs (the replay of a delivery, the decisions on unverified bookings:
 * the webhooks' group, decision 0033). The same checks as every console page: `hono/csrf` (with
 * `Referrer-Policy: no-referrer` the browser sends `Origin: null`, and the check reads
 * `Sec-Fetch-Site`; refused, it answers 403 with nothing done), then an admin's live session for an
 * address of `ADMIN_EMAILS`. Then `act`, and back (303) to the page it names; a coach's session
 * goes to `page`, which answers it with the console's 403.
 */
export function adminAction(
  app: Hono,
  deps: AppDeps,
  path: string,
  page: (c: Context) => string,
  act: (c: Context) => Promise<string>,
) {
  const cookies = webCookies(deps.config.publicBaseUrl);
  const origin = new URL(deps.config.publicBaseUrl).origin;
  app.post(path, csrf({ origin }), async (c) => {
    const { linkSecret: secret, linkSecretPrevious: previous } = deps.config;
    const claim = readClaim({ secret, previous }, cookies.read(c, cookies.session));
    if (!claim) return back(c, "/admin/sign-in");
    if (claim.role !== "admin") return back(c, page(c));
    try {
      await admitAdminClaim(deps, claim);
    } catch (error) {
      if (error instanceof AppError && error.code === "unauthorized") return back(c, "/admin/sign-in");
      throw error;
    }
    return back(c, await act(c));
  });
}

function back(c: Context, to: string) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  return c.redirect(to, 303);
}
