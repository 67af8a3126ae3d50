import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { adminBase } from "./base";
import { clientPageRoutes } from "./client-pages";

/**
 * The console's client pages (`/admin/clients`, `/admin/clients/{id}`: the list, a profile, its
 * override and rematch; the export and erasure are admin/client-data-group.tsx) as a route group
 * of their own (routes/groups.ts), so that neither
 * they nor the dashboard and deliveries (admin/routes.tsx) load the other's code on a cold start.
 * Same guards and sign-in as every console page (admin/base.tsx).
 */
export function adminClientRoutes(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  adminBase(app, deps);
  clientPageRoutes(app, deps);
}
