import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { workspaceBase } from "./base";
import { sessionRoutes } from "./session-routes";
import { requireClaim } from "./viewer";

/**
 * The coach workspace's session pages (`/app/sessions/*`: a session, its notes and talking
 * points, finishing it): a route group of their own (routes/groups.ts), so that a session page's
 * cold start loads neither the home page nor the client pages (web/routes.tsx), and the reverse.
 * Same guards and errors as every workspace page (web/base.tsx).
 */
export function sessionPageRoutes(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  const cookies = workspaceBase(app, deps);
  app.use("/app/sessions/*", requireClaim(deps, cookies));
  sessionRoutes(app, deps);
}
