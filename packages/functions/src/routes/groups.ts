import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";

/** What a route module exports: it registers its routes on `app` and describes them in `docs`. */
export type RegisterRoutes = (app: Hono, deps: AppDeps, docs: OpenApiRegistry) => void;

/**
 * A set of routes that is loaded together, on the first request for one of them: the module, the
 * domain code behind it and the schemas it validates with. A cold start then loads only the group
 * its request needs (a webhook delivery does not compile the intake form, the matching or the
 * follow-ups). The groups: the intake (form, API, matching), the booking webhooks, the program's
 * own routes, the coach workspace's session pages and its other pages (issue 9's merge fix made
 * one group of both outgrow the cold-load target), sign-in to it and to the admin console
 * (decisions 0028, 0033), the settings and the admin console's pages. Finer groups share code,
 * and esbuild gives each piece of code that several groups share a chunk file of its own (eight
 * groups once meant 37 files and 9 KB more in all): a group is split only where a cold load needs it.
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
      // The admin console's replay of a delivery runs this group's code (decision 0033).
      "/admin/deliveries/:id/replay",
      // And its decisions on the unverified bookings of a client's page (decision 0036).
      "/admin/clients/:id/unverified/*",
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
    ],
    load: () => import("./program").then((m) => m.programRoutes),
  },
  {
    // The signed links clients open from emails (routes/link-group.ts).
    name: "links",
    paths: ["/l/*"],
    load: () => import("./link-group").then((m) => m.linkGroupRoutes),
  },
  {
    // Signing in and out of the coach workspace and the admin console, and their stylesheets
    // (web/sign-in-group.tsx, decision 0033). Before those two groups: its paths are inside theirs.
    name: "sign-in",
    paths: [
      "/app/sign-in",
      "/app/sign-in/*",
      "/app/sign-out",
      "/app/assets/*",
      "/admin/sign-in/*",
      "/admin/sign-out",
      "/admin/assets/*",
    ],
    load: () => import("../web/sign-in-group").then((m) => m.signInGroupRoutes),
  },
  {
    // The coach workspace's session pages (web/session-pages.tsx): before the workspace's `/app/*`.
    name: "workspace sessions",
    paths: ["/app/sessions/*"],
    load: () => import("../web/session-pages").then((m) => m.sessionPageRoutes),
  },
  {
    // The coach workspace: home and the client pages (web/routes.tsx).
    name: "workspace",
    paths: ["/app", "/app/*"],
    load: () => import("../web/routes").then((m) => m.workspaceRoutes),
  },
  {
    // The program settings' API and their editor in the console (admin/settings-group.tsx).
    name: "settings",
    // "/x/*" covers "/x" too (Hono).
    paths: ["/v1/program", "/admin/settings/*", "/admin/coaches/*"],
    load: () => import("../admin/settings-group").then((m) => m.settingsGroup),
  },
  {
    // A client's export and erasure in the console (admin/client-data-group.tsx): before the
    // client pages' `/admin/clients/*`.
    name: "admin client data",
    paths: ["/admin/clients/:id/export", "/admin/clients/:id/erase"],
    load: () => import("../admin/client-data-group").then((m) => m.clientDataRoutes),
  },
  {
    // The console's client pages (admin/clients-group.ts): before the console's `/admin/*`.
    name: "admin clients",
    paths: ["/admin/clients", "/admin/clients/*"],
    load: () => import("../admin/clients-group").then((m) => m.adminClientRoutes),
  },
  {
    // The program admin's console: dashboard, deliveries, unfinished meetings, unverified bookings
    // (admin/routes.tsx).
    name: "admin",
    paths: ["/admin/*"],
    load: () => import("../admin/admin-group").then((m) => m.adminRoutes),
  },
];
