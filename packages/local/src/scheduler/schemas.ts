import { z } from "zod";

/** `Name` and `GroupName` as the API constrains them. */
export const resourceName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9a-zA-Z\-_.]+$/, "must match ^[0-9a-zA-Z-_.]+$");

const arn = z.string().min(1).max(1600);

export const retryPolicySchema = z.object({
  MaximumEventAgeInSeconds: z.int().min(60).max(86_400).optional(),
  MaximumRetryAttempts: z.int().min(0).max(185).optional(),
});

/** The target; service-specific parameters (SqsParameters, EcsParameters, …) are kept as sent. */
export const targetSchema = z.looseObject({
  Arn: arn,
  RoleArn: arn,
  Input: z.string().min(1).max(8192).optional(),
  RetryPolicy: retryPolicySchema.optional(),
  DeadLetterConfig: z.object({ Arn: arn.optional() }).optional(),
});

export const flexibleTimeWindowSchema = z
  .object({
    Mode: z.enum(["OFF", "FLEXIBLE"]),
    MaximumWindowInMinutes: z.int().min(1).max(1440).optional(),
  })
  .refine((w) => w.Mode === "OFF" || w.MaximumWindowInMinutes !== undefined, {
    message: "MaximumWindowInMinutes is required when Mode is FLEXIBLE",
    path: ["MaximumWindowInMinutes"],
  });

/** The body of CreateSchedule and UpdateSchedule (Name travels in the path). */
export const scheduleBodySchema = z.object({
  ScheduleExpression: z.string().min(1).max(256),
  ScheduleExpressionTimezone: z.string().min(1).max(50).optional(),
  Target: targetSchema,
  FlexibleTimeWindow: flexibleTimeWindowSchema,
  GroupName: resourceName.optional(),
  StartDate: z.number().optional(),
  EndDate: z.number().optional(),
  Description: z.string().max(512).optional(),
  State: z.enum(["ENABLED", "DISABLED"]).optional(),
  KmsKeyArn: z.string().min(1).max(2048).optional(),
  ClientToken: z.string().min(1).max(64).optional(),
  ActionAfterCompletion: z.enum(["NONE", "DELETE"]).optional(),
});
export type ScheduleBody = z.infer<typeof scheduleBodySchema>;

export const scheduleGroupBodySchema = z.object({
  Tags: z.array(z.object({ Key: z.string(), Value: z.string() })).optional(),
  ClientToken: z.string().min(1).max(64).optional(),
});

/** A schedule in the shape GetSchedule returns (dates in epoch seconds, as REST-JSON sends them). */
export const scheduleSchema = z.object({
  Arn: z.string(),
  Name: z.string(),
  GroupName: z.string(),
  ScheduleExpression: z.string(),
  ScheduleExpressionTimezone: z.string(),
  State: z.enum(["ENABLED", "DISABLED"]),
  ActionAfterCompletion: z.enum(["NONE", "DELETE"]),
  Target: targetSchema,
  FlexibleTimeWindow: flexibleTimeWindowSchema,
  StartDate: z.number().optional(),
  EndDate: z.number().optional(),
  Description: z.string().optional(),
  KmsKeyArn: z.string().optional(),
  CreationDate: z.number(),
  LastModificationDate: z.number(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

/** A stored schedule plus what only the emulator needs to know. */
export const storedScheduleSchema = z.object({
  schedule: scheduleSchema,
  /** When an at() schedule is due (UTC ms); null for rate()/cron(), which never fire here. */
  dueAtMs: z.number().nullable(),
  /** Bumped on every update, so a firing can tell whether the schedule changed under it. */
  version: z.int(),
  /** Set once the one-time schedule has fired (either outcome); it never fires again. */
  completedAt: z.string().optional(),
});
export type StoredSchedule = z.infer<typeof storedScheduleSchema>;

export const scheduleGroupSchema = z.object({
  Arn: z.string(),
  Name: z.string(),
  State: z.literal("ACTIVE"),
  CreationDate: z.number(),
  LastModificationDate: z.number(),
});
export type ScheduleGroup = z.infer<typeof scheduleGroupSchema>;

/** The persistence file. `clockNow` keeps a moved clock from running backwards after a restart. */
export const snapshotSchema = z.object({
  format: z.literal("coachflow-local-scheduler/1"),
  clockNow: z.string(),
  groups: z.array(scheduleGroupSchema),
  schedules: z.array(storedScheduleSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** One line per issue, with the field path, e.g. `Target.Arn: Invalid input: expected string`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(body)"}: ${i.message}`).join("; ");
}
