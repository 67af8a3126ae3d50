/**
 * The one error type of `AwsCaller`: an AWS service's error answer, or a call that got no answer.
 * Whether it is retryable is the SDK's classification (`retry.ts`); whether the request can have
 * reached the service is read here, from the errors the SDK's `NodeHttpHandler` raises.
 */
import { isRetryable } from "./retry";

/**
 * Node's codes for a connection that never opened: refused, or no route or address for the host.
 * Nothing was sent.
 */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** Name of a failure with no HTTP answer, other than a timeout. */
export const NETWORK_ERROR = "NetworkingError";
/** Name of an attempt that timed out, connecting or waiting for the answer (the SDK's name). */
export const TIMEOUT_ERROR = "TimeoutError";

/**
 * A failed AWS call. `name` is the service's error code (e.g. "ValidationException"), "Unknown"
 * when the answer named none, or `NetworkingError` / `TimeoutError` when no answer came (then
 * `status` is undefined and `code` holds Node's code, e.g. "ECONNREFUSED"; a response timeout has
 * "ETIMEDOUT", a connect timeout none). `message` is the service's own, which can echo request
 * values (addresses, inputs): adapters keep this error as the `cause` of their own and never copy
 * its message.
 */
export class AwsServiceError extends Error {
  override readonly name: string;
  constructor(
    name: string,
    message: string,
    /** HTTP status of the answer; undefined when none arrived. */
    readonly status: number | undefined,
    /**
     * Whether the same call can succeed later, as the SDK's standard mode classifies it
     * (throttling, 500/502/503/504, timeouts, failed or broken connections), unless the outcome is
     * unknown.
     */
    readonly retryable: boolean,
    readonly details: {
      code?: string;
      requestId?: string;
      attempts?: number;
      cause?: unknown;
      /**
       * The connection opened and no answer came (a response timeout, a reset or broken
       * connection), so the service may have acted on the request. Set for calls that are not
       * idempotent, which are then not tried again.
       */
      outcomeUnknown?: boolean;
      /** The connection never opened (refused, connect timeout, no route): nothing was sent. */
      notSent?: boolean;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = name;
  }

  /** Node's network error code, when no answer arrived. */
  get code(): string | undefined {
    return this.details.code;
  }

  /** The SDK's shape for the status, which its classification reads. */
  get $metadata(): { httpStatusCode?: number } {
    return this.status === undefined ? {} : { httpStatusCode: this.status };
  }

  /** Whether the service may have acted on the request though the call failed (see `details`). */
  get outcomeUnknown(): boolean {
    return this.details.outcomeUnknown === true;
  }

  /** Whether the request certainly never reached the service (see `details`). */
  get notSent(): boolean {
    return this.details.notSent === true;
  }

  /** How many attempts were made before giving up (1 when the error was not retryable). */
  get attempts(): number {
    return this.details.attempts ?? 1;
  }

  /** The same error after `attempts` attempts. */
  afterAttempts(attempts: number): AwsServiceError {
    if (attempts === this.attempts) return this;
    return new AwsServiceError(this.name, this.message, this.status, this.retryable, {
      ...this.details,
      attempts,
    });
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
  const retryable = isRetryable({ name, message, $metadata: { httpStatusCode: status } });
  return new AwsServiceError(name, message, status, retryable, {
    requestId: headers["x-amzn-requestid"] ?? headers["x-amz-request-id"],
  });
}

/**
 * The error for an attempt that got no answer, read from what the SDK's `NodeHttpHandler` raises
 * (`test/unit/aws-faults.test.ts` pins those shapes):
 *
 * - its connection timeout is a `TimeoutError` without a code, and a refused or unroutable
 *   connection has Node's code (ECONNREFUSED, ...): the connection never opened, nothing was sent
 *   (`notSent`), so trying again is safe for any call;
 * - anything else happened on an open connection: a response timeout (code ETIMEDOUT: the
 *   handler's request timeout, or the caller's own deadline), a connection reset or broken under
 *   the request (ECONNRESET, EPIPE; the handler names them "TimeoutError" too), an abort. The
 *   service may have read the request and acted. The handler does not say whether the request
 *   was fully written before the break (it keeps the `ClientRequest` to itself), and even a fully
 *   written one may or may not have been read, so for a call that is not `idempotent` the outcome
 *   is unknown and it is not retried (at most once, decision 0012). Idempotent calls are retried
 *   as the SDK retries them.
 *
 * The caller sets no socket timeout, whose error would look like a connection timeout.
 */
export function errorFromFailure(error: unknown, idempotent = true): AwsServiceError {
  if (error instanceof AwsServiceError) return error;
  const e = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  const code = typeof e.code === "string" ? e.code : undefined;
  const message = typeof e.message === "string" ? e.message : "the request failed";
  const connectTimeout = e.name === TIMEOUT_ERROR && code === undefined;
  const notSent = connectTimeout || (code !== undefined && NOT_CONNECTED.has(code));
  const name = connectTimeout || code === "ETIMEDOUT" ? TIMEOUT_ERROR : NETWORK_ERROR;
  const outcomeUnknown = !idempotent && !notSent;
  const retryable = !outcomeUnknown && isRetryable({ name, message, code, cause: error });
  return new AwsServiceError(name, message, undefined, retryable, {
    code,
    cause: error,
    ...(notSent ? { notSent } : {}),
    ...(outcomeUnknown ? { outcomeUnknown } : {}),
  });
}
