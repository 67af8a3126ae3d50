import type * as z from "@coachflow/core/shared/zod";

/**
 * The OpenAPI description of the routes, collected while the app is built: plain data that only
 * references the zod schemas, so collecting it costs next to nothing at cold start. The document
 * itself (openapi-document.ts, with zod's JSON Schema conversion) is built on the first request for
 * `/openapi.json`, from a chunk of its own. Any zod v4 schema will do, zod/mini or classic.
 */

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Media type (e.g. `application/json`) to the schema of its body. */
export type Content = Record<string, { schema: z.core.$ZodType }>;

export interface ResponseDoc {
  description: string;
  content?: Content;
}

export interface RouteDoc {
  method: HttpMethod;
  /** OpenAPI style: `/v1/coaches/{id}`. */
  path: string;
  tags?: string[];
  summary?: string;
  description?: string;
  /** Alternatives, each naming security schemes registered with `registerSecurityScheme`. */
  security?: Record<string, string[]>[];
  request?: {
    /** Object schemas: each property is one parameter, required as the schema says. */
    params?: z.core.$ZodType;
    query?: z.core.$ZodType;
    headers?: z.core.$ZodType;
    body?: { content: Content; required?: boolean; description?: string };
  };
  responses: Record<number, ResponseDoc>;
}

export interface SecurityScheme {
  type: "http";
  scheme: string;
  bearerFormat?: string;
  description?: string;
}

export class OpenApiRegistry {
  readonly routes: RouteDoc[] = [];
  readonly securitySchemes: Record<string, SecurityScheme> = {};

  registerPath(route: RouteDoc): void {
    this.routes.push(route);
  }

  registerSecurityScheme(name: string, scheme: SecurityScheme): void {
    this.securitySchemes[name] = scheme;
  }

  /** One registry with the routes and schemes of `registries`, in their order. */
  static merge(registries: readonly OpenApiRegistry[]): OpenApiRegistry {
    const merged = new OpenApiRegistry();
    for (const r of registries) {
      for (const route of r.routes) merged.registerPath(route);
      for (const [name, scheme] of Object.entries(r.securitySchemes))
        merged.registerSecurityScheme(name, scheme);
    }
    return merged;
  }
}
