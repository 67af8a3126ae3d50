import type { JobScheduler } from "../../ports";
import type { AwsCaller } from "../aws/index";
import {
  buildDefinition,
  checkName,
  type JobInput,
  type ScheduleSettings,
  sameDefinition,
  toExpression,
  toInput,
} from "./definition";
import { isConflict, isNotFound, SchedulerError } from "./errors";
import { readPending } from "./pending";
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  listScheduleNames,
  type StoredSchedule,
  updateSchedule,
} from "./schedules-api";

export interface EventBridgeJobSchedulerOptions {
  /** The schedule group of this stage; it must exist (the infrastructure creates it). */
  groupName: string;
  /** The dispatcher Lambda every schedule invokes. */
  targetArn: string;
  /** The role EventBridge Scheduler assumes to invoke the target. */
  roleArn: string;
  /** SQS queue for firings that failed every retry. */
  deadLetterArn?: string;
  /** 0–185; default 10. */
  maximumRetryAttempts?: number;
  /** 60–86400; default 3600. */
  maximumEventAgeInSeconds?: number;
}

/** Create/update rounds before a schedule that keeps appearing and vanishing counts as transient. */
const MAX_ROUNDS = 3;

/**
 * One-time EventBridge Scheduler schedules (`at()` in UTC, `FlexibleTimeWindow: OFF`,
 * `ActionAfterCompletion: DELETE`) that invoke the dispatcher with ids only. Reasons:
 * docs/decisions/0006-one-time-schedules.md. `scheduler` is a caller built for `SCHEDULER`.
 */
export class EventBridgeJobScheduler implements JobScheduler {
  readonly #settings: ScheduleSettings;

  constructor(
    private readonly scheduler: AwsCaller,
    options: EventBridgeJobSchedulerOptions,
  ) {
    checkName(options.groupName, "schedule group name");
    const retries = options.maximumRetryAttempts ?? 10;
    const age = options.maximumEventAgeInSeconds ?? 3600;
    if (!Number.isInteger(retries) || retries < 0 || retries > 185)
      throw new Error(`maximumRetryAttempts must be an integer 0-185, got ${retries}`);
    if (!Number.isInteger(age) || age < 60 || age > 86_400)
      throw new Error(`maximumEventAgeInSeconds must be an integer 60-86400, got ${age}`);
    this.#settings = {
      groupName: options.groupName,
      targetArn: options.targetArn,
      roleArn: options.roleArn,
      deadLetterArn: options.deadLetterArn,
      maximumRetryAttempts: retries,
      maximumEventAgeInSeconds: age,
    };
  }

  async upsert(job: {
    name: string;
    at: string;
    input: JobInput;
  }): Promise<"created" | "updated" | "unchanged"> {
    checkName(job.name);
    const definition = buildDefinition(
      job.name,
      toExpression(job.at),
      toInput(job.input, job.name),
      this.#settings,
    );
    // Each round: create; if the name is taken, read and compare; if different, replace. A schedule
    // that vanishes between two calls (fired, or removed by someone else) sends us round again.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      try {
        await createSchedule(this.scheduler, definition);
        return "created";
      } catch (error) {
        if (!isConflict(error)) throw SchedulerError.from(error, "CreateSchedule", job.name);
      }
      const stored = await this.#get(job.name, "GetSchedule");
      if (!stored) continue;
      if (sameDefinition(stored, definition)) return "unchanged";
      try {
        // UpdateSchedule replaces the whole definition, so the full one goes out again.
        await updateSchedule(this.scheduler, definition);
        return "updated";
      } catch (error) {
        // Gone (→ create it again) or changed concurrently (→ compare again): another round.
        if (!isNotFound(error) && !isConflict(error))
          throw SchedulerError.from(error, "UpdateSchedule", job.name);
      }
    }
    throw new SchedulerError(
      `Scheduler upsert of schedule ${job.name} gave up: it kept changing between calls`,
      true,
    );
  }

  async remove(name: string): Promise<"deleted" | "absent"> {
    checkName(name);
    try {
      await deleteSchedule(this.scheduler, name, this.#settings.groupName);
      return "deleted";
    } catch (error) {
      if (isNotFound(error)) return "absent";
      throw SchedulerError.from(error, "DeleteSchedule", name);
    }
  }

  /**
   * Pending schedules whose names start with `prefix`, soonest first (ties by name). For admin
   * screens and tests only, not hot paths: ListSchedules returns no time or input, so this makes
   * one GetSchedule call per schedule found. Schedules that are not one-time UTC `at()` schedules
   * (not made by this adapter) are left out, and so are ones that vanish while listing.
   */
  async list(prefix: string): Promise<{ name: string; at: string; input: Record<string, unknown> }[]> {
    if (prefix !== "") checkName(prefix, "schedule name prefix");
    let names: string[];
    try {
      names = await listScheduleNames(this.scheduler, {
        groupName: this.#settings.groupName,
        state: "ENABLED",
        ...(prefix !== "" ? { namePrefix: prefix } : {}),
      });
    } catch (error) {
      throw SchedulerError.from(error, "ListSchedules", `${prefix}*`);
    }
    return readPending(names, (name) => this.#get(name, "GetSchedule"));
  }

  /** GetSchedule, or undefined when it does not exist. */
  async #get(name: string, operation: string): Promise<StoredSchedule | undefined> {
    try {
      return await getSchedule(this.scheduler, name, this.#settings.groupName);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw SchedulerError.from(error, operation, name);
    }
  }
}
