import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { webCookies } from "../web/cookies";
import { pageGuards } from "../web/page-guards";
import { AdminNotFoundPage, AdminProblemPage, adminErrorPage, forbiddenPage } from "./error-pages";
import { requireAdmin } from "./viewer";

/**
 * What every console page gets, in each of the console's route groups (routes/groups.ts: the
 * dashboard's, admin/routes.tsx; the client pages', admin/clients-group.ts; a client's export and
 * erasure, admin/client-data-group.tsx; the settings' and coaches', admin/settings-group.tsx; one
 * group would load far over the 450 kB pin at a cold start): the page guards, the admin's
 * session, and errors as pages.
 */
export function adminBase(app: Hono, deps: AppDeps) {
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

  app.notFound((c) => c.html(<AdminNotFoundPage />, 404));
  app.onError((error, c) => adminErrorPage(c, error, deps));
}
