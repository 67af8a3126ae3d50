import { RateLimitedError } from "@coachflow/core/errors";
import type { Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { ADMIN_CSS } from "../admin/assets";
import { ADMIN_AREA } from "../admin/sign-in";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { APP_CSS } from "./assets";
import { COACH_AREA } from "./coach-area";
import { webCookies } from "./cookies";
import { MalformedFormError } from "./forms";
import { pageGuards } from "./page-guards";
import { TooManyRequestsPage } from "./pages/sign-in";
import type { SignInArea } from "./sign-in-area";
import { signInRoutes } from "./sign-in-routes";

/**
 * Signing in and out of the coach workspace and of the admin console, and their stylesheets: a
 * route group of its own (routes/groups.ts, decision 0033). A sign-in request then loads neither
 * area's pages, and neither area's pages load the sign-in flow.
 */
export function signInGroupRoutes(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  const cookies = webCookies(deps.config.publicBaseUrl);
  const areas: [SignInArea, string, string][] = [
    [COACH_AREA, "/app/assets/app.css", APP_CSS],
    [ADMIN_AREA, "/admin/assets/admin.css", ADMIN_CSS],
  ];
  for (const [area, cssPath, css] of areas) {
    pageGuards(app, area.base, {
      cookies,
      publicBaseUrl: deps.config.publicBaseUrl,
      tooLarge: (c) =>
        problem(c, area, 413, "That was too much text", "Please shorten what you typed and try again."),
    });
    app.get(cssPath, (c) => {
      c.header("Cache-Control", "public, max-age=3600");
      return c.body(css, 200, { "content-type": "text/css; charset=utf-8" });
    });
    signInRoutes(app, deps, cookies, area);
  }
  const areaOf = (c: Context) => (c.req.path.startsWith("/admin") ? ADMIN_AREA : COACH_AREA);
  app.notFound((c) => problem(c, areaOf(c), 404, "Page not found", "There is nothing at this address."));
  app.onError((error, c) => {
    const area = areaOf(c);
    if (error instanceof RateLimitedError) {
      c.header("Retry-After", String(error.retryAfterSeconds));
      return c.html(<TooManyRequestsPage area={area} retryAfterSeconds={error.retryAfterSeconds} />, 429);
    }
    if (error instanceof MalformedFormError)
      return problem(
        c,
        area,
        400,
        "This form could not be read",
        "Please go back, reload the page and try again.",
      );
    if (error instanceof HTTPException && error.status === 403)
      return problem(
        c,
        area,
        403,
        "This form came from another site",
        "For your safety, forms are accepted only from this site's own pages. Nothing was changed.",
      );
    deps.logger.error("unexpected error", {
      requestId: c.get("requestId" as never),
      path: c.req.routePath,
      errorName: error.name,
      stack: error.stack?.split("\n").slice(1, 6).join(" | "),
    });
    return problem(c, area, 500, "Sorry, something went wrong", "Please try again in a few minutes.");
  });
}

function problem(
  c: Context,
  area: SignInArea,
  status: 400 | 403 | 404 | 413 | 500,
  title: string,
  text: string,
) {
  const { Shell } = area;
  return c.html(
    <Shell title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={`${area.base}/sign-in`}>Go to the sign-in page</a>
      </p>
    </Shell>,
    status,
  );
}
