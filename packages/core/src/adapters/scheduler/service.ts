import type { AwsService } from "../aws/index";

/** EventBridge Scheduler: signs as `scheduler`, answers at `scheduler.{region}.amazonaws.com`. */
export const SCHEDULER: AwsService = { signingName: "scheduler", endpointPrefix: "scheduler" };
