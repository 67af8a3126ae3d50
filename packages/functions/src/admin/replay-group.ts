import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { adminBase } from "./base";

/**
 * The console's replay of a webhook delivery (`POST /admin/deliveries/{id}/replay`): a route
 * group of its own, so the booking code a replay runs is not in the console's pages, and that
 * code is the webhooks group's own chunk, loaded on first use: shared with no other group, it is
 * split into no extra chunks (each costs every group that loads it bytes of glue; decision 0033).
 */
export function adminReplayGroup(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  adminBase(app, deps);
  app.post("/admin/deliveries/:id/replay", async (c) => {
    const id = c.req.param("id");
    const { replay } = await import("../routes/webhooks");
    await replay(deps, id);
    return c.redirect(`/admin/deliveries/${encodeURIComponent(id)}?replayed=1`, 303);
  });
}
