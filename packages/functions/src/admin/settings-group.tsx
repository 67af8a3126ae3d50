import { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { programSettingsRoutes } from "../routes/program-settings";
import { adminBase } from "./base";
import { adminCoachRoutes } from "./coach-pages";
import { deliveryPageRoutes } from "./delivery-pages";
import { AdminNotFoundPage } from "./error-pages";
import { adminSettingsRoutes } from "./settings-pages";
import { unverifiedListRoutes } from "./unverified-page";

/**
 * The program settings: the API (`/v1/program`, JSON errors as everywhere in the API) and the
 * console's editor (`/admin/settings*`, pages behind an admin's session), one route group on the
 * same domain code (decision 0033). In the program's group, that code was split into chunks
 * shared with the editor's, and their glue put the program's cold start over its 450 kB pin.
 */
export function settingsGroup(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  programSettingsRoutes(app, deps, docs);
  const pages = new Hono();
  adminBase(pages, deps);
  adminSettingsRoutes(pages, deps);
  adminCoachRoutes(pages, deps);
  deliveryPageRoutes(pages, deps);
  unverifiedListRoutes(pages, deps);
  // The editor's routes keep its error pages; the API keeps the group's JSON errors.
  app.route("/", pages);
  app.notFound((c) =>
    c.req.path.startsWith("/admin/")
      ? c.html(<AdminNotFoundPage />, 404)
      : c.json({ error: { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` } }, 404),
  );
}
