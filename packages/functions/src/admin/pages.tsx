import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { dashboardRoutes } from "./dashboard-page";
import { deliveryPageRoutes } from "./delivery-pages";
import { unfinishedRoutes } from "./unfinished-page";
import { unverifiedListRoutes } from "./unverified-page";

/**
 * The console's own pages: the dashboard, the deliveries, the unfinished meetings and the
 * unverified bookings (the clients' pages are a group of their own: clients-group.ts).
 */
export function adminPageRoutes(app: Hono, deps: AppDeps) {
  dashboardRoutes(app, deps);
  deliveryPageRoutes(app, deps);
  unfinishedRoutes(app, deps);
  unverifiedListRoutes(app, deps);
}
