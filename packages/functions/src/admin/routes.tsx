import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { webCookies } from "../web/cookies";
import { pageGuards } from "../web/page-guards";
import { adminCoachRoutes } from "./coach-pages";
import { AdminNotFoundPage, AdminProblemPage, adminErrorPage, forbiddenPage } from "./error-pages";
import { adminPageRoutes } from "./pages";
import { adminSettingsRoutes } from "./settings-pages";
import { requireAdmin } from "./viewer";

/**
 * The program admin's console (`/admin`, issue 13): server-rendered pages on the same domain
 * services as the JSON API, in a route group of its own (routes/groups.ts), loaded on the first
 * `/admin` request. The same standards as the coach workspace (web/routes.tsx): security headers
 * and a CSP with no script, `hono/csrf` on every POST, a body limit, `no-store`, and every page
 * but the sign-in ones behind an admin's web session (decision 0033).
 */
export function adminRoutes(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  const cookies = webCookies(deps.config.publicBaseUrl);
  pageGuards(app, "/admin", {
    cookies,
    publicBaseUrl: deps.config.publicBaseUrl,
    tooLarge: (c) =>
      c.html(
        <AdminProblemPage
          title="That was too much text"
          text="Please shorten what you typed and try again."
        />,
        413,
      ),
  });

  // The sign-in pages and the stylesheet are in the sign-in route group (web/sign-in-group.tsx).

  const signedIn = requireAdmin(deps, cookies, forbiddenPage);
  // "/admin/*" covers "/admin" too (one session read a request).
  app.use("/admin/*", signedIn);

  adminPageRoutes(app, deps);
  adminCoachRoutes(app, deps);
  adminSettingsRoutes(app, deps);

  app.notFound((c) => c.html(<AdminNotFoundPage />, 404));
  app.onError((error, c) => adminErrorPage(c, error, deps));
}
