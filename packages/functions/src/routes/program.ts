import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { clientRoutes } from "./clients";
import { coachRoutes } from "./coaches";
import { followupRoutes } from "./followups";
import { privacyRoutes } from "./privacy";
import { sessionRoutes } from "./sessions";
import { tokenRoutes } from "./tokens";

/**
 * The program's own routes: those its people use with a bearer token (admins and coaches: the
 * coach catalog, clients and their matches, sessions, follow-ups and action items, coach tokens).
 * One route group: they share most of their domain code, and one chunk costs less than six that
 * overlap (each piece of code several groups share would otherwise be a chunk file of its own).
 * The signed links clients open from emails (`/l/*`) are a group of their own (routes/link-group.ts).
 */
export function programRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  coachRoutes(app, deps, docs);
  clientRoutes(app, deps, docs);
  privacyRoutes(app, deps, docs);
  sessionRoutes(app, deps, docs);
  followupRoutes(app, deps, docs);
  tokenRoutes(app, deps, docs);
}
