export { LocalClock } from "./clock";
export { parseIsoDuration } from "./duration";
export { SchedulerApiError, type SchedulerErrorType } from "./errors";
export { atExpression, isKnownTimeZone, type ParsedExpression, parseScheduleExpression } from "./expression";
export type { DeadLetter, FireEvent, FireOutcome, OnFire } from "./fire";
export {
  type LocalScheduler,
  type LocalSchedulerOptions,
  type PendingSchedule,
  startLocalScheduler,
} from "./scheduler";
export type { Schedule, ScheduleGroup } from "./schemas";
