import { AppError } from "@coachflow/core/errors";
import type { WebViewer } from "@coachflow/core/web-auth/model";
import type { Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "../composition";
import { type WebCookies, webCookies } from "./cookies";
import { MalformedFormError } from "./forms";
import { pageGuards } from "./page-guards";
import { NotFoundPage, ProblemPage } from "./pages/errors-page";
import { toSignIn } from "./viewer";

/**
 * What every response of the coach workspace's pages (web/routes.tsx) goes through: the page
 * guards (web/page-guards.ts: security headers and a CSP with no script at all, `no-store`,
 * `hono/csrf` on every POST on top of SameSite=Lax cookies, a body limit), and errors as pages.
 * Sign-in (web/sign-in-group.tsx) has the same guards. Answers the workspace's cookies.
 */
export function workspaceBase(app: Hono, deps: AppDeps): WebCookies {
  const cookies = webCookies(deps.config.publicBaseUrl);
  pageGuards(app, "/app", {
    cookies,
    publicBaseUrl: deps.config.publicBaseUrl,
    tooLarge: (c) =>
      c.html(
        <ProblemPage title="That was too much text" text="Please shorten what you typed and try again." />,
        413,
      ),
  });

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
