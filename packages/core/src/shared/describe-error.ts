type FlaggedError = Error & {
  code?: unknown;
  transient?: unknown;
  retryable?: unknown;
};

/**
 * Whether an error is worth retrying, as it says itself: a `transient` flag (our adapters and
 * domain errors set it), else a `retryable` one, which AWS errors carry: the AWS caller's
 * (`AwsServiceError`) and the DynamoDB client's (`flagRetryableErrors`), both from the SDK's own
 * classification in `adapters/aws/retry.ts`. An error that says neither is not: domain code keeps
 * no list of AWS error codes, and may not import the SDK's.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as FlaggedError;
  if (typeof e.transient === "boolean") return e.transient;
  if (typeof e.retryable === "boolean") return e.retryable;
  return false;
}

/**
 * What a log line may say about an error: its name, code and whether it is transient. Never the
 * message, which may quote an email address or other input back (SDK errors do).
 */
export function describeError(error: unknown): { errorName: string; errorCode?: string; transient: boolean } {
  if (!(error instanceof Error)) return { errorName: typeof error, transient: false };
  const e = error as FlaggedError;
  return {
    errorName: e.name,
    ...(typeof e.code === "string" ? { errorCode: e.code } : {}),
    transient: isTransient(error),
  };
}
