import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";

/** What a route module exports: it registers its routes on `app` and describes them in `docs`. */
export type RegisterRoutes = (app: Hono, deps: AppDeps, docs: OpenApiRegistry) => void;

/**
 * A set of routes that is loaded together, on the first request for one of them: the module, the
 * domain code behind it and the schemas it validates with. A cold start then loads only the group
 * its request needs (a webhook delivery does not compile the intake form, the matching or the
 * follow-ups). Five groups: the intake (form, API, matching), the booking webhooks, the program's
 * own routes, and the coach workspace's pages and its sign-in (decision 0028). Finer groups would
 * share code, and esbuild gives each piece of code that several groups share a chunk file of its
 * own: eight groups meant 37 files and 9 KB more.
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
    // First: a coach's webhook URL and key (`/v1/coaches/{id}/webhook`) are its, not the program
    // group's `/v1/coaches/*`, and the first group whose pattern matches answers.
    name: "webhooks",
    paths: [
      "/v1/webhooks/*",
      "/v1/webhook-deliveries",
      "/v1/webhook-deliveries/*",
      "/v1/coaches/:id/webhook",
      "/v1/coaches/:id/webhook/*",
      // With the admin's unverified bookings (decision 0030): what booking processing set aside.
      "/v1/unverified-bookings",
      "/v1/unverified-bookings/*",
    ],
    load: () => import("./webhooks").then((m) => m.webhookRoutes),
  },
  {
    name: "intake",
    paths: ["/intake", "/intake/*", "/v1/intake"],
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
    // The coach workspace's sign-in by emailed link, and its stylesheet (web/sign-in-group.tsx).
    // Before the pages' group: its paths are inside theirs, and the first match answers.
    name: "sign-in",
    paths: ["/app/sign-in", "/app/sign-in/*", "/app/sign-out", "/app/assets/*"],
    load: () => import("../web/sign-in-group").then((m) => m.signInGroupRoutes),
  },
  {
    // The coach workspace's pages, server-rendered (web/routes.tsx), and its 404 page.
    name: "workspace",
    paths: ["/app", "/app/*"],
    load: () => import("../web/routes").then((m) => m.workspaceRoutes),
  },
];
