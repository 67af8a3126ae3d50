import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { AdminLayout } from "./layout";

/** The console's own pages: dashboard, clients, deliveries. */
export function adminPageRoutes(app: Hono, _deps: AppDeps) {
  app.get("/admin", (c) =>
    c.html(
      <AdminLayout title="Dashboard" current="dashboard">
        <p>The program at a glance.</p>
      </AdminLayout>,
    ),
  );
}
