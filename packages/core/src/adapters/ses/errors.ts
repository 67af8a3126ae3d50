/**
 * Translation of SESv2 SDK errors. Messages name the operation, the template and the SES error
 * type only: SES puts addresses into its own messages, so those stay in `cause` and out of ours.
 */

/** SES error types worth retrying later: throttling and quotas that refill. */
const TRANSIENT_TYPES = new Set([
  "TooManyRequestsException",
  "ThrottlingException",
  "Throttling",
  "LimitExceededException",
  "InternalFailure",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "RequestTimeout",
  "RequestTimeoutException",
  "TimeoutError",
]);

/** Network failures below HTTP: the request may not have reached SES. */
const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);

export interface SesErrorInfo {
  /** The SES error type, e.g. "MessageRejected"; "Unknown" when SES named none. */
  type: string;
  /** HTTP status, when a response arrived. */
  status: number | undefined;
  transient: boolean;
}

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  type?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

export function describeSesError(error: unknown): SesErrorInfo {
  const e = (error ?? {}) as SdkErrorLike;
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : undefined;
  // The SDK names an error from the `x-amzn-errortype` header; the emulator sends none and puts the
  // type in the body's `type` field instead, which the SDK copies onto the error.
  const name = typeof e.name === "string" ? e.name : "Unknown";
  const type = name === "Unknown" && typeof e.type === "string" ? e.type : name;
  const networkCode = typeof e.code === "string" && NETWORK_CODES.has(e.code);
  const transient =
    TRANSIENT_TYPES.has(type) ||
    networkCode ||
    Boolean(e.$retryable) ||
    (status !== undefined && (status >= 500 || status === 429)) ||
    (status === undefined && e.$fault !== "client");
  return { type, status, transient };
}

export function isNotFound(error: unknown): boolean {
  return describeSesError(error).status === 404;
}

export function isAlreadyExists(error: unknown): boolean {
  return describeSesError(error).type === "AlreadyExistsException";
}

/** A send that failed. `transient` says whether trying the same send again later can succeed. */
export class EmailSendError extends Error {
  override readonly name = "EmailSendError";
  constructor(
    message: string,
    readonly transient: boolean,
    readonly sesErrorType?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static from(error: unknown, template: string): EmailSendError {
    const info = describeSesError(error);
    const status = info.status === undefined ? "no response" : `HTTP ${info.status}`;
    return new EmailSendError(
      `SES SendEmail failed for template ${template}: ${info.type} (${status})`,
      info.transient,
      info.type,
      { cause: error },
    );
  }
}

/** Creating or updating a stored template failed. */
export class TemplateUpsertError extends Error {
  override readonly name = "TemplateUpsertError";
  constructor(
    message: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static from(error: unknown, operation: string, template: string): TemplateUpsertError {
    const info = describeSesError(error);
    const status = info.status === undefined ? "no response" : `HTTP ${info.status}`;
    return new TemplateUpsertError(
      `SES ${operation} failed for template ${template}: ${info.type} (${status})`,
      info.transient,
      {
        cause: error,
      },
    );
  }
}
