import { eraseClient, exportClient } from "@coachflow/core/privacy/erase";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { requireRole } from "../http/auth";
import { validate } from "../http/body";
import { adminSecurity, errorResponses, idParams } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { privacyOf } from "../privacy-deps";

const exportQuery = z.object({
  /** Only after the review decision 0026 asks for: the coaches' private notes too. */
  privateNotes: z.optional(z.enum(["withhold", "include"])),
});

const erasedSchema = z.object({ id: z.string(), erasedAt: z.string() });

/** Data protection for admins: a client's export (access, portability) and erasure (decision 0026). */
export function privacyRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  const admin = requireRole(deps.auth, "admin");
  app.get("/v1/clients/:id/export", admin, async (c) => {
    const q = validate(exportQuery, c.req.query());
    const id = c.req.param("id");
    const doc = await exportClient(privacyOf(deps), id, {
      includePrivateNotes: q.privateNotes === "include",
    });
    c.header("content-disposition", `attachment; filename="${id}-export.json"`);
    return c.json(doc);
  });
  app.delete("/v1/clients/:id", admin, async (c) => {
    const id = c.req.param("id");
    const { erasedAt } = await eraseClient(privacyOf(deps), id);
    return c.json({ id, erasedAt });
  });

  const tags = ["Data protection (admin)"];
  docs.registerPath({
    method: "get",
    path: "/v1/clients/{id}/export",
    tags,
    summary:
      "Everything held about a client as one JSON document; coaches' private notes are counted, not shown, unless privateNotes=include",
    security: adminSecurity,
    request: { params: idParams, query: exportQuery },
    responses: {
      200: { description: "The export", content: { "application/json": { schema: z.looseObject({}) } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  docs.registerPath({
    method: "delete",
    path: "/v1/clients/{id}",
    tags,
    summary:
      "Erase a client: every item, schedule, ledger entry and delivery body about them; a tombstone (id, time) stays",
    security: adminSecurity,
    request: { params: idParams },
    responses: {
      200: { description: "Erased", content: { "application/json": { schema: erasedSchema } } },
      ...errorResponses(401, 403, 404),
    },
  });
}
