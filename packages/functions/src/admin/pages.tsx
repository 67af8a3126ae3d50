import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { clientPageRoutes } from "./client-pages";
import { dashboardRoutes } from "./dashboard-page";
import { unfinishedRoutes } from "./unfinished-page";

/** The console's own pages: dashboard, clients, unfinished meetings. */
export function adminPageRoutes(app: Hono, deps: AppDeps) {
  dashboardRoutes(app, deps);
  clientPageRoutes(app, deps);
  unfinishedRoutes(app, deps);
}
