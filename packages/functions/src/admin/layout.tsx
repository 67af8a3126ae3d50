import type { Child } from "hono/jsx";

/** The console's sections, in the order the navigation lists them. */
export const ADMIN_SECTIONS = [
  { id: "dashboard", href: "/admin", label: "Dashboard" },
  { id: "clients", href: "/admin/clients", label: "Clients" },
  { id: "coaches", href: "/admin/coaches", label: "Coaches" },
  { id: "deliveries", href: "/admin/deliveries", label: "Deliveries" },
  { id: "settings", href: "/admin/settings", label: "Settings" },
] as const;

export type AdminSection = (typeof ADMIN_SECTIONS)[number]["id"];

/**
 * A page of the admin console, whole: the skip link, the header with the five sections (the
 * current one marked) and the sign-out form, one `main` whose `h1` is `title`. No script.
 * `documentTitle` overrides the browser tab's title (e.g. "Error: …" for a form with errors).
 */
export function AdminLayout(props: {
  title: string;
  current?: AdminSection;
  documentTitle?: string;
  children?: Child;
}) {
  return (
    <AdminDocument title={props.documentTitle ?? props.title}>
      <header class="top">
        <a href="/admin">Admin console</a>
        <nav aria-label="Sections">
          <ul>
            {ADMIN_SECTIONS.map((s) => (
              <li>
                <a href={s.href} {...(props.current === s.id ? { "aria-current": "page" } : {})}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form method="post" action="/admin/sign-out">
          <button type="submit">Sign out</button>
        </form>
      </header>
      <main id="main" tabindex={-1}>
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </AdminDocument>
  );
}

/** The shell of the pages before signing in (sign-in, link sent, signed out): no navigation. */
export function AdminPublicLayout(props: { title: string; children?: Child }) {
  return (
    <AdminDocument title={props.title}>
      <header class="top">
        <a href="/admin">Admin console</a>
      </header>
      <main id="main" tabindex={-1}>
        {props.children}
      </main>
    </AdminDocument>
  );
}

function AdminDocument(props: { title: string; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Admin console`}</title>
        <link rel="stylesheet" href="/admin/assets/admin.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to main content
        </a>
        {props.children}
      </body>
    </html>
  );
}
