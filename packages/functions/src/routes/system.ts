import { onceUnlessFailed } from "@coachflow/core/shared/once";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";

/**
 * Health, the OpenAPI description and the interactive docs. `allDocs` gives the description of
 * every route (loading the route groups that are not loaded yet), this module's included.
 */
export function systemRoutes(
  app: Hono,
  deps: AppDeps,
  docs: OpenApiRegistry,
  allDocs: () => Promise<OpenApiRegistry>,
) {
  app.get("/health", async (c) =>
    (await deps.ready()) ? c.json({ status: "ok" }) : c.json({ status: "unavailable" }, 503),
  );

  docs.registerSecurityScheme("adminToken", {
    type: "http",
    scheme: "bearer",
    description: "The admin token (`ADMIN_TOKEN`).",
  });
  docs.registerSecurityScheme("bearerJwt", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "A coach or admin JWT (HS256 with JWT_SECRET, or from the JWKS_URL provider): `sub`, `role`, `exp`.",
  });
  // Built on the first request, with every route group loaded, from a chunk of its own: the
  // generator and zod's JSON Schema code stay out of the cold start.
  const document = onceUnlessFailed(async () => {
    const [{ openApiDocument }, registry] = await Promise.all([
      import("../http/openapi-document"),
      allDocs(),
    ]);
    return openApiDocument(registry, {
      title: "coachflow API",
      version: "0.1.0",
      description: "Intake, matching, bookings and sessions for a coaching program.",
    });
  });
  app.get("/openapi.json", async (c) => c.json(await document()));

  // Swagger UI from the package, on this origin, under a CSP: a chunk of its own (routes/docs.ts).
  app.get("/docs", async (c) => (await import("./docs")).docsPage(c));
  app.get("/docs/assets/:file", async (c) => (await import("./docs")).docsAsset(c));

  docs.registerPath({
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
