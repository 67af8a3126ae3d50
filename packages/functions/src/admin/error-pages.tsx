import { AppError } from "@coachflow/core/errors";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "../composition";
import { MalformedFormError } from "../web/forms";
import { AdminLayout } from "./layout";
import { toAdminSignIn } from "./viewer";

export function AdminProblemPage(props: { title: string; text: string; back?: string }) {
  return (
    <AdminLayout title={props.title}>
      <p>{props.text}</p>
      <p>
        <a href={props.back ?? "/admin"}>Go back</a>
      </p>
    </AdminLayout>
  );
}

export const AdminNotFoundPage = () => (
  <AdminProblemPage
    title="Page not found"
    text="There is nothing here. It may have been erased or never existed."
  />
);

/** 403 for a coach's workspace session: the console is for the program's admins only. */
export function forbiddenPage(c: Context) {
  return c.html(
    <AdminProblemPage
      title="This page is for the program's admins"
      text="You are signed in to the coach workspace. The admin console is open only to the addresses the program lists as its admins."
      back="/app"
    />,
    403,
  );
}

/** Errors as pages, with the status the JSON API would answer; details stay in the log. */
export function adminErrorPage(c: Context, error: Error, deps: AppDeps) {
  if (error instanceof MalformedFormError)
    return c.html(
      <AdminProblemPage
        title="This form could not be read"
        text="Please go back, reload the page and try again."
      />,
      400,
    );
  if (error instanceof HTTPException && error.status === 403)
    return c.html(
      <AdminProblemPage
        title="This form came from another site"
        text="For your safety, forms are accepted only from the console's own pages. Nothing was changed."
      />,
      403,
    );
  if (error instanceof AppError) {
    switch (error.code) {
      // No live admin session (or the address left ADMIN_EMAILS), found by requireAdmin.
      case "unauthorized":
        return toAdminSignIn(c);
      case "not_found":
        return c.html(<AdminNotFoundPage />, 404);
      case "conflict":
        return c.html(<AdminProblemPage title="This cannot be done now" text={`${error.message}.`} />, 409);
      case "unavailable":
        return c.html(
          <AdminProblemPage
            title="Something did not go through"
            text="A service the program uses did not answer. It has been logged; please try again in a few minutes."
          />,
          503,
        );
      default:
        return c.html(<AdminProblemPage title="This could not be done" text={`${error.message}.`} />, 400);
    }
  }
  deps.logger.error("unexpected error", {
    requestId: c.get("requestId" as never),
    path: c.req.routePath,
    errorName: error.name,
    stack: error.stack?.split("\n").slice(1, 6).join(" | "),
  });
  return c.html(
    <AdminProblemPage
      title="Sorry, something went wrong"
      text="Please try again. If it keeps happening, look for this request in the logs."
    />,
    500,
  );
}
