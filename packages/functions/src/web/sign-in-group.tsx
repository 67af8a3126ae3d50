import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { APP_CSS } from "./assets";
import { workspaceBase } from "./base";
import { signInRoutes } from "./sign-in-routes";

/**
 * The coach workspace's way in: sign-in by emailed link and sign-out (decision 0022), and the
 * stylesheet every page asks for next. A route group of its own (routes/groups.ts), so that a
 * page's cold start loads none of it, and signing in loads none of the pages.
 */
export function signInGroupRoutes(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  const cookies = workspaceBase(app, deps);
  app.get("/app/assets/app.css", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(APP_CSS, 200, { "content-type": "text/css; charset=utf-8" });
  });
  signInRoutes(app, deps, cookies);
}
