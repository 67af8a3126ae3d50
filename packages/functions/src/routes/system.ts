import type { OpenAPIHono } from "@hono/zod-openapi";
import { html } from "hono/html";
import { z } from "zod";
import type { AppDeps } from "../composition";

/** Health, the OpenAPI description and the interactive docs. */
export function systemRoutes(app: OpenAPIHono, deps: AppDeps) {
  app.get("/health", async (c) =>
    (await deps.ready()) ? c.json({ status: "ok" }) : c.json({ status: "unavailable" }, 503),
  );

  app.openAPIRegistry.registerComponent("securitySchemes", "adminToken", {
    type: "http",
    scheme: "bearer",
    description: "The admin token (`ADMIN_TOKEN`).",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerJwt", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "A coach or admin JWT (HS256 with JWT_SECRET, or from the JWKS_URL provider): `sub`, `role`, `exp`.",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "coachflow API",
      version: "0.1.0",
      description: "Intake, matching, bookings and sessions for a coaching program.",
    },
  });

  const assets = deps.config.docsAssetsUrl;
  app.get("/docs", (c) =>
    c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>coachflow API</title>
<link rel="stylesheet" href="${assets}/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="${assets}/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#ui" });</script>
</body></html>`),
  );

  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/health",
    tags: ["System"],
    summary: "200 once the service can reach its table",
    responses: {
      200: {
        description: "Ready",
        content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } },
      },
      503: { description: "Not ready" },
    },
  });
}
