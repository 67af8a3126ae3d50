import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { AdminLayout } from "./layout";

/**
 * Placeholder: the coach pages (`/admin/coaches*`: load against capacity, create, edit,
 * deactivate, the per-coach webhook) are built in parallel in this file, to the same contract:
 * registered after `adminRoutes` installed its middleware (signed-in admin, CSRF, headers).
 */
export function adminCoachRoutes(app: Hono, _deps: AppDeps) {
  app.get("/admin/coaches", (c) =>
    c.html(
      <AdminLayout title="Coaches" current="coaches">
        <p>The coach pages are coming. Until then, manage coaches with the API (`/v1/coaches`).</p>
      </AdminLayout>,
    ),
  );
}
