import type * as z from "@coachflow/core/shared/zod";
import { toJSONSchema } from "./json-schema";
import type { Content, OpenApiRegistry, ResponseDoc, RouteDoc } from "./openapi-registry";

/**
 * Builds the OpenAPI 3.1 document from the routes' descriptions, turning their zod schemas into
 * JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) with zod's own `toJSONSchema`. Imported
 * only by the `/openapi.json` handler, on demand: neither this module nor zod's JSON Schema code
 * is part of the Lambda's cold start.
 */

type JsonSchema = Record<string, unknown>;

export interface DocumentInfo {
  title: string;
  version: string;
  description?: string;
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  schema: JsonSchema;
}

/**
 * A schema as its callers send it (`io: "input"`: defaults make a field optional, a transform's
 * input side is described); what JSON Schema cannot say (refinements, transforms) is left open.
 */
export function jsonSchema(schema: z.core.$ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  if ("$defs" in rest) {
    // References to `#/$defs/...` would resolve against the OpenAPI document, not this schema.
    throw new Error("recursive or shared schemas ($defs) are not supported in the OpenAPI document");
  }
  return rest as JsonSchema;
}

/** One parameter per property of an object schema; required unless the property is optional. */
function parameters(where: Parameter["in"], schema: z.core.$ZodType | undefined): Parameter[] {
  if (!schema) return [];
  const json = jsonSchema(schema);
  const properties = json.properties as Record<string, JsonSchema> | undefined;
  if (json.type !== "object" || !properties) {
    throw new Error(`the ${where} parameters must be described by an object schema`);
  }
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: property,
  }));
}

function content(media: Content) {
  return Object.fromEntries(
    Object.entries(media).map(([type, { schema }]) => [type, { schema: jsonSchema(schema) }]),
  );
}

function response(doc: ResponseDoc) {
  return { description: doc.description, ...(doc.content ? { content: content(doc.content) } : {}) };
}

function operation(route: RouteDoc) {
  const { request } = route;
  const params = [
    ...parameters("path", request?.params),
    ...parameters("query", request?.query),
    ...parameters("header", request?.headers),
  ];
  const body = request?.body;
  return {
    ...(route.tags ? { tags: route.tags } : {}),
    ...(route.summary ? { summary: route.summary } : {}),
    ...(route.description ? { description: route.description } : {}),
    ...(route.security ? { security: route.security } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body
      ? {
          requestBody: {
            ...(body.description ? { description: body.description } : {}),
            ...(body.required !== undefined ? { required: body.required } : {}),
            content: content(body.content),
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(route.responses).map(([status, doc]) => [status, response(doc)]),
    ),
  };
}

/** The whole document: every registered route, under its path and method, in registration order. */
export function openApiDocument(registry: OpenApiRegistry, info: DocumentInfo) {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const route of registry.routes) {
    paths[route.path] ??= {};
    const methods = paths[route.path]!;
    if (methods[route.method])
      throw new Error(`${route.method.toUpperCase()} ${route.path} is described twice`);
    methods[route.method] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info,
    components: { securitySchemes: registry.securitySchemes },
    paths,
  };
}
