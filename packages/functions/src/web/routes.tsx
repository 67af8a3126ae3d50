import { coachHome } from "@coachflow/core/workspace/home";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { workspaceBase } from "./base";
import { clientRoutes } from "./client-routes";
import { HomePage } from "./pages/home";
import { gateOf, requireClaim } from "./viewer";

/**
 * The coach workspace's pages (`/app`): server-rendered, on the same domain services as the JSON
 * API, each for a signed-in coach only (web/base.tsx says what every response goes through). A
 * route group of its own (routes/groups.ts), loaded on the first request for a page: home and the
 * client pages here; the session pages are another group (web/session-pages.tsx), and so is
 * sign-in (web/sign-in-group.tsx), so a page's cold start loads neither.
 */
export function workspaceRoutes(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  const cookies = workspaceBase(app, deps);
  const claimed = requireClaim(deps, cookies);
  app.use("/app", claimed);
  app.use("/app/clients/*", claimed);

  app.get("/app", async (c) => {
    const { workspace } = await deps.web();
    const home = await coachHome(deps.bookings, workspace, await gateOf(c, deps));
    return c.html(<HomePage viewer={home.viewer} home={home} />);
  });
  clientRoutes(app, deps);
}
