import { randomUUID } from "node:crypto";
import { type AwsCaller, pathSegment } from "../aws/index";

/**
 * The EventBridge Scheduler operations this adapter uses, as REST-JSON requests through a caller
 * built for `SCHEDULER`, with the HTTP bindings of the service model (the SDK's
 * `client-scheduler` schemas): the name in the path, the group of Get and Delete in the query, every
 * other field of Create and Update in the body. Like the SDK, a fresh `ClientToken` (idempotency
 * token) goes with each Create, Update and Delete, the same one on each retry of that call.
 */

/** What Create and Update send: the whole definition of one schedule. */
export interface ScheduleDefinition {
  Name: string;
  GroupName: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone: string;
  FlexibleTimeWindow: { Mode: "OFF" | "FLEXIBLE"; MaximumWindowInMinutes?: number };
  ActionAfterCompletion: "NONE" | "DELETE";
  State: "ENABLED" | "DISABLED";
  Target: {
    Arn: string;
    RoleArn: string;
    Input?: string;
    RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
    DeadLetterConfig?: { Arn?: string };
  };
}

/** The part of GetSchedule's answer this adapter reads; every field may be missing. */
export interface StoredSchedule {
  Name?: string;
  GroupName?: string;
  ScheduleExpression?: string;
  ScheduleExpressionTimezone?: string;
  FlexibleTimeWindow?: { Mode?: string };
  ActionAfterCompletion?: string;
  State?: string;
  Target?: {
    Arn?: string;
    RoleArn?: string;
    Input?: string;
    RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
    DeadLetterConfig?: { Arn?: string };
  };
}

interface ListSchedulesAnswer {
  Schedules?: { Name?: string }[];
  NextToken?: string;
}

const schedulePath = (name: string) => `/schedules/${pathSegment(name)}`;

/** CreateSchedule: `POST /schedules/{Name}`. */
export async function createSchedule(scheduler: AwsCaller, definition: ScheduleDefinition): Promise<void> {
  const { Name, ...fields } = definition;
  await scheduler.call({
    method: "POST",
    path: schedulePath(Name),
    body: { ...fields, ClientToken: randomUUID() },
  });
}

/** UpdateSchedule: `PUT /schedules/{Name}`; replaces the whole definition. */
export async function updateSchedule(scheduler: AwsCaller, definition: ScheduleDefinition): Promise<void> {
  const { Name, ...fields } = definition;
  await scheduler.call({
    method: "PUT",
    path: schedulePath(Name),
    body: { ...fields, ClientToken: randomUUID() },
  });
}

/** GetSchedule: `GET /schedules/{Name}?groupName=`. */
export function getSchedule(scheduler: AwsCaller, name: string, groupName: string): Promise<StoredSchedule> {
  return scheduler.call<StoredSchedule>({ method: "GET", path: schedulePath(name), query: { groupName } });
}

/** DeleteSchedule: `DELETE /schedules/{Name}?groupName=&clientToken=`. */
export async function deleteSchedule(scheduler: AwsCaller, name: string, groupName: string): Promise<void> {
  await scheduler.call({
    method: "DELETE",
    path: schedulePath(name),
    query: { groupName, clientToken: randomUUID() },
  });
}

/** Every schedule name ListSchedules (`GET /schedules`) finds, page after page. */
export async function listScheduleNames(
  scheduler: AwsCaller,
  filter: { groupName: string; namePrefix?: string; state?: "ENABLED" | "DISABLED" },
): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await scheduler.call<ListSchedulesAnswer>({
      method: "GET",
      path: "/schedules",
      query: {
        ScheduleGroup: filter.groupName,
        NamePrefix: filter.namePrefix,
        State: filter.state,
        NextToken: nextToken,
      },
    });
    for (const s of page.Schedules ?? []) if (typeof s.Name === "string" && s.Name !== "") names.push(s.Name);
    const next = typeof page.NextToken === "string" && page.NextToken !== "" ? page.NextToken : undefined;
    // A token that comes back unchanged would page forever.
    if (next !== undefined && next === nextToken)
      throw new Error("ListSchedules answered the same NextToken again");
    nextToken = next;
  } while (nextToken !== undefined);
  return names;
}
