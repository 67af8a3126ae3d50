/** The error types the real service sends in `x-amzn-errortype`; the SDK builds its exception classes from them. */
export type SchedulerErrorType =
  | "ConflictException"
  | "ResourceNotFoundException"
  | "ValidationException"
  | "InternalServerException"
  | "UnknownOperationException";

const STATUS: Record<SchedulerErrorType, number> = {
  ConflictException: 409,
  ResourceNotFoundException: 404,
  ValidationException: 400,
  InternalServerException: 500,
  UnknownOperationException: 404,
};

/** A failure answered the way EventBridge Scheduler answers it: status, error-type header, `{ Message }`. */
export class SchedulerApiError extends Error {
  override readonly name = "SchedulerApiError";
  readonly status: number;
  constructor(
    readonly type: SchedulerErrorType,
    message: string,
  ) {
    super(message);
    this.status = STATUS[type];
  }
}

export const scheduleNotFound = (name: string, group: string) =>
  new SchedulerApiError("ResourceNotFoundException", `Schedule ${name} does not exist in group ${group}.`);

export const groupNotFound = (group: string) =>
  new SchedulerApiError("ResourceNotFoundException", `Schedule group ${group} does not exist.`);

export const invalid = (message: string) => new SchedulerApiError("ValidationException", message);
