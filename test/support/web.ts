import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { mailbox, urlsIn } from "./coaching";
import type { TestStack } from "./stack";

/** The origin the test stack's PUBLIC_BASE_URL names (the default, http://localhost:3000). */
export const ORIGIN = "http://localhost:3000";

export interface WebAnswer {
  status: number;
  text: string;
  headers: Headers;
  location?: string;
}

/**
 * A browser for `app.request()`: keeps cookies as a browser does (Set-Cookie in, Cookie out;
 * Max-Age=0 deletes), sends forms as application/x-www-form-urlencoded with this site's Origin,
 * and can pretend to be at an IP (the local server's socket peer).
 */
export function webBrowser(stack: TestStack, opts: { ip?: string; origin?: string } = {}) {
  const jar = new Map<string, string>();
  // Each browser its own address unless told, so the per-IP limit of one test does not reach the next.
  const ip = opts.ip ?? `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
  const env = { incoming: { socket: { remoteAddress: ip } } };
  const origin = opts.origin ?? ORIGIN;
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      const gone = attrs.some((a) => /^\s*max-age=0$/i.test(a)) || value === "";
      if (gone) jar.delete(name!.trim());
      else jar.set(name!.trim(), value);
    }
  };
  const send = async (
    method: string,
    path: string,
    form?: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<WebAnswer> => {
    const body = form
      ? new URLSearchParams(
          Object.entries(form).flatMap(([k, v]): [string, string][] =>
            Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]],
          ),
        ).toString()
      : undefined;
    const res = await stack.app.request(
      path,
      {
        method,
        headers: {
          ...(jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
          ...(method === "GET" ? {} : { origin, "content-type": "application/x-www-form-urlencoded" }),
          ...headers,
        },
        ...(body !== undefined ? { body } : {}),
      },
      env,
    );
    keep(res);
    const location = res.headers.get("location") ?? undefined;
    return {
      status: res.status,
      text: await res.text(),
      headers: res.headers,
      ...(location ? { location } : {}),
    };
  };
  return {
    jar,
    get: (path: string, headers?: Record<string, string>) => send("GET", path, undefined, headers),
    post: (path: string, form: Record<string, string | string[]> = {}, headers?: Record<string, string>) =>
      send("POST", path, form, headers),
  };
}
export type WebBrowser = ReturnType<typeof webBrowser>;

/** The path of the newest sign-in link in the coach's (or with `base` "/admin", the admin's) mail. */
export async function latestSignInPath(
  stack: TestStack,
  email: string,
  base: "/app" | "/admin" = "/app",
): Promise<string> {
  const mails = (await mailbox(stack, email).all()).filter((m) => m.subject.startsWith("Your sign-in link"));
  expect(mails.length, "a sign-in email").toBeGreaterThan(0);
  const url = urlsIn(mails[mails.length - 1]!).find((u) => u.includes(`${base}/sign-in/`));
  expect(url, "a sign-in link in the email").toBeDefined();
  return new URL(url!).pathname;
}

/** Signs `browser` in as the coach by the real flow: ask, read the email, open the link, press the button. */
export async function signIn(
  stack: TestStack,
  browser: WebBrowser,
  email: string,
  next?: string,
  base: "/app" | "/admin" = "/app",
) {
  const asked = await browser.post(`${base}/sign-in`, { email, ...(next ? { next } : {}) });
  expect(asked.status, asked.text).toBe(303);
  const path = await latestSignInPath(stack, email, base);
  expect((await browser.get(path)).status).toBe(200);
  const done = await browser.post(path);
  expect(done.status, done.text).toBe(303);
  return done;
}

/** Signs `browser` in to the admin console as `email` (one of the stack's ADMIN_EMAILS). */
export const signInAsAdmin = (stack: TestStack, browser: WebBrowser, email: string, next?: string) =>
  signIn(stack, browser, email, next, "/admin");
