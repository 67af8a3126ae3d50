import { coachInputSchema, coachPatchSchema, coachSchema } from "@coachflow/core/coaches/schema";
import { createCoach, getCoach, updateCoach } from "@coachflow/core/coaches/service";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps } from "../composition";
import { requireRole } from "../http/auth";
import { readJson, validate } from "../http/body";
import { adminSecurity, errorResponses, idParams, jsonContent } from "../http/openapi";

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1024).optional(),
});

/** Admin API for coaches: create, list, read, update. */
export function coachRoutes(app: OpenAPIHono, deps: AppDeps) {
  const admin = requireRole(deps.auth, "admin");

  app.post("/v1/coaches", admin, async (c) => {
    const coach = await createCoach(deps.coaches, await readJson(c, coachInputSchema));
    deps.logger.info("coach created", { coachId: coach.id });
    return c.json(coach, 201);
  });

  app.get("/v1/coaches", admin, async (c) => {
    const q = validate(listQuery, c.req.query());
    return c.json(await deps.coaches.coaches.list(q));
  });

  app.get("/v1/coaches/:id", admin, async (c) => c.json(await getCoach(deps.coaches, c.req.param("id"))));

  app.patch("/v1/coaches/:id", admin, async (c) => {
    const coach = await updateCoach(deps.coaches, c.req.param("id"), await readJson(c, coachPatchSchema));
    deps.logger.info("coach updated", { coachId: coach.id });
    return c.json(coach);
  });

  const r = app.openAPIRegistry;
  const tags = ["Coaches (admin)"];
  r.registerPath({
    method: "post",
    path: "/v1/coaches",
    tags,
    summary: "Create a coach",
    security: adminSecurity,
    request: { body: { ...jsonContent(coachInputSchema), required: true } },
    responses: {
      201: { description: "The coach", ...jsonContent(coachSchema) },
      ...errorResponses(400, 401, 409, 413, 415),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/coaches",
    tags,
    summary: "List coaches (pages of `limit`, continue with `cursor`)",
    security: adminSecurity,
    request: { query: listQuery },
    responses: {
      200: {
        description: "A page",
        ...jsonContent(z.object({ items: z.array(coachSchema), cursor: z.string().optional() })),
      },
      ...errorResponses(400, 401),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/coaches/{id}",
    tags,
    summary: "Read a coach",
    security: adminSecurity,
    request: { params: idParams },
    responses: {
      200: { description: "The coach", ...jsonContent(coachSchema) },
      ...errorResponses(401, 404),
    },
  });
  r.registerPath({
    method: "patch",
    path: "/v1/coaches/{id}",
    tags,
    summary: "Change some fields of a coach",
    security: adminSecurity,
    request: { params: idParams, body: { ...jsonContent(coachPatchSchema), required: true } },
    responses: {
      200: { description: "The coach", ...jsonContent(coachSchema) },
      ...errorResponses(400, 401, 404, 409, 415),
    },
  });
}
