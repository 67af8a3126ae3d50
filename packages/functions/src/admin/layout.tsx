import type { Child } from "hono/jsx";

/*
 * A stand-in: the admin sign-in branch writes the real layout of the console with this
 * signature, and theirs replaces this file at the merge.
 */

type Section = "dashboard" | "clients" | "coaches" | "deliveries" | "settings";

const NAV: [Section, string, string][] = [
  ["dashboard", "/admin", "Dashboard"],
  ["clients", "/admin/clients", "Clients"],
  ["coaches", "/admin/coaches", "Coaches"],
  ["deliveries", "/admin/deliveries", "Deliveries"],
  ["settings", "/admin/settings", "Settings"],
];

/** The admin console's page: skip link, navigation, sign out, one `main` whose `h1` is the title. */
export function AdminLayout(props: { title: string; current?: Section; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Program admin`}</title>
        <link rel="stylesheet" href="/app/assets/app.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to main content
        </a>
        <header class="top">
          <a href="/admin">Program admin</a>
          <nav aria-label="Admin">
            {NAV.map(([key, href, label]) => (
              <>
                {" "}
                <a href={href} {...(props.current === key ? { "aria-current": "page" } : {})}>
                  {label}
                </a>
              </>
            ))}
          </nav>
          <form method="post" action="/admin/sign-out">
            <button type="submit">Sign out</button>
          </form>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}
