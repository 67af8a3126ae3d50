/**
 * Translation of EventBridge Scheduler errors (`AwsServiceError` from the caller). Messages name
 * the operation, the schedule and the service's error type only: the service echoes request values
 * (target input included) in its own validation messages, so those stay in `cause` and out of ours.
 */
import { AwsServiceError, isRetryable } from "../aws/index";

export interface SchedulerErrorInfo {
  /** The service's error type, e.g. "ValidationException"; "Unknown" when none was named. */
  type: string;
  /** HTTP status, when a response arrived. */
  status: number | undefined;
  transient: boolean;
}

/**
 * What a failed call is. Transient: what the caller's retry strategy retries, the SDK's
 * classification (throttling, 429, 500/502/503/504, timeouts, failed or broken connections), for
 * the caller's errors and any other alike. Everything else (validation, conflicts, quotas, not
 * found, a missing credential) is not: the same call would fail the same way.
 */
export function describeSchedulerError(error: unknown): SchedulerErrorInfo {
  if (error instanceof AwsServiceError) {
    return { type: error.name, status: error.status, transient: error.retryable };
  }
  const name = (error as { name?: unknown } | undefined)?.name;
  const type = typeof name === "string" && name !== "" ? name : "Unknown";
  const transient = error instanceof Error && isRetryable(error);
  return { type, status: undefined, transient };
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
    /** The service's error type, e.g. "ThrottlingException", when the answer named one. */
    readonly schedulerErrorType?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Wraps a failed call; the schedule's input never appears in the message. */
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
