/**
 * The one error type of `AwsCaller`: an AWS service's error answer, or a call that got no answer.
 * Names and lists follow the SDK's standard retry mode (`@smithy/core/retry`), so what was retried
 * before is retried now.
 */

/** Error codes the SDK treats as throttling. */
const THROTTLING = new Set([
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "TransactionInProgressException",
]);

/** Error codes the SDK treats as transient whatever the status. */
const TRANSIENT = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);

/** Node's codes for a connection that failed or broke: the request may not have arrived. */
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** Name of a failure with no HTTP answer, other than a timeout. */
export const NETWORK_ERROR = "NetworkingError";
/** Name of an attempt that took longer than the caller's request timeout. */
export const TIMEOUT_ERROR = "TimeoutError";

/**
 * A failed AWS call. `name` is the service's error code (e.g. "ValidationException"), "Unknown"
 * when the answer named none, or `NetworkingError` / `TimeoutError` when no answer came (then
 * `status` is undefined and `code` holds Node's code, e.g. "ECONNREFUSED"). `message` is the
 * service's own, which can echo request values (addresses, inputs): adapters keep this error as the
 * `cause` of their own and never copy its message.
 */
export class AwsServiceError extends Error {
  override readonly name: string;
  constructor(
    name: string,
    message: string,
    /** HTTP status of the answer; undefined when none arrived. */
    readonly status: number | undefined,
    /** Whether the same call can succeed later: throttling, 429 and 5xx, timeouts, broken connections. */
    readonly retryable: boolean,
    readonly details: {
      code?: string;
      requestId?: string;
      attempts?: number;
      cause?: unknown;
      /**
       * No answer came after the request was sent (a timeout), so the service may have acted on
       * it. Set for calls that are not idempotent, which are then not tried again.
       */
      outcomeUnknown?: boolean;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = name;
  }

  /** Node's network error code, when no answer arrived. */
  get code(): string | undefined {
    return this.details.code;
  }

  /** Whether the service may have acted on the request though the call failed (see `details`). */
  get outcomeUnknown(): boolean {
    return this.details.outcomeUnknown === true;
  }

  /** How many attempts were made before giving up (1 when the error was not retryable). */
  get attempts(): number {
    return this.details.attempts ?? 1;
  }
}

/** `a:b` → `a`, `namespace#Code` → `Code`: the forms AWS error codes arrive in. */
export function sanitizeErrorCode(raw: string): string {
  let code = raw.trim();
  const colon = code.indexOf(":");
  if (colon >= 0) code = code.slice(0, colon);
  const hash = code.lastIndexOf("#");
  if (hash >= 0) code = code.slice(hash + 1);
  return code;
}

export function isRetryableAnswer(name: string, status: number): boolean {
  return THROTTLING.has(name) || TRANSIENT.has(name) || status === 429 || status >= 500;
}

export function isThrottling(error: AwsServiceError): boolean {
  return THROTTLING.has(error.name) || error.status === 429;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * The error an AWS answer with a non-2xx status stands for. The code comes from the
 * `x-amzn-errortype` header, else the body's `__type` or `code` (both JSON protocols), else its
 * `type` (what aws-ses-v2-local sends). A body that is not JSON (a load balancer's page) still gives
 * an error, named "Unknown".
 */
export function errorFromAnswer(
  status: number,
  headers: Record<string, string | undefined>,
  body: string,
): AwsServiceError {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = body.trim() === "" ? {} : JSON.parse(body);
    if (value !== null && typeof value === "object" && !Array.isArray(value))
      parsed = value as Record<string, unknown>;
  } catch {
    // Not JSON: the status alone says what happened.
  }
  const rawName =
    text(headers["x-amzn-errortype"]) ?? text(parsed.__type) ?? text(parsed.code) ?? text(parsed.type);
  const name = (rawName && sanitizeErrorCode(rawName)) || "Unknown";
  const message =
    text(parsed.message) ?? text(parsed.Message) ?? text(parsed.errorMessage) ?? `HTTP ${status}`;
  return new AwsServiceError(name, message, status, isRetryableAnswer(name, status), {
    requestId: headers["x-amzn-requestid"] ?? headers["x-amz-request-id"],
  });
}

/**
 * The error for an attempt that got no answer. A timeout (ours, or the connection's) is a
 * `TimeoutError`; anything else a `NetworkingError` with Node's code, retryable when the code says
 * the connection failed or broke. (The HTTP handler names ECONNRESET and EPIPE "TimeoutError"
 * too; they are named for what they are here.)
 */
export function errorFromFailure(error: unknown): AwsServiceError {
  if (error instanceof AwsServiceError) return error;
  const e = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  const code = typeof e.code === "string" ? e.code : undefined;
  const message = typeof e.message === "string" ? e.message : "the request failed";
  if (code === "ETIMEDOUT" || (e.name === TIMEOUT_ERROR && code === undefined)) {
    return new AwsServiceError(TIMEOUT_ERROR, message, undefined, true, { code, cause: error });
  }
  const retryable = code !== undefined && NETWORK_CODES.has(code);
  return new AwsServiceError(NETWORK_ERROR, message, undefined, retryable, { code, cause: error });
}
