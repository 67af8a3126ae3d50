import { isoSeconds, scheduleExpression } from "../../sessions/schedule-names";
import type { ScheduleDefinition, StoredSchedule } from "./schedules-api";

/** EventBridge Scheduler's rule for schedule and group names. */
const NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;
/** ISO UTC with whole seconds; a fraction is allowed only when it is zero (`.000Z`). */
const ISO_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;
/** The service's limit on `Target.Input`. */
const MAX_INPUT_CHARS = 8192;

export interface ScheduleSettings {
  groupName: string;
  targetArn: string;
  roleArn: string;
  deadLetterArn?: string;
  maximumRetryAttempts: number;
  maximumEventAgeInSeconds: number;
}

export type JobInput = Record<string, string | number>;

/**
 * Refuses a name the service would refuse. The name itself is left out of the message: a name
 * that breaks the rule may be something other than an id (an email, say).
 */
export function checkName(name: string, what = "schedule name"): void {
  if (!NAME.test(name)) {
    throw new Error(`${what} must be 1-64 characters of 0-9 a-z A-Z - _ . (got ${name.length} characters)`);
  }
}

/** `at` as `at(yyyy-mm-ddThh:mm:ss)`, or a plain Error when it is not ISO UTC with whole seconds. */
export function toExpression(at: string): string {
  const m = ISO_UTC.exec(at);
  if (!m) throw new Error(`schedule time must be ISO UTC like 2030-01-01T09:00:00Z, got ${at}`);
  if (m[2] !== undefined && !/^\.0+$/.test(m[2])) {
    throw new Error(`schedule time must be whole seconds, got ${at}`);
  }
  const ms = Date.parse(`${m[1]}Z`);
  // Date.parse rolls 2030-02-30 over to March; the round trip catches impossible dates.
  if (Number.isNaN(ms) || isoSeconds(ms) !== `${m[1]}Z`) {
    throw new Error(`schedule time is not a real date-time: ${at}`);
  }
  return scheduleExpression(`${m[1]}Z`);
}

/** `input` as the target's JSON; checked for what JSON or the service cannot carry, never echoed. */
export function toInput(input: JobInput, name: string): string {
  for (const value of Object.values(input)) {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new Error(`input of schedule ${name} holds a number that JSON cannot carry`);
    }
  }
  const json = JSON.stringify(input);
  if (json.length > MAX_INPUT_CHARS) {
    throw new Error(
      `input of schedule ${name} is ${json.length} characters; the limit is ${MAX_INPUT_CHARS}`,
    );
  }
  return json;
}

/** The whole definition of one job's schedule: Create and Update both send all of it. */
export function buildDefinition(
  name: string,
  expression: string,
  input: string,
  s: ScheduleSettings,
): ScheduleDefinition {
  return {
    Name: name,
    GroupName: s.groupName,
    ScheduleExpression: expression,
    ScheduleExpressionTimezone: "UTC",
    FlexibleTimeWindow: { Mode: "OFF" },
    ActionAfterCompletion: "DELETE",
    State: "ENABLED",
    Target: {
      Arn: s.targetArn,
      RoleArn: s.roleArn,
      Input: input,
      RetryPolicy: {
        MaximumRetryAttempts: s.maximumRetryAttempts,
        MaximumEventAgeInSeconds: s.maximumEventAgeInSeconds,
      },
      ...(s.deadLetterArn ? { DeadLetterConfig: { Arn: s.deadLetterArn } } : {}),
    },
  };
}

/** The stored input as an object, or undefined when it is missing or not a JSON object. */
export function parseInput(input: string | undefined): Record<string, unknown> | undefined {
  if (input === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(input);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function sameInput(stored: string | undefined, wanted: string): boolean {
  if (stored === wanted) return true;
  const a = parseInput(stored);
  const b = parseInput(wanted);
  if (!a || !b) return false;
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((k) => Object.is(a[k], b[k]));
}

/**
 * True when the stored schedule already is `wanted`: same time and input (key order aside), and
 * the same target, role, retry policy, dead-letter queue and one-time settings, so a changed
 * deployment setting is written out by the next upsert instead of being reported "unchanged".
 */
export function sameDefinition(stored: StoredSchedule, wanted: ScheduleDefinition): boolean {
  const t = stored.Target;
  const w = wanted.Target;
  if (!t || !w) return false;
  return (
    stored.ScheduleExpression === wanted.ScheduleExpression &&
    (stored.ScheduleExpressionTimezone ?? "UTC") === "UTC" &&
    stored.FlexibleTimeWindow?.Mode === "OFF" &&
    stored.ActionAfterCompletion === "DELETE" &&
    stored.State === "ENABLED" &&
    t.Arn === w.Arn &&
    t.RoleArn === w.RoleArn &&
    t.RetryPolicy?.MaximumRetryAttempts === w.RetryPolicy?.MaximumRetryAttempts &&
    t.RetryPolicy?.MaximumEventAgeInSeconds === w.RetryPolicy?.MaximumEventAgeInSeconds &&
    t.DeadLetterConfig?.Arn === w.DeadLetterConfig?.Arn &&
    sameInput(t.Input, w.Input ?? "")
  );
}
