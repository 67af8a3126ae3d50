import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { onceUnlessFailed } from "@coachflow/core/shared/once";
import type { Context } from "hono";

/**
 * The interactive docs (`/docs`): Swagger UI from the pinned `swagger-ui-dist` package, served
 * from our own origin under a Content-Security-Policy that allows nothing else (decision 0031).
 * Admins paste ADMIN_TOKEN into this page, so no script from another origin may run on it. A
 * chunk of its own, loaded by the docs' requests only.
 */

/** Nothing but this origin: the page, its two Swagger UI files and the starter below, and /openapi.json. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Swagger UI's stylesheet draws its icons as data: SVGs.
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE_HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>coachflow API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/start.js"></script>
</body></html>`;

/** The starter, a file rather than an inline script, which the policy forbids. No validator badge: it loads an image from swagger.io. */
const START = 'window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#ui", validatorUrl: null });\n';

const TYPES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "start.js": "text/javascript; charset=utf-8",
};

/**
 * Where Swagger UI's files are: in the Lambda asset, the `swagger-ui/` directory the build copies
 * next to the bundle (infra/bundling.ts); elsewhere, the installed package.
 */
function packageDir(): string {
  const bundled = fileURLToPath(new URL("./swagger-ui/", import.meta.url));
  if (existsSync(bundled)) return bundled;
  return dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
}

/** Each file once per instance, as read and gzipped (the 1.7 MB of script are 0.46 MB on the wire). */
const files = new Map<
  string,
  () => Promise<{ raw: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> }>
>();
function asset(name: string) {
  let load = files.get(name);
  if (!load) {
    load = onceUnlessFailed(async () => {
      const raw =
        name === "start.js" ? new TextEncoder().encode(START) : await readFile(join(packageDir(), name));
      return { raw: new Uint8Array(raw), gzip: new Uint8Array(gzipSync(raw)) };
    });
    files.set(name, load);
  }
  return load();
}

export function docsPage(c: Context): Response {
  return c.html(PAGE, 200, PAGE_HEADERS);
}

export async function docsAsset(c: Context): Promise<Response> {
  const name = c.req.param("file") ?? "";
  const type = TYPES[name];
  if (!type) return c.json({ error: { code: "not_found", message: "no such docs file" } }, 404);
  const { raw, gzip } = await asset(name);
  const gzipped = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
  return c.body(gzipped ? gzip : raw, 200, {
    "content-type": type,
    "x-content-type-options": "nosniff",
    // The package is pinned, so a file changes only with a deploy that pins another version.
    "cache-control": "public, max-age=86400",
    vary: "accept-encoding",
    ...(gzipped ? { "content-encoding": "gzip" } : {}),
  });
}
