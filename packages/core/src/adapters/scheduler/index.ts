export type { JobInput, ScheduleSettings } from "./definition";
export { describeSchedulerError, SchedulerError, type SchedulerErrorInfo } from "./errors";
export { EventBridgeJobScheduler, type EventBridgeJobSchedulerOptions } from "./job-scheduler";
export type { PendingJob } from "./pending";
export type { ScheduleDefinition, StoredSchedule } from "./schedules-api";
export { SCHEDULER } from "./service";
