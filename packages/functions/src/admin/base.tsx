import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { webCookies } from "../web/cookies";
import { pageGuards } from "../web/page-guards";
import { AdminNotFoundPage, AdminProblemPage, adminErrorPage, forbiddenPage } from "./error-pages";
import { requireAdmin } from "./viewer";

/**
 * What every console page gets, in each of the console's three route groups (the pages here, the
 * coaches', admin/coaches-group.ts, and the settings', admin/settings-group.ts: one group would
 * load 490 kB at a cold start, over the 450 kB pin): the page guards, the admin's session, and
 * errors as pages.
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
