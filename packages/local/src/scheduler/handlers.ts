import type { Clock } from "@coachflow/core/clock";
import type { z } from "zod";
import { groupNotFound, invalid, SchedulerApiError, scheduleNotFound } from "./errors";
import { parseScheduleExpression } from "./expression";
import {
  describeIssues,
  resourceName,
  type Schedule,
  type ScheduleBody,
  type StoredSchedule,
  scheduleBodySchema,
} from "./schemas";
import type { ScheduleStore } from "./store";

export const ACCOUNT_ID = "000000000000";
export const DEFAULT_GROUP = "default";
const DEFAULT_RETRY = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 };

export interface HandlerContext {
  store: ScheduleStore;
  clock: Clock;
  region: string;
  /** When true a schedule in a group that does not exist is refused, as on AWS; else the group is created. */
  strictGroups: boolean;
}

/** Parses with `schema` or answers ValidationException naming the wrong fields. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(`Invalid ${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function checkName(value: string, field: string): string {
  const parsed = resourceName.safeParse(value);
  if (!parsed.success) {
    throw invalid(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

export const epochSeconds = (clock: Clock) => clock.now().getTime() / 1000;

export function ensureGroup(ctx: HandlerContext, group: string): void {
  if (ctx.store.getGroup(group)) return;
  if (ctx.strictGroups) throw groupNotFound(group);
  const now = epochSeconds(ctx.clock);
  ctx.store.putGroup({
    Arn: `arn:aws:scheduler:${ctx.region}:${ACCOUNT_ID}:schedule-group/${group}`,
    Name: group,
    State: "ACTIVE",
    CreationDate: now,
    LastModificationDate: now,
  });
}

/** Validates a Create/Update body and builds the record to store (`previous` keeps CreationDate). */
function buildSchedule(
  ctx: HandlerContext,
  name: string,
  body: unknown,
  previous?: StoredSchedule,
): StoredSchedule {
  const input: ScheduleBody = parseOr400(scheduleBodySchema, body ?? {}, "schedule");
  const group = input.GroupName ?? DEFAULT_GROUP;
  const timeZone = input.ScheduleExpressionTimezone ?? "UTC";
  const parsed = parseScheduleExpression(input.ScheduleExpression, timeZone);
  if (typeof parsed === "string") throw invalid(parsed);
  const now = epochSeconds(ctx.clock);
  const { ClientToken: _token, GroupName: _group, ...fields } = input;
  const schedule: Schedule = {
    ...fields,
    Arn: `arn:aws:scheduler:${ctx.region}:${ACCOUNT_ID}:schedule/${group}/${name}`,
    Name: name,
    GroupName: group,
    ScheduleExpressionTimezone: timeZone,
    State: input.State ?? "ENABLED",
    ActionAfterCompletion: input.ActionAfterCompletion ?? "NONE",
    Target: { ...input.Target, RetryPolicy: { ...DEFAULT_RETRY, ...input.Target.RetryPolicy } },
    CreationDate: previous?.schedule.CreationDate ?? now,
    LastModificationDate: now,
  };
  return {
    schedule,
    dueAtMs: parsed.kind === "at" ? parsed.atMs : null,
    version: (previous?.version ?? 0) + 1,
  };
}

const groupOf = (body: unknown) =>
  checkName(String((body as { GroupName?: unknown } | undefined)?.GroupName ?? DEFAULT_GROUP), "groupName");

export function createSchedule(ctx: HandlerContext, name: string, body: unknown) {
  const group = groupOf(body);
  const stored = buildSchedule(ctx, name, body);
  ensureGroup(ctx, group);
  if (ctx.store.get(group, name)) {
    throw new SchedulerApiError("ConflictException", `Schedule ${name} already exists.`);
  }
  ctx.store.put(stored);
  return { ScheduleArn: stored.schedule.Arn };
}

/** Replaces the whole definition, as the real UpdateSchedule does; a fired one-time schedule may fire again. */
export function updateSchedule(ctx: HandlerContext, name: string, body: unknown) {
  const group = groupOf(body);
  const previous = ctx.store.get(group, name);
  if (!previous) throw scheduleNotFound(name, group);
  const stored = buildSchedule(ctx, name, body, previous);
  ctx.store.put(stored);
  return { ScheduleArn: stored.schedule.Arn };
}

export function getSchedule(ctx: HandlerContext, name: string, group: string): Schedule {
  const stored = ctx.store.get(group, name);
  if (!stored) throw scheduleNotFound(name, group);
  return stored.schedule;
}

export function deleteSchedule(ctx: HandlerContext, name: string, group: string) {
  if (!ctx.store.delete(group, name)) throw scheduleNotFound(name, group);
  return {};
}
