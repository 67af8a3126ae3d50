import type { Clock } from "@coachflow/core/clock";
import type { StoredSchedule } from "./schemas";
import type { ScheduleStore } from "./store";

/** What the scheduler hands the target (locally: the dispatcher) when a schedule fires. */
export interface FireEvent {
  name: string;
  groupName: string;
  /** `Target.Input` as stored; "" when the schedule has none. */
  input: string;
  targetArn: string;
  scheduledTime: Date;
}
export type OnFire = (event: FireEvent) => Promise<void>;

export interface FireOutcome {
  name: string;
  groupName: string;
  scheduledTime: Date;
  outcome: "ok" | "failed";
  /** Calls of `onFire` made: 1 on first-try success, up to 1 + MaximumRetryAttempts. */
  attempts: number;
  /** The last error message when the outcome is "failed". */
  error?: string;
}

/** A firing that failed every attempt; on AWS it would go to Target.DeadLetterConfig.Arn. */
export interface DeadLetter extends FireEvent {
  deadLetterArn?: string;
  error: string;
  attempts: number;
  failedAt: Date;
}

const AWS_MAX_RETRY_ATTEMPTS = 185;

/** Fires due schedules one at a time through `onFire`, with immediate retries and a dead-letter list. */
export class Firer {
  readonly deadLetters: DeadLetter[] = [];
  #tail: Promise<unknown> = Promise.resolve();
  #busy = 0;

  constructor(
    private readonly store: ScheduleStore,
    private readonly clock: Clock,
    private readonly onFire: OnFire,
    private readonly maxFiringsPerPass = 1000,
  ) {}

  /** True while a pass runs or waits to run (the timer skips its tick then). */
  get busy(): boolean {
    return this.#busy > 0;
  }

  /**
   * Runs `work` (e.g. a clock move) and then a firing pass, after any pass already running: passes
   * never overlap, and a caller's pass sees every change made before it started.
   */
  enqueue(work: () => void = () => {}): Promise<FireOutcome[]> {
    this.#busy++;
    const run = this.#tail.then(() => {
      work();
      return this.#pass();
    });
    const settled = run.finally(() => this.#busy--);
    this.#tail = settled.catch(() => {});
    return settled;
  }

  /** Resolves once no pass is running or queued. */
  async idle(): Promise<void> {
    while (this.#busy > 0) await this.#tail;
  }

  /** Fires until nothing is due; re-reads the clock and the store after every firing. */
  async #pass(): Promise<FireOutcome[]> {
    const fired: FireOutcome[] = [];
    while (fired.length < this.maxFiringsPerPass) {
      const next = this.store.nextDue(this.clock.now().getTime());
      if (!next) return fired;
      fired.push(await this.#fire(next));
    }
    console.warn(`local scheduler: stopped after ${fired.length} firings in one pass (a schedule loop?)`);
    return fired;
  }

  async #fire(stored: StoredSchedule): Promise<FireOutcome> {
    const { schedule } = stored;
    const event: FireEvent = {
      name: schedule.Name,
      groupName: schedule.GroupName,
      input: schedule.Target.Input ?? "",
      targetArn: schedule.Target.Arn,
      scheduledTime: new Date(stored.dueAtMs ?? 0),
    };
    // Claimed before the first call, so a re-entrant pass cannot fire it twice.
    this.store.put({ ...stored, completedAt: this.clock.now().toISOString() });
    const maxAttempts =
      1 + Math.min(schedule.Target.RetryPolicy?.MaximumRetryAttempts ?? 185, AWS_MAX_RETRY_ATTEMPTS);
    let attempts = 0;
    let lastError = "";
    while (attempts < maxAttempts) {
      attempts++;
      try {
        await this.onFire({ ...event });
        this.#afterSuccess(stored);
        return {
          name: event.name,
          groupName: event.groupName,
          scheduledTime: event.scheduledTime,
          outcome: "ok",
          attempts,
        };
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    this.deadLetters.push({
      ...event,
      deadLetterArn: schedule.Target.DeadLetterConfig?.Arn,
      error: lastError,
      attempts,
      failedAt: this.clock.now(),
    });
    return {
      name: event.name,
      groupName: event.groupName,
      scheduledTime: event.scheduledTime,
      outcome: "failed",
      attempts,
      error: lastError,
    };
  }

  /** Deletes a DELETE-after-completion schedule, unless the callback changed or removed it meanwhile. */
  #afterSuccess(fired: StoredSchedule): void {
    if (fired.schedule.ActionAfterCompletion !== "DELETE") return;
    const current = this.store.get(fired.schedule.GroupName, fired.schedule.Name);
    if (current && current.version === fired.version)
      this.store.delete(fired.schedule.GroupName, fired.schedule.Name);
  }
}
