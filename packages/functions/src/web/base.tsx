import { AppError } from "@coachflow/core/errors";
import type { WebViewer } from "@coachflow/core/web-auth/model";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "../composition";
import { type WebCookies, webCookies } from "./cookies";
import { MAX_FORM_BYTES, MalformedFormError } from "./forms";
import { NotFoundPage, ProblemPage } from "./pages/errors-page";
import { toSignIn } from "./viewer";

/**
 * What every response of the coach workspace's two route groups (the pages, web/routes.tsx; and
 * sign-in, web/sign-in-group.tsx) goes through: the security headers and a CSP with no script at
 * all, `no-store`, `hono/csrf` on every POST (on top of SameSite=Lax cookies), a body limit, and
 * errors as pages. Answers the workspace's cookies.
 */
export function workspaceBase(app: Hono, deps: AppDeps): WebCookies {
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

  app.notFound((c) => c.html(<NotFoundPage {...viewerProp(c)} />, 404));
  app.onError((error, c) => errorPage(c, error, deps));
  return cookies;
}

const viewerProp = (c: Context) => {
  const viewer = c.get("viewer" as never) as WebViewer | undefined;
  return viewer ? { viewer } : {};
};

/** Errors as pages, with the status the JSON API would answer; details stay in the log. */
function errorPage(c: Context, error: Error, deps: AppDeps) {
  const v = viewerProp(c);
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
      // No live session (or a deactivated coach), found with the page's first read.
      case "unauthorized":
        return toSignIn(c);
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
