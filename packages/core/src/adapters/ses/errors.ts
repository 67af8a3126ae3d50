/**
 * Translation of SES v2 errors (`AwsServiceError` from the caller). Messages name the operation,
 * the template and the SES error type only: SES puts addresses into its own messages, so those
 * stay in `cause` and out of ours.
 */
import { AwsServiceError } from "../aws/index";

export interface SesErrorInfo {
  /** The SES error type, e.g. "MessageRejected"; "Unknown" when SES named none. */
  type: string;
  /** HTTP status, when a response arrived. */
  status: number | undefined;
  transient: boolean;
  /** The request may have reached SES and no answer came: SES may have sent the email. */
  outcomeUnknown: boolean;
}

/**
 * What a failed SES call is. Transient: what the caller's retry strategy retries, the SDK's
 * classification (throttling and SES's sending quota, `LimitExceededException`; 429; 500, 502,
 * 503, 504; connections refused, timed out or broken), and any other failure without an answer,
 * since the request may not have reached SES. Anything else SES answered (a rejected message, a
 * missing template, a bad request) would fail the same way again. Not transient either: a send
 * that may have reached SES and got no answer (`outcomeUnknown`: a response timeout, a connection
 * reset or broken after it opened). SES may have sent it, and sending again could deliver the
 * same email twice; the send ledger then records it as unknown, at most once being the rule. A
 * connection that never opened sent nothing, and stays transient.
 */
export function describeSesError(error: unknown): SesErrorInfo {
  if (error instanceof AwsServiceError) {
    const { name: type, status, outcomeUnknown } = error;
    const transient = !outcomeUnknown && (error.retryable || status === undefined);
    return { type, status, transient, outcomeUnknown };
  }
  // Not an answer from SES (credentials not found, say): nothing says it is permanent.
  const type = error instanceof Error && error.name !== "" ? error.name : "Unknown";
  return { type, status: undefined, transient: true, outcomeUnknown: false };
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
    options?: { cause?: unknown; outcomeUnknown?: boolean },
  ) {
    super(message, options);
    this.outcomeUnknown = options?.outcomeUnknown === true;
  }

  /**
   * The request may have reached SES and no answer says what it did: the email may be out. The
   * send ledger records it as `unknown` and never sends it again (decision 0012).
   */
  readonly outcomeUnknown: boolean;

  static from(error: unknown, template: string): EmailSendError {
    const info = describeSesError(error);
    const status = info.outcomeUnknown
      ? "no response; SES may have sent it, so it is not sent again"
      : info.status === undefined
        ? "no response"
        : `HTTP ${info.status}`;
    return new EmailSendError(
      `SES SendEmail failed for template ${template}: ${info.type} (${status})`,
      info.transient,
      info.type,
      { cause: error, outcomeUnknown: info.outcomeUnknown },
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
