import { AppError, type ErrorCode, type FieldIssue, RateLimitedError } from "@coachflow/core/errors";
import { type FieldLabels, issueMessages } from "@coachflow/core/shared/issue-messages";
import type * as z from "@coachflow/core/shared/zod";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JsonLogger } from "../logger";

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  malformed_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  precondition_failed: 412,
  precondition_required: 428,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldIssue[] };
}

/**
 * Zod issues as `{ path, label, message }` in plain words (shared/issue-messages.ts), one per
 * field, with dotted paths (`preferences.topics.0`; `(body)` for the whole body).
 */
export function fieldIssues(error: z.core.$ZodError, labels: FieldLabels = {}): FieldIssue[] {
  return issueMessages(error.issues, labels).map((f) => ({ ...f, path: f.path || "(body)" }));
}

/** The 400 for a failed parse: every field's message, in one sentence and one by one. */
export function validationError(error: z.core.$ZodError, labels: FieldLabels = {}): AppError {
  const fields = fieldIssues(error, labels);
  return new AppError("validation_failed", fields.map((f) => f.message).join("; "), fields);
}

/** The status and body for any error; unexpected ones are logged with context and answered 500. */
export function toErrorResponse(error: unknown, logger: JsonLogger, context: Record<string, unknown>) {
  if (error instanceof AppError) {
    const body: ErrorBody = {
      error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    };
    return { status: STATUS[error.code], body };
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code =
      error.status === 413 ? "payload_too_large" : error.status === 401 ? "unauthorized" : "bad_request";
    return {
      status: error.status,
      body: { error: { code, message: error.message || code } } satisfies ErrorBody,
    };
  }
  logger.error("unexpected error", {
    ...context,
    errorName: error instanceof Error ? error.name : typeof error,
    // The stack names code locations only; it stays in the log and never reaches the caller.
    stack: error instanceof Error ? error.stack?.split("\n").slice(1, 6).join(" | ") : undefined,
  });
  return {
    status: 500 as ContentfulStatusCode,
    body: {
      error: { code: "internal_error", message: "something went wrong on our side; it has been logged" },
    },
  };
}

export function respondWithError(c: Context, error: unknown, logger: JsonLogger) {
  if (error instanceof RateLimitedError) c.header("Retry-After", String(error.retryAfterSeconds));
  const { status, body } = toErrorResponse(error, logger, {
    requestId: c.get("requestId" as never),
    method: c.req.method,
    route: c.req.routePath,
  });
  return c.json(body, status);
}
