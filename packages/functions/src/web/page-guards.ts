import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import type { WebCookies } from "./cookies";
import { MAX_FORM_BYTES } from "./forms";

/**
 * What every page of an area (`/app`, `/admin`) gets, before any route: the security headers and
 * a CSP with no script at all, `no-store` unless a route says otherwise, `hono/csrf` with the
 * origin of `PUBLIC_BASE_URL` on every POST, and a body limit (`tooLarge` answers past it).
 */
export function pageGuards(
  app: Hono,
  area: "/app" | "/admin",
  opts: {
    cookies: WebCookies;
    publicBaseUrl: string;
    tooLarge: (c: Context) => Response | Promise<Response>;
  },
) {
  const all = `${area}/*`;
  app.use(
    all,
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
      ...(opts.cookies.secure ? {} : { strictTransportSecurity: false }),
    }),
  );
  app.use(all, async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.header("Cache-Control", "no-store");
  });
  app.use(all, csrf({ origin: new URL(opts.publicBaseUrl).origin }));
  app.use(all, bodyLimit({ maxSize: MAX_FORM_BYTES, onError: opts.tooLarge }));
}
