import type { Child } from "hono/jsx";
import type { FormError } from "./form-errors";

/** The coach signed in, as the header shows them. */
export interface Viewer {
  name: string;
}

/**
 * The page shell: a skip link, the header (workspace home, who is signed in, sign out), one
 * `main`. No script: every task is a link or a form.
 */
export function Layout(props: { title: string; viewer?: Viewer; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Coach workspace`}</title>
        <link rel="stylesheet" href="/app/assets/app.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to main content
        </a>
        <header class="top">
          <a href="/app">Coach workspace</a>
          {props.viewer ? (
            <>
              <span class="who">Signed in as {props.viewer.name}</span>
              <form method="post" action="/app/sign-out">
                <button type="submit">Sign out</button>
              </form>
            </>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** GOV.UK's error summary: at the top, focusable, one link per problem to its field. */
export function ErrorSummary(props: { errors: readonly FormError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message at a field (the same words as in the summary). */
export function FieldError(props: { id: string; errors: readonly FormError[] }) {
  const mine = props.errors.filter((e) => e.field === props.id);
  if (mine.length === 0) return null;
  return (
    <span class="error-message" id={`${props.id}-error`}>
      <span class="visually-hidden">Error: </span>
      {mine.map((e) => e.message).join(". ")}
    </span>
  );
}

/** `aria-describedby` / `aria-invalid` for an input with a hint and maybe an error. */
export function describedBy(id: string, errors: readonly FormError[], hint = false) {
  const hasError = errors.some((e) => e.field === id);
  const ids = [hint ? `${id}-hint` : "", hasError ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    ...(ids ? { "aria-describedby": ids } : {}),
    ...(hasError ? { "aria-invalid": "true" } : {}),
  };
}

/** "Page title" with "Error: " in front when the form has errors (screen readers hear it first). */
export const titleWithErrors = (title: string, errors: readonly FormError[]) =>
  errors.length > 0 ? `Error: ${title}` : title;
