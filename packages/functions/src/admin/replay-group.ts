import { AppError } from "@coachflow/core/errors";
import { replayDelivery } from "@coachflow/core/webhooks/receive";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import { webhookDeps } from "../webhook-deps";
import { adminAction } from "./admin-action";

const pageOf = (c: Context) => `/admin/deliveries/${encodeURIComponent(c.req.param("id") ?? "")}`;

/**
 * The console's replay of a webhook delivery (`POST /admin/deliveries/{id}/replay`), served by the
 * webhooks' route group (routes/webhooks.ts), whose booking code it runs: the console's pages do
 * not load that code, and no group of its own splits shared code into more chunks (each costs every
 * cold start that loads it bytes of glue; decision 0033). It renders nothing (`adminAction`): back
 * to the delivery's page, which shows the outcome, or says the delivery is not there.
 */
export function adminReplayRoute(app: Hono, deps: AppDeps) {
  adminAction(app, deps, "/admin/deliveries/:id/replay", pageOf, async (c) => {
    try {
      await replayDelivery(webhookDeps(deps).receive, c.req.param("id") ?? "");
    } catch (error) {
      // The delivery's page says it is not there.
      if (error instanceof AppError && error.code === "not_found") return pageOf(c);
      throw error;
    }
    return `${pageOf(c)}?replayed=1`;
  });
}
