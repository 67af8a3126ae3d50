import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";

/**
 * The workspace's two cookies. On HTTPS they are `__Host-` cookies (Secure, Path=/, no Domain:
 * only this exact origin ever gets them). On plain-http localhost (the local stack) a browser
 * refuses Secure and `__Host-` cookies from an http page, so there they go without the prefix
 * and without Secure. Both are HttpOnly and SameSite=Lax.
 */
export interface WebCookies {
  readonly secure: boolean;
  readonly session: string;
  readonly binding: string;
  read(c: Context, name: string): string | undefined;
  write(c: Context, name: string, value: string, maxAgeSeconds: number): void;
  clear(c: Context, name: string): void;
}

export function webCookies(publicBaseUrl: string): WebCookies {
  const url = new URL(publicBaseUrl);
  const plainLocal = url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  const secure = !plainLocal;
  const prefix = secure ? "__Host-" : "";
  const options = (maxAge?: number): CookieOptions => ({
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure,
    ...(maxAge !== undefined ? { maxAge } : {}),
  });
  return {
    secure,
    session: `${prefix}cf_session`,
    binding: `${prefix}cf_signin`,
    read: (c, name) => getCookie(c, name),
    write: (c, name, value, maxAge) => setCookie(c, name, value, options(maxAge)),
    clear: (c, name) => {
      deleteCookie(c, name, options());
    },
  };
}
