import type { Program } from "@coachflow/core/program/program";
import { PROGRAM_LABELS, programSettingsSchema, storedProgramSchema } from "@coachflow/core/program/schema";
import { readProgram, replaceProgram } from "@coachflow/core/program/service";
import * as z from "@coachflow/core/shared/zod";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import { requireRole } from "../http/auth";
import { readJson } from "../http/body";
import { adminSecurity, errorResponses } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";

const json = (schema: z.core.$ZodType) => ({ content: { "application/json": { schema } } });

/** The document, its version and the ETag to send back as `If-Match`. */
function respond(c: Context, program: Program) {
  c.header("ETag", program.etag);
  c.header("Cache-Control", "no-store");
  return c.json({ ...program.settings, version: program.version, updatedAt: program.updatedAt });
}

/** The program's own words (issue 12): vocabularies, weights, skills, agenda templates. Admin only. */
export function programSettingsRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  const admin = requireRole(deps.auth, "admin");

  app.get("/v1/program", admin, async (c) => respond(c, await readProgram(deps.program)));

  app.put("/v1/program", admin, async (c) => {
    const ifMatch = c.req.header("if-match");
    const settings = await readJson(c, programSettingsSchema, PROGRAM_LABELS);
    const program = await replaceProgram(deps.program, settings, ifMatch);
    deps.logger.info("program settings replaced", { version: program.version });
    return respond(c, program);
  });

  const tags = ["Program (admin)"];
  const responseSchema = storedProgramSchema;
  docs.registerPath({
    method: "get",
    path: "/v1/program",
    tags,
    summary: "Read the program settings (the defaults, version 0, until some are stored)",
    description: "Answers with an `ETag`; send it back as `If-Match` to replace the settings.",
    security: adminSecurity,
    responses: { 200: { description: "The settings", ...json(responseSchema) }, ...errorResponses(401, 403) },
  });
  docs.registerPath({
    method: "put",
    path: "/v1/program",
    tags,
    summary: "Replace the program settings",
    description:
      "Needs `If-Match` with the `ETag` last read (428 without, 412 when the settings changed since). " +
      "Removing a coaching style or seniority level that coaches or clients use answers 409 with how many use it. " +
      "Agenda changes apply to sessions booked afterwards.",
    security: adminSecurity,
    request: {
      headers: z.object({ "If-Match": z.string() }),
      body: { ...json(programSettingsSchema), required: true },
    },
    responses: {
      200: { description: "The stored settings, with the new ETag", ...json(responseSchema) },
      ...errorResponses(400, 401, 403, 409, 412, 413, 415, 428),
    },
  });
}
