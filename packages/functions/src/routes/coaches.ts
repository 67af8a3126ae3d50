import {
  COACH_LABELS,
  COACH_PATCH_LABELS,
  coachInputSchema,
  coachPatchSchema,
  coachSchema,
} from "@coachflow/core/coaches/schema";
import { createCoach, getCoach, updateCoach } from "@coachflow/core/coaches/service";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { requireRole } from "../http/auth";
import { readJson, validate } from "../http/body";
import { adminSecurity, errorResponses, idParams } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";

const listQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
});
const json = (schema: z.core.$ZodType) => ({ content: { "application/json": { schema } } });

/** Admin API for coaches: create, list, read, update. */
export function coachRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  const admin = requireRole(deps.auth, "admin");

  app.post("/v1/coaches", admin, async (c) => {
    const coach = await createCoach(deps.coaches, await readJson(c, coachInputSchema, COACH_LABELS));
    deps.logger.info("coach created", { coachId: coach.id });
    return c.json(coach, 201);
  });

  app.get("/v1/coaches", admin, async (c) => {
    const q = validate(listQuery, c.req.query());
    return c.json(await deps.coaches.coaches.list(q));
  });

  app.get("/v1/coaches/:id", admin, async (c) => c.json(await getCoach(deps.coaches, c.req.param("id"))));

  app.patch("/v1/coaches/:id", admin, async (c) => {
    const coach = await updateCoach(
      deps.coaches,
      c.req.param("id"),
      await readJson(c, coachPatchSchema, COACH_PATCH_LABELS),
    );
    deps.logger.info("coach updated", { coachId: coach.id });
    return c.json(coach);
  });

  const tags = ["Coaches (admin)"];
  docs.registerPath({
    method: "post",
    path: "/v1/coaches",
    tags,
    summary: "Create a coach",
    description:
      "`bookingUrl` books intros; `sessionBookingUrl` (optional, else `bookingUrl`) later sessions",
    security: adminSecurity,
    request: { body: { ...json(coachInputSchema), required: true } },
    responses: {
      201: { description: "The coach", ...json(coachSchema) },
      ...errorResponses(400, 401, 409, 413, 415),
    },
  });
  docs.registerPath({
    method: "get",
    path: "/v1/coaches",
    tags,
    summary: "List coaches (pages of `limit`, continue with `cursor`)",
    security: adminSecurity,
    request: { query: listQuery },
    responses: {
      200: {
        description: "A page",
        ...json(z.object({ items: z.array(coachSchema), cursor: z.optional(z.string()) })),
      },
      ...errorResponses(400, 401),
    },
  });
  docs.registerPath({
    method: "get",
    path: "/v1/coaches/{id}",
    tags,
    summary: "Read a coach",
    security: adminSecurity,
    request: { params: idParams },
    responses: { 200: { description: "The coach", ...json(coachSchema) }, ...errorResponses(401, 404) },
  });
  docs.registerPath({
    method: "patch",
    path: "/v1/coaches/{id}",
    tags,
    summary: "Change some fields of a coach",
    security: adminSecurity,
    request: { params: idParams, body: { ...json(coachPatchSchema), required: true } },
    responses: {
      200: { description: "The coach", ...json(coachSchema) },
      ...errorResponses(400, 401, 404, 409, 415),
    },
  });
}
