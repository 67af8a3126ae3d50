import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { EventBridgeJobScheduler } from "@coachflow/core/adapters/scheduler/index";
import type { Config } from "./config";

/** The Scheduler client and the job scheduler on it, for this stage's group, dispatcher and role. */
export function buildScheduler(config: Config): {
  client: SchedulerClient;
  scheduler: EventBridgeJobScheduler;
} {
  const client = new SchedulerClient({ region: config.region, endpoint: config.endpoints.scheduler });
  const scheduler = new EventBridgeJobScheduler(client, {
    groupName: config.schedules.group,
    targetArn: config.schedules.dispatcherArn,
    roleArn: config.schedules.roleArn,
    ...(config.schedules.deadLetterArn ? { deadLetterArn: config.schedules.deadLetterArn } : {}),
  });
  return { client, scheduler };
}
