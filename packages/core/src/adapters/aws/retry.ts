/**
 * When to try an AWS call again: the SDK's own standard retry mode, not a copy of it. The error
 * classification is `@smithy/core/retry`'s (`isThrottlingError`, `isTransientError`,
 * `isServerError`, in the order its retry middleware applies them), the strategy its
 * `StandardRetryStrategy`: attempts, backoff with full jitter, and the retry quota (a token bucket
 * that stops retries while a service keeps failing). These are the pieces the DynamoDB client
 * runs, so the bundles carry them already and an SDK update moves both together.
 */
import {
  DEFAULT_MAX_ATTEMPTS,
  isServerError,
  isThrottlingError,
  isTransientError,
  StandardRetryStrategy,
  type StandardRetryStrategyOptions,
} from "@smithy/core/retry";
import type { MiddlewareStack } from "@smithy/types";

/** The SDK's kinds of failure; only THROTTLING and TRANSIENT are retried. */
export type RetryErrorType = "THROTTLING" | "TRANSIENT" | "SERVER_ERROR" | "CLIENT_ERROR";

/**
 * The fields the SDK's classification reads: `name` (the error code), `code` (Node's), the HTTP
 * status in `$metadata`, the `$retryable` trait and `cause`. SDK errors have them; so does
 * `AwsServiceError`.
 */
export interface Classifiable {
  name: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
  cause?: unknown;
}

/** What the SDK's retry middleware makes of `error`. */
export function retryErrorType(error: Classifiable): RetryErrorType {
  // The SDK's functions are typed for its own error class; they read only the fields above.
  const e = error as Parameters<typeof isTransientError>[0];
  if (isThrottlingError(e)) return "THROTTLING";
  if (isTransientError(e)) return "TRANSIENT";
  if (isServerError(e)) return "SERVER_ERROR";
  return "CLIENT_ERROR";
}

/** Whether the SDK's standard mode would retry `error`: throttling or transient. */
export function isRetryable(error: Classifiable): boolean {
  const type = retryErrorType(error);
  return type === "THROTTLING" || type === "TRANSIENT";
}

export interface RetryOptions {
  /** Attempts in all, the first one included; default the SDK's, 3. */
  maxAttempts?: number;
  /** The wait before each retry; default the SDK's jittered exponential backoff. Tests shorten it. */
  backoff?: StandardRetryStrategyOptions["backoff"];
}

/** The SDK's standard strategy. One per caller, as one per SDK client: the quota is its state. */
export function standardRetry(options: RetryOptions = {}): StandardRetryStrategy {
  return new StandardRetryStrategy({
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ...(options.backoff ? { backoff: options.backoff } : {}),
  });
}

/**
 * Adds to an SDK client (the DynamoDB client) a middleware, outside its retries, that sets
 * `retryable` on each error the client throws, from the same classification as `AwsCaller`'s. So
 * code outside the adapters (`shared/describe-error.ts`), which may not import the SDK, reads one
 * flag instead of keeping its own list of error codes.
 */
export function flagRetryableErrors<Input extends object, Output extends object>(client: {
  middlewareStack: MiddlewareStack<Input, Output>;
}): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof Error && typeof (error as { retryable?: unknown }).retryable !== "boolean")
          Object.assign(error, { retryable: isRetryable(error as Classifiable) });
        throw error;
      }
    },
    { step: "initialize", name: "flagRetryableErrors", override: true },
  );
}
