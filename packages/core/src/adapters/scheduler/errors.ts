/**
 * Translation of EventBridge Scheduler SDK errors. Messages name the operation, the schedule and
 * the service's error type only: the service echoes request values (target input included) in its
 * own validation messages, so those stay in `cause` and out of ours.
 */
import { isTransient } from "../../shared/describe-error";

export interface SchedulerErrorInfo {
  /** The service's error type, e.g. "ValidationException"; "Unknown" when none was named. */
  type: string;
  /** HTTP status, when a response arrived. */
  status: number | undefined;
  transient: boolean;
}

interface SdkErrorLike {
  name?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * What an SDK error is. Transient: throttling, 429 and 5xx answers, timeouts, network failures and
 * anything the SDK marks retryable. Everything else (validation, conflicts, quotas, not found,
 * errors that are not from the SDK at all) is not: the same call would fail the same way.
 */
export function describeSchedulerError(error: unknown): SchedulerErrorInfo {
  const e = (error ?? {}) as SdkErrorLike;
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : undefined;
  const type = typeof e.name === "string" && e.name !== "" ? e.name : "Unknown";
  return { type, status, transient: isTransient(error) };
}

/** CreateSchedule's answer when the name is taken (and UpdateSchedule's on a concurrent change). */
export const isConflict = (error: unknown) => describeSchedulerError(error).type === "ConflictException";

export const isNotFound = (error: unknown) =>
  describeSchedulerError(error).type === "ResourceNotFoundException";

/** A scheduler call that failed. `transient` says whether the same call later can succeed. */
export class SchedulerError extends Error {
  override readonly name = "SchedulerError";
  constructor(
    message: string,
    readonly transient: boolean,
    /** The service's error type, e.g. "ThrottlingException", when the SDK named one. */
    readonly schedulerErrorType?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Wraps an SDK error; the schedule's input never appears in the message. */
  static from(error: unknown, operation: string, scheduleName: string): SchedulerError {
    const info = describeSchedulerError(error);
    const status = info.status === undefined ? "no response" : `HTTP ${info.status}`;
    return new SchedulerError(
      `Scheduler ${operation} failed for schedule ${scheduleName}: ${info.type} (${status})`,
      info.transient,
      info.type,
      { cause: error },
    );
  }
}
