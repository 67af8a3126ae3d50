import { onceUnlessFailed } from "@coachflow/core/shared/once";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import type { RouteGroup } from "../routes/groups";
import { OpenApiRegistry } from "./openapi-registry";

/** A group once loaded: its own Hono app with its routes, and their description. */
export interface LoadedGroup {
  readonly name: string;
  readonly app: Hono;
  readonly docs: OpenApiRegistry;
}

export interface RouteGroupLoader {
  /** A handler for the main app that answers the group's requests from its own app. */
  handler(group: RouteGroup): (c: Context) => Promise<Response>;
  /** Every group, loaded (the OpenAPI document and the route listing need them all). */
  loadAll(): Promise<LoadedGroup[]>;
}

/**
 * Loads each route group on its first request, once: `newApp` makes the group's app (with the
 * main app's error handling and request id), the group's module registers its routes on it.
 * A load that fails is forgotten, so the next request tries again.
 */
export function routeGroupLoader(
  groups: readonly RouteGroup[],
  deps: AppDeps,
  newApp: () => Hono,
): RouteGroupLoader {
  const loaders = new Map(
    groups.map((group) => [
      group,
      onceUnlessFailed(async (): Promise<LoadedGroup> => {
        const register = await group.load();
        const app = newApp();
        const docs = new OpenApiRegistry();
        register(app, deps, docs);
        return { name: group.name, app, docs };
      }),
    ]),
  );
  const load = (group: RouteGroup) => loaders.get(group)!();
  return {
    handler: (group) => async (c) => {
      const { app } = await load(group);
      // The same request, untouched (a webhook's signature is over its raw body), with the request
      // id the main app gave it.
      return app.fetch(c.req.raw, {
        ...(c.env as object | undefined),
        requestId: c.get("requestId" as never),
      });
    },
    loadAll: () => Promise.all(groups.map(load)),
  };
}

/** In a group's app: the request id the main app passed along (see `handler`). */
export function requestIdFromMainApp(c: Context): string | undefined {
  return (c.env as { requestId?: string } | undefined)?.requestId;
}
