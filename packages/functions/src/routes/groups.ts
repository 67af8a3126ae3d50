import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";

/** What a route module exports: it registers its routes on `app` and describes them in `docs`. */
export type RegisterRoutes = (app: Hono, deps: AppDeps, docs: OpenApiRegistry) => void;

/**
 * A set of routes that is loaded together, on the first request for one of them: the module, the
 * domain code behind it and the schemas it validates with. A cold start then loads only the group
 * its request needs (a webhook delivery does not compile the intake form, the matching or the
 * follow-ups). Three groups: the intake (form, API, matching), the booking webhooks, and the
 * program's own routes. Finer groups would share code, and esbuild gives each piece of code that
 * several groups share a chunk file of its own: eight groups meant 37 files and 9 KB more.
 */
export interface RouteGroup {
  readonly name: string;
  /**
   * Hono path patterns, any method, covering every route the module registers (a test checks
   * it); a request for one of them that the module does not answer gets the usual 404.
   */
  readonly paths: readonly string[];
  readonly load: () => Promise<RegisterRoutes>;
}

/** Every route but the system ones (health, OpenAPI document, docs page), which are always loaded. */
export const ROUTE_GROUPS: readonly RouteGroup[] = [
  {
    name: "intake",
    paths: ["/intake", "/v1/intake"],
    load: () => import("./intake").then((m) => m.intakeRoutes),
  },
  {
    name: "program",
    paths: [
      "/v1/coaches",
      "/v1/coaches/*",
      "/v1/clients/*",
      "/v1/me/sessions",
      "/v1/sessions/*",
      "/v1/action-items/*",
      "/v1/auth/coach-tokens",
      "/v1/program",
      "/l/*",
    ],
    load: () => import("./program").then((m) => m.programRoutes),
  },
  {
    // The coach workspace: server-rendered pages, sign-in by emailed link (web/routes.tsx).
    name: "workspace",
    paths: ["/app", "/app/*"],
    load: () => import("../web/routes").then((m) => m.workspaceRoutes),
  },
  {
    name: "webhooks",
    // With the admin's unverified bookings (decision 0030): what booking processing set aside.
    paths: [
      "/v1/webhooks/*",
      "/v1/webhook-deliveries",
      "/v1/webhook-deliveries/*",
      "/v1/unverified-bookings",
      "/v1/unverified-bookings/*",
    ],
    load: () => import("./webhooks").then((m) => m.webhookRoutes),
  },
];
