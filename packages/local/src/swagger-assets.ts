import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Hono } from "hono";

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

/** Serves the Swagger UI files from the installed package, so `/docs` works offline. */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its env and schema
export function serveSwaggerAssets(app: Hono<any, any, any>, prefix = "/docs/assets"): void {
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  app.get(`${prefix}/:file`, async (c) => {
    const file = c.req.param("file");
    const type = ASSETS[file];
    if (!type) return c.notFound();
    return c.body(await readFile(join(dir, file)), 200, {
      "content-type": type,
      "cache-control": "max-age=3600",
    });
  });
}
