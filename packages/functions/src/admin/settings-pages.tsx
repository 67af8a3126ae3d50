import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { AdminLayout } from "./layout";

/**
 * Placeholder: the settings editor (`/admin/settings*`) is built in parallel in this file, to the
 * same contract: registered after `adminRoutes` installed its middleware.
 */
export function adminSettingsRoutes(app: Hono, _deps: AppDeps) {
  app.get("/admin/settings", (c) =>
    c.html(
      <AdminLayout title="Program settings" current="settings">
        <p>The settings editor is coming. Until then, edit the settings with the API (`/v1/program`).</p>
      </AdminLayout>,
    ),
  );
}
