/**
 * What a log line may say about an error: its name, code and whether it is transient. Never the
 * message, which may quote an email address or other input back (SDK errors do).
 */
export function describeError(error: unknown): {
  errorName: string;
  errorCode?: string;
  transient?: boolean;
} {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const e = error as Error & { code?: unknown; transient?: unknown; $metadata?: { httpStatusCode?: number } };
  return {
    errorName: e.name,
    ...(typeof e.code === "string" ? { errorCode: e.code } : {}),
    ...(typeof e.transient === "boolean" ? { transient: e.transient } : {}),
  };
}
