import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { linkRoutes } from "./links";

/**
 * The signed links clients open from their emails (`/l/{token}`: the session-7 choice, "is this
 * you?", their data): a route group of its own (routes/groups.ts), so that a client's click does
 * not load the program's bearer-token routes, and the program's cold start does not load the
 * links' pages.
 */
export function linkGroupRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  linkRoutes(app, deps, docs);
}
