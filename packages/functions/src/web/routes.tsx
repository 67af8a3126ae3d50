import { AppError, RateLimitedError } from "@coachflow/core/errors";
import { coachHome } from "@coachflow/core/workspace/home";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { APP_CSS } from "./assets";
import { clientRoutes } from "./client-routes";
import { webCookies } from "./cookies";
import { MAX_FORM_BYTES, MalformedFormError } from "./forms";
import { NotFoundPage, ProblemPage } from "./pages/errors-page";
import { HomePage } from "./pages/home";
import { TooManyRequestsPage } from "./pages/sign-in";
import { sessionRoutes } from "./session-routes";
import { signInRoutes } from "./sign-in-routes";
import { requireViewer, viewerOf } from "./viewer";

/**
 * The coach workspace (`/app`): server-rendered pages on the same domain services as the JSON
 * API. Every response carries the security headers and a CSP with no script at all; every POST
 * must come from this origin (`hono/csrf`, on top of SameSite=Lax cookies); every page but the
 * sign-in ones needs a web session. A route group of its own (routes/groups.ts), loaded on the
 * first `/app` request.
 */
export function workspaceRoutes(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  const cookies = webCookies(deps.config.publicBaseUrl);
  const origin = new URL(deps.config.publicBaseUrl).origin;

  app.use(
    "/app/*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: "no-referrer",
      ...(cookies.secure ? {} : { strictTransportSecurity: false }),
    }),
  );
  app.use("/app/*", async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.header("Cache-Control", "no-store");
  });
  app.use("/app/*", csrf({ origin }));
  app.use(
    "/app/*",
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) =>
        c.html(
          <ProblemPage title="That was too much text" text="Please shorten what you typed and try again." />,
          413,
        ),
    }),
  );

  app.get("/app/assets/app.css", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(APP_CSS, 200, { "content-type": "text/css; charset=utf-8" });
  });

  signInRoutes(app, deps, cookies);

  const signedIn = requireViewer(deps, cookies);
  app.use("/app", signedIn);
  app.use("/app/sessions/*", signedIn);
  app.use("/app/clients/*", signedIn);

  app.get("/app", async (c) => {
    const { workspace } = await deps.web();
    const home = await coachHome(deps.bookings, workspace, viewerOf(c).coachId);
    // Deactivation ends every web session; this catches one that raced it.
    if (!home.coach.active) return c.redirect("/app/sign-in", 303);
    return c.html(<HomePage viewer={viewerOf(c)} home={home} />);
  });
  sessionRoutes(app, deps);
  clientRoutes(app, deps);

  app.notFound((c) => c.html(<NotFoundPage {...viewerProp(c)} />, 404));
  app.onError((error, c) => errorPage(c, error, deps));
}

const viewerProp = (c: Context) => {
  const viewer = c.get("viewer" as never) as ReturnType<typeof viewerOf> | undefined;
  return viewer ? { viewer } : {};
};

/** Errors as pages, with the status the JSON API would answer; details stay in the log. */
function errorPage(c: Context, error: Error, deps: AppDeps) {
  const v = viewerProp(c);
  if (error instanceof RateLimitedError) {
    c.header("Retry-After", String(error.retryAfterSeconds));
    return c.html(<TooManyRequestsPage retryAfterSeconds={error.retryAfterSeconds} />, 429);
  }
  if (error instanceof MalformedFormError)
    return c.html(
      <ProblemPage
        {...v}
        title="This form could not be read"
        text="Please go back, reload the page and try again."
      />,
      400,
    );
  if (error instanceof HTTPException && error.status === 403)
    return c.html(
      <ProblemPage
        {...v}
        title="This form came from another site"
        text="For your safety, forms are accepted only from this workspace's own pages. Nothing was changed."
      />,
      403,
    );
  if (error instanceof AppError) {
    switch (error.code) {
      case "not_found":
        return c.html(<NotFoundPage {...v} />, 404);
      case "conflict":
        return c.html(<ProblemPage {...v} title="This cannot be done now" text={`${error.message}.`} />, 409);
      case "unavailable":
        return c.html(
          <ProblemPage
            {...v}
            title="Something did not go through"
            text="The email could not be sent right now. It has been logged; please try again in a few minutes."
          />,
          503,
        );
      case "payload_too_large":
        return c.html(
          <ProblemPage
            {...v}
            title="That was too much text"
            text="Please shorten what you typed and try again."
          />,
          413,
        );
      default:
        return c.html(<ProblemPage {...v} title="This could not be done" text={`${error.message}.`} />, 400);
    }
  }
  deps.logger.error("unexpected error", {
    requestId: c.get("requestId" as never),
    path: c.req.routePath,
    errorName: error.name,
    stack: error.stack?.split("\n").slice(1, 6).join(" | "),
  });
  return c.html(
    <ProblemPage
      {...v}
      title="Sorry, something went wrong"
      text="Please try again. If it keeps happening, tell the program team."
    />,
    500,
  );
}
