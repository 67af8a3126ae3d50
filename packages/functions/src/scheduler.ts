import type { AwsCaller } from "@coachflow/core/adapters/aws/index";
import { EventBridgeJobScheduler, SCHEDULER } from "@coachflow/core/adapters/scheduler/index";
import { awsCaller } from "./aws-clients";
import type { JobConfig } from "./config";

/** The Scheduler caller and the job scheduler on it, for this stage's group, dispatcher and role. */
export function buildScheduler(config: JobConfig): {
  caller: AwsCaller;
  scheduler: EventBridgeJobScheduler;
} {
  const caller = awsCaller(config, SCHEDULER, config.endpoints.scheduler);
  const scheduler = new EventBridgeJobScheduler(caller, {
    groupName: config.schedules.group,
    targetArn: config.schedules.dispatcherArn,
    roleArn: config.schedules.roleArn,
    ...(config.schedules.deadLetterArn ? { deadLetterArn: config.schedules.deadLetterArn } : {}),
  });
  return { caller, scheduler };
}
