import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import { adminCoachRoutes } from "../../packages/functions/src/admin/coach-pages";
import { adminSettingsRoutes } from "../../packages/functions/src/admin/settings-pages";
import { APP_CSS } from "../../packages/functions/src/web/assets";
import type { TestStack } from "./stack";
import { ORIGIN, type WebBrowser, webBrowser } from "./web";

/** The cookie the test-only sign-in below accepts. */
export const TEST_ADMIN_COOKIE = "test-admin";

/**
 * The admin coach and settings pages on an app of their own, with what the admin route group puts
 * in front of them (another branch writes it, issue 13): a test-only stand-in for the admin
 * sign-in (a cookie), the workspace's security headers and script-free CSP, CSRF checks, a body
 * limit and `no-store`. Wired to the stack's deps, so its data is the stack's.
 */
export function adminTestApp(stack: TestStack, origin = ORIGIN): Hono {
  const app = new Hono();
  app.get("/app/assets/app.css", (c) => c.body(APP_CSS, 200, { "content-type": "text/css; charset=utf-8" }));
  app.use("/admin/*", async (c, next) => {
    if (getCookie(c, TEST_ADMIN_COOKIE) !== "yes") return c.text("admin sign-in required", 401);
    await next();
  });
  app.use(
    "/admin/*",
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
      strictTransportSecurity: false,
    }),
  );
  app.use("/admin/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  app.use("/admin/*", csrf({ origin }));
  app.use("/admin/*", bodyLimit({ maxSize: 256 * 1024 }));
  adminCoachRoutes(app, stack.deps);
  adminSettingsRoutes(app, stack.deps);
  app.onError((error, c) => {
    stack.deps.logger.error("unexpected error in the admin test app", { errorName: error.name });
    return c.text(`unexpected error: ${error.name}`, 500);
  });
  return app;
}

/** A browser signed in to the admin test app (the stand-in cookie set). */
export function adminBrowser(stack: TestStack, app = adminTestApp(stack)): WebBrowser {
  const browser = webBrowser({ ...stack, app } as TestStack);
  browser.jar.set(TEST_ADMIN_COOKIE, "yes");
  return browser;
}

/** The `value` of the input with this id in a page (entities decoded as the page has them). */
export function inputValue(html: string, id: string): string | undefined {
  const tag = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  return tag ? decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "") : undefined;
}

/** The text of the textarea with this id. */
export function textOf(html: string, id: string): string | undefined {
  const m = new RegExp(`<textarea[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return m ? decode(m[1]!) : undefined;
}

/** True when the checkbox or radio with this id is ticked. */
export function isChecked(html: string, id: string): boolean {
  const tag = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? "";
  return /\bchecked(?:=""|\b)/.test(tag);
}

/** The messages of the error summary, with the ids they link to. */
export function summaryOf(html: string): { href: string; text: string }[] {
  const box = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
  return [...box.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => ({
    href: m[1]!,
    text: decode(m[2]!),
  }));
}

/** The message shown at the field with this id. */
export function fieldErrorOf(html: string, id: string): string | undefined {
  const m = new RegExp(
    `<span class="error-message" id="${id}-error"><span class="visually-hidden">Error: </span>([\\s\\S]*?)</span>`,
  ).exec(html);
  return m ? decode(m[1]!) : undefined;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
