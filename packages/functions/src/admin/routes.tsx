import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { adminBase } from "./base";
import { adminPageRoutes } from "./pages";

/**
 * The program admin's console (`/admin`, issue 13): server-rendered pages on the same domain
 * services as the JSON API, in a route group of its own (routes/groups.ts), loaded on the first
 * `/admin` request. The same standards as the coach workspace (web/routes.tsx): security headers
 * and a CSP with no script, `hono/csrf` on every POST, a body limit, `no-store`, and every page
 * but the sign-in ones behind an admin's web session (decision 0033).
 */
export function adminRoutes(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  adminBase(app, deps);
  adminPageRoutes(app, deps);
}
