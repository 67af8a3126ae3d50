import type { RouteConfig } from "@hono/zod-openapi";
import { z } from "zod";

/** Shared pieces of the OpenAPI description; the request and response schemas are the zod ones. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const errorContent = { "application/json": { schema: errorBodySchema } };

/**
 * A JSON body's schema for the OpenAPI description, as JSON Schema (OpenAPI 3.1's dialect).
 * zod-to-openapi only walks classic zod schemas (it calls their methods); core's are zod/mini, so
 * they, and classic ones that contain them, go in converted by zod itself. Like zod-to-openapi, it
 * describes what a schema accepts (its input side: transforms' outputs have no JSON Schema).
 */
export function jsonContent(schema: z.core.$ZodType): { content: Content } {
  const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  // zod types subschemas as possibly `true`/`false`, which openapi3-ts's SchemaObject does not name.
  return { content: { "application/json": { schema: jsonSchema as SchemaObject } } };
}

type Content = NonNullable<NonNullable<RouteConfig["request"]>["body"]>["content"];
type SchemaObject = Exclude<NonNullable<Extract<Content[string], { schema?: unknown }>["schema"]>, z.ZodType>;

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_TEXT[s] ?? "error", content: errorContent }]),
  ) as Record<number, { description: string; content: typeof errorContent }>;

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input; `fields` names each bad field",
  401: "Missing or wrong bearer token",
  403: "A valid token of a role this route is not for",
  404: "Not found",
  409: "Conflict with the current state",
  413: "Body over 64 KB",
  415: "Unsupported content type",
  422: "Idempotency-Key reused with a different request",
};

/** Admin routes: the static admin token or an admin JWT. */
export const adminSecurity: Record<string, string[]>[] = [{ adminToken: [] }, { bearerJwt: [] }];
/** Coach-only routes: a coach JWT. */
export const coachSecurity: Record<string, string[]>[] = [{ bearerJwt: [] }];
export const coachOrAdminSecurity: Record<string, string[]>[] = [{ bearerJwt: [] }, { adminToken: [] }];

export const idParams = z.object({ id: z.string() });
