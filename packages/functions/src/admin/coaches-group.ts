import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { adminBase } from "./base";
import { adminCoachRoutes } from "./coach-pages";

/** The console's coach pages (`/admin/coaches*`) as a route group of their own (decision 0033). */
export function adminCoachesGroup(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  adminBase(app, deps);
  adminCoachRoutes(app, deps);
}
