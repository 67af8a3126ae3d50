import { AppError } from "@coachflow/core/errors";
import { readClaim } from "@coachflow/core/web-auth/session-claim";
import { replayDelivery } from "@coachflow/core/webhooks/receive";
import type { Context, Hono } from "hono";
import { csrf } from "hono/csrf";
import type { AppDeps } from "../composition";
import { webCookies } from "../web/cookies";
import { webhookDeps } from "../webhook-deps";
import { admitAdminClaim } from "./admit";

/**
 * The console's replay of a webhook delivery (`POST /admin/deliveries/{id}/replay`), served by the
 * webhooks' route group (routes/webhooks.ts), whose booking code it runs: the console's pages do
 * not load that code, and no group of its own splits shared code into more chunks (each costs every
 * cold start that loads it bytes of glue; decision 0033). It renders nothing: the same checks as
 * every console page (`hono/csrf`; an admin's live session for an address of
 * `ADMIN_EMAILS`), then back to the delivery's page, which shows the outcome, or answers a coach's
 * session with its 403 page.
 */
export function adminReplayRoute(app: Hono, deps: AppDeps) {
  const cookies = webCookies(deps.config.publicBaseUrl);
  const origin = new URL(deps.config.publicBaseUrl).origin;
  // `hono/csrf` as on every console page (with `Referrer-Policy: no-referrer` the browser sends
  // `Origin: null`, and the check reads `Sec-Fetch-Site`); refused, it answers 403 with nothing done.
  app.post("/admin/deliveries/:id/replay", csrf({ origin }), async (c) => {
    const id = c.req.param("id");
    const page = `/admin/deliveries/${encodeURIComponent(id)}`;
    const { linkSecret: secret, linkSecretPrevious: previous } = deps.config;
    const claim = readClaim({ secret, previous }, cookies.read(c, cookies.session));
    if (!claim) return back(c, "/admin/sign-in");
    // A coach's session: the delivery's page answers it with the console's 403.
    if (claim.role !== "admin") return back(c, page);
    try {
      await admitAdminClaim(deps, claim);
    } catch (error) {
      if (error instanceof AppError && error.code === "unauthorized") return back(c, "/admin/sign-in");
      throw error;
    }
    try {
      await replayDelivery(webhookDeps(deps).receive, id);
    } catch (error) {
      // The delivery's page says it is not there.
      if (error instanceof AppError && error.code === "not_found") return back(c, page);
      throw error;
    }
    return back(c, `${page}?replayed=1`);
  });
}

function back(c: Context, to: string) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  return c.redirect(to, 303);
}
