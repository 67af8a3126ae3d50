/** Every failure the domain reports has one of these codes; the HTTP layer maps each to a status. */
export type ErrorCode =
  | "validation_failed"
  | "not_found"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "payload_too_large"
  | "unsupported_media_type"
  | "malformed_json"
  | "idempotency_key_reused"
  | "precondition_failed"
  | "precondition_required"
  | "rate_limited"
  | "unavailable";

export interface FieldIssue {
  path: string;
  /** The field as the forms label it ("Action item 2: due date"), when the message names it so. */
  label?: string;
  message: string;
  /** A conflict over a word still in use: how many coaches and clients use it. */
  uses?: { coaches: number; clients: number };
}

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * "in 55 minutes", "in about 20 hours": when a limited request may be made again, in words for
 * the pages and messages that say it (decision 0032).
 */
export function tryAgainIn(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes <= 90) return `in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  return `in about ${Math.round(minutes / 60)} hours`;
}

/**
 * Over a limit on the emails an unauthenticated request can cause (limits/, decision 0032):
 * answered 429 with `Retry-After: retryAfterSeconds`, when the window that is full ends.
 */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many requests for now: please try again ${tryAgainIn(retryAfterSeconds)}`);
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const conflict = (message: string) => new AppError("conflict", message);
export const validationFailed = (message: string, fields: FieldIssue[]) =>
  new AppError("validation_failed", message, fields);

/** The reason a uniqueness condition failed on an email. */
export const EMAIL_TAKEN = "email is taken";

/** The reason a save of private notes failed: they were saved, or joined by a merge, since they were read. */
export const NOTES_CHANGED = "the notes changed since they were read";

/** A write lost a race or broke a uniqueness rule; `existing` is the record that won, when known. */
export class ConditionFailedError<T = unknown> extends Error {
  override readonly name = "ConditionFailedError";
  constructor(
    message: string,
    readonly existing?: T,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
