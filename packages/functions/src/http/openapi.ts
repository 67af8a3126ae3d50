import * as z from "@coachflow/core/shared/zod";

/** Shared pieces of the OpenAPI description; the request and response schemas are the zod ones. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(
      z.array(z.object({ path: z.string(), label: z.optional(z.string()), message: z.string() })),
    ),
  }),
});

const errorContent = { "application/json": { schema: errorBodySchema } };

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_TEXT[s] ?? "error", content: errorContent }]),
  ) as Record<number, { description: string; content: typeof errorContent }>;

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input; `fields` has each bad field's `path`, `label` and `message`",
  401: "Missing or wrong bearer token",
  403: "A valid token of a role this route is not for",
  404: "Not found",
  409: "Conflict with the current state",
  412: "If-Match does not match the current ETag: read again",
  413: "Body over 64 KB",
  415: "Unsupported content type",
  422: "Idempotency-Key reused with a different request",
  428: "If-Match is required",
  429: "Over the email limits: try again after `Retry-After` seconds",
};

/** Admin routes: the static admin token or an admin JWT. */
export const adminSecurity: Record<string, string[]>[] = [{ adminToken: [] }, { bearerJwt: [] }];
/** Coach-only routes: a coach JWT. */
export const coachSecurity: Record<string, string[]>[] = [{ bearerJwt: [] }];
export const coachOrAdminSecurity: Record<string, string[]>[] = [{ bearerJwt: [] }, { adminToken: [] }];

export const idParams = z.object({ id: z.string() });
