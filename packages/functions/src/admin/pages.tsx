import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { dashboardRoutes } from "./dashboard-page";
import { deliveryPageRoutes } from "./delivery-pages";
import { unfinishedRoutes } from "./unfinished-page";

/** The console's own pages: dashboard, deliveries, unfinished meetings (the clients: clients-group.ts). */
export function adminPageRoutes(app: Hono, deps: AppDeps) {
  dashboardRoutes(app, deps);
  deliveryPageRoutes(app, deps);
  unfinishedRoutes(app, deps);
}
