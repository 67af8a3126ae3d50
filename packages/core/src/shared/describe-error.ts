/** Error names AWS services use for throttling and passing unavailability. */
const TRANSIENT_NAMES = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "LimitExceededException",
  "InternalServerError",
  "InternalServerException",
  "InternalFailure",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "TransactionInProgressException",
]);

/** Node network errors worth another try. */
const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

type AwsLikeError = Error & {
  code?: unknown;
  transient?: unknown;
  retryable?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
};

/**
 * Whether an error is worth retrying: an explicit `transient` flag wins (our adapters set it), then
 * a `retryable` one (the AWS caller's errors); otherwise the SDK's own signs — `$retryable`, HTTP
 * 429 or 5xx, throttling names, network codes.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as AwsLikeError;
  if (typeof e.transient === "boolean") return e.transient;
  if (typeof e.retryable === "boolean") return e.retryable;
  const status = e.$metadata?.httpStatusCode;
  return (
    Boolean(e.$retryable) ||
    (status !== undefined && (status === 429 || status >= 500)) ||
    TRANSIENT_NAMES.has(e.name) ||
    (typeof e.code === "string" && TRANSIENT_CODES.has(e.code))
  );
}

/**
 * What a log line may say about an error: its name, code and whether it is transient. Never the
 * message, which may quote an email address or other input back (SDK errors do).
 */
export function describeError(error: unknown): { errorName: string; errorCode?: string; transient: boolean } {
  if (!(error instanceof Error)) return { errorName: typeof error, transient: false };
  const e = error as AwsLikeError;
  return {
    errorName: e.name,
    ...(typeof e.code === "string" ? { errorCode: e.code } : {}),
    transient: isTransient(error),
  };
}
