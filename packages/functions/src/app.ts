import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import type { AppDeps } from "./composition";
import { respondWithError } from "./http/errors";
import { OpenApiRegistry } from "./http/openapi-registry";
import { clientRoutes } from "./routes/clients";
import { coachRoutes } from "./routes/coaches";
import { followupRoutes } from "./routes/followups";
import { intakeRoutes } from "./routes/intake";
import { linkRoutes } from "./routes/links";
import { sessionRoutes } from "./routes/sessions";
import { systemRoutes } from "./routes/system";
import { tokenRoutes } from "./routes/tokens";
import { webhookRoutes } from "./routes/webhooks";

/** The HTTP application: one Hono app, the same locally and on Lambda. */
export function createApp(deps: AppDeps, opts: { extend?: (app: Hono) => void } = {}): Hono {
  const app = new Hono();
  // Each route module registers its description here; /openapi.json turns it into the document.
  const docs = new OpenApiRegistry();

  app.use(async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 100) || randomUUID();
    c.set("requestId" as never, requestId as never);
    c.header("x-request-id", requestId);
    await next();
  });

  systemRoutes(app, deps, docs);
  intakeRoutes(app, deps, docs);
  coachRoutes(app, deps, docs);
  clientRoutes(app, deps, docs);
  webhookRoutes(app, deps, docs);
  sessionRoutes(app, deps, docs);
  followupRoutes(app, deps, docs);
  linkRoutes(app, deps, docs);
  tokenRoutes(app, deps, docs);
  opts.extend?.(app);

  app.notFound((c) =>
    c.json({ error: { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.onError((error, c) => respondWithError(c, error, deps.logger));
  return app;
}
