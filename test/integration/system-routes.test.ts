import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { answeredRoutes, createApp } from "../../packages/functions/src/app";
import { OpenApiRegistry } from "../../packages/functions/src/http/openapi-registry";
import { ROUTE_GROUPS } from "../../packages/functions/src/routes/groups";
import { startTestStack, type TestStack } from "../support/stack";

describe("health, OpenAPI and docs", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });

  it("answers /health 200 when the table is reachable and 503 when it is not", async () => {
    expect((await stack.app.request("/health")).status).toBe(200);
    const broken = await startTestStack({ createTable: false });
    expect((await broken.app.request("/health")).status).toBe(503);
  });

  it("describes every route in OpenAPI 3.1, from the zod schemas", async () => {
    const doc = (await (await stack.app.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: any }> } }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/health",
        "/intake",
        "/v1/intake",
        "/v1/coaches",
        "/v1/coaches/{id}",
        "/v1/clients/{id}",
        "/v1/clients/{id}/matches",
        "/v1/clients/{id}/rematch",
      ]),
    );
    const intake = doc.paths["/v1/intake"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(intake.required).toEqual(
      expect.arrayContaining(["name", "email", "timezone", "consent", "preferences"]),
    );
    expect(intake.properties.preferences.properties.cadence.enum).toEqual([
      "weekly",
      "biweekly",
      "monthly",
      "ad-hoc",
    ]);
  });

  it("describes exactly the routes the app answers, no more and no fewer", async () => {
    const doc = (await (await stack.app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const described = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    // Not operations of the API: the description itself and its viewer; the page a signed link
    // opens (its POST is described, with what the GET shows); the local stack's own routes; the
    // coach workspace's pages (/app), which are HTML for people, not API operations.
    const UNDESCRIBED = ["GET /openapi.json", "GET /docs", "GET /docs/assets/:file", "GET /l/:token"];
    const answered = (await answeredRoutes(stack.app))
      .filter((r) => !r.path.startsWith("/_local/") && !/^\/app(\/|$)/.test(r.path))
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !UNDESCRIBED.includes(r));
    expect(new Set(described).size).toBe(described.length);
    expect([...new Set(answered)].sort()).toEqual([...described].sort());
  });

  it("sends each route to its group: every group's paths cover its routes and no other group's", async () => {
    // The main app routes by the groups' path patterns alone; a route a group registers outside
    // them would answer 404, one inside another group's patterns would reach the wrong module.
    const dispatch = new Hono();
    for (const group of ROUTE_GROUPS)
      for (const path of group.paths) dispatch.all(path, (c) => c.text(group.name));
    const concrete = (path: string) => path.replace(/:(\w+)/g, "x-$1");
    for (const group of ROUTE_GROUPS) {
      const app = new Hono();
      (await group.load())(app, stack.deps, new OpenApiRegistry());
      const routes = app.routes.filter((r) => r.method !== "ALL");
      expect(routes.length, group.name).toBeGreaterThan(0);
      for (const route of routes) {
        const res = await dispatch.request(concrete(route.path), { method: route.method });
        expect(await res.text(), `${route.method} ${route.path}`).toBe(group.name);
      }
      // And no pattern that none of the group's routes needs.
      for (const pattern of group.paths) {
        const matcher = new Hono().all(pattern, (c) => c.text("hit"));
        const used = await Promise.all(
          routes.map(
            async (r) => (await matcher.request(concrete(r.path), { method: r.method })).status === 200,
          ),
        );
        expect(used.some(Boolean), `${group.name} ${pattern}`).toBe(true);
      }
    }
  });

  it("loads a route group on its first request, once, and answers with the main app's request id", async () => {
    const fresh = createApp(stack.deps);
    const first = await fresh.request("/v1/coaches", { headers: { "x-request-id": "req-group-1" } });
    expect(first.status).toBe(401);
    expect(first.headers.get("x-request-id")).toBe("req-group-1");
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    // A method the group does not answer on a path it owns: the same JSON 404 as anywhere else.
    const missing = await fresh.request("/v1/coaches", { method: "DELETE" });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("serves interactive docs from this origin only, under a CSP that allows nothing else", async () => {
    const res = await stack.app.request("/docs");
    const page = await res.text();

    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|unsafe-/);
    // No third-party origin and no inline script on the page where admins paste ADMIN_TOKEN.
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<script>/);
    const scripts = [...page.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(["/docs/assets/swagger-ui-bundle.js", "/docs/assets/start.js"]);
    const start = await (await stack.app.request("/docs/assets/start.js")).text();
    expect(start).toContain('url: "/openapi.json"');
  });

  it("serves Swagger UI's files from the pinned package, gzipped when asked, and nothing else", async () => {
    const { readFileSync } = await import("node:fs");
    const { gunzipSync } = await import("node:zlib");
    const { createRequire } = await import("node:module");
    const dir = createRequire(import.meta.url)
      .resolve("swagger-ui-dist/package.json")
      .replace(/package\.json$/, "");
    const installed = readFileSync(`${dir}swagger-ui-bundle.js`);

    const plain = await stack.app.request("/docs/assets/swagger-ui-bundle.js");
    const gzipped = await stack.app.request("/docs/assets/swagger-ui-bundle.js", {
      headers: { "accept-encoding": "gzip, br" },
    });
    const css = await stack.app.request("/docs/assets/swagger-ui.css");

    expect(plain.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(Buffer.from(await plain.arrayBuffer()).equals(installed)).toBe(true);
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    const wire = Buffer.from(await gzipped.arrayBuffer());
    expect(gunzipSync(wire).equals(installed)).toBe(true);
    expect(wire.length).toBeLessThan(installed.length / 2);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    for (const other of ["package.json", "index.html", "..%2Fpackage.json", "swagger-ui-bundle.js.map"]) {
      expect((await stack.app.request(`/docs/assets/${other}`)).status, other).toBe(404);
    }
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await stack.app.request("/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
