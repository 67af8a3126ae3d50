import { randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import type { AppDeps } from "./composition";
import { respondWithError } from "./http/errors";
import { OpenApiRegistry } from "./http/openapi-registry";
import { type RouteGroupLoader, requestIdFromMainApp, routeGroupLoader } from "./http/route-groups";
import { ROUTE_GROUPS } from "./routes/groups";
import { systemRoutes } from "./routes/system";

const notFound = (c: Context) =>
  c.json({ error: { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` } }, 404);

const loaders = new WeakMap<Hono, RouteGroupLoader>();

/**
 * The HTTP application: one Hono app, the same locally and on Lambda. The system routes are
 * always there; every other route belongs to a group (routes/groups.ts) whose code is loaded on
 * the first request for it and then answers from an app of its own with the same error handling.
 */
export function createApp(deps: AppDeps, opts: { extend?: (app: Hono) => void } = {}): Hono {
  const app = new Hono();
  const groups = routeGroupLoader(ROUTE_GROUPS, deps, () => {
    const group = new Hono();
    group.use(async (c, next) => {
      c.set("requestId" as never, requestIdFromMainApp(c) as never);
      await next();
    });
    group.notFound(notFound);
    group.onError((error, c) => respondWithError(c, error, deps.logger));
    return group;
  });
  loaders.set(app, groups);

  app.use(async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 100) || randomUUID();
    c.set("requestId" as never, requestId as never);
    await next();
    // After the handler: a route group answers with a response of its own app's making.
    c.header("x-request-id", requestId);
  });

  const systemDocs = new OpenApiRegistry();
  systemRoutes(app, deps, systemDocs, async () =>
    OpenApiRegistry.merge([systemDocs, ...(await groups.loadAll()).map((g) => g.docs)]),
  );
  for (const group of ROUTE_GROUPS) {
    for (const path of group.paths) app.all(path, groups.handler(group));
  }
  opts.extend?.(app);

  app.notFound(notFound);
  app.onError((error, c) => respondWithError(c, error, deps.logger));
  return app;
}

/**
 * Every route `app` answers, `METHOD /path` in Hono's syntax, with every group loaded: the main
 * app's own routes and each group's. For tests and checks; a request never needs it.
 */
export async function answeredRoutes(app: Hono): Promise<{ method: string; path: string }[]> {
  const groupPaths = new Set(ROUTE_GROUPS.flatMap((g) => g.paths));
  const own = app.routes.filter((r) => !(r.method === "ALL" && groupPaths.has(r.path)));
  const loaded = (await loaders.get(app)?.loadAll()) ?? [];
  return [...own, ...loaded.flatMap((g) => g.app.routes)]
    .filter((r) => r.method !== "ALL")
    .map(({ method, path }) => ({ method, path }));
}
