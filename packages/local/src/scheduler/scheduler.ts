import { validationFailed } from "@coachflow/core/errors";
import type { LocalClock } from "./clock";
import { parseIsoDuration } from "./duration";
import { type DeadLetter, type FireOutcome, Firer, type OnFire } from "./fire";
import { DEFAULT_GROUP, ensureGroup, type HandlerContext } from "./handlers";
import { loadSnapshot, saveSnapshot } from "./persist";
import { close, listen } from "./server";
import { byDueTime, ScheduleStore } from "./store";

export interface LocalSchedulerOptions {
  port: number;
  host?: string;
  /** The clock the whole local application reads; the scheduler fires against it. */
  clock: LocalClock;
  onFire: OnFire;
  /** When set, schedules (and the clock's position) survive restarts in this JSON file. */
  filePath?: string;
  /** How often due schedules fire without a manual clock move; default 1000 ms. */
  tickMs?: number;
  region?: string;
  /** Refuse schedules in groups that were never created, as AWS does; default false (auto-create). */
  strictGroups?: boolean;
}

export interface PendingSchedule {
  name: string;
  groupName: string;
  at: string;
  input: string;
  state: "ENABLED" | "DISABLED";
}

export interface LocalScheduler {
  endpoint: string;
  clock: LocalClock;
  /** Fires every due schedule (after any pass already running) and reports what fired. */
  fireDue(): Promise<FireOutcome[]>;
  /** Moves the clock by an ISO-8601 duration or to an ISO time, then fires what became due. */
  advanceClock(move: { advanceBy?: string; to?: string }): Promise<FireOutcome[]>;
  /** One-time schedules that have not fired yet, soonest first. */
  pendingSchedules(): PendingSchedule[];
  deadLetters(): DeadLetter[];
  stop(): Promise<void>;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Validates a clock move up front, so a bad request fails before it waits for a running pass. */
function planMove(clock: LocalClock, move: { advanceBy?: string; to?: string }): () => void {
  if (move.advanceBy !== undefined && move.to !== undefined) {
    throw validationFailed("give either advanceBy or to, not both", [
      { path: "to", message: "not with advanceBy" },
    ]);
  }
  if (move.advanceBy !== undefined) {
    const ms = parseIsoDuration(move.advanceBy);
    return () => clock.advanceBy(ms);
  }
  if (move.to !== undefined) {
    const to = move.to;
    if (!ISO_TIME.test(to) || Number.isNaN(Date.parse(to))) {
      throw validationFailed(`"${to}" is not an ISO time with a zone, e.g. 2030-01-01T09:00:00Z`, [
        { path: "to", message: "must be an ISO time with Z or an offset" },
      ]);
    }
    return () => clock.setTo(to);
  }
  return () => {};
}

/** Starts the local EventBridge Scheduler: the REST-JSON API on host:port plus the firing timer. */
export async function startLocalScheduler(opts: LocalSchedulerOptions): Promise<LocalScheduler> {
  const { clock, filePath } = opts;
  const host = opts.host ?? "127.0.0.1";
  const store = new ScheduleStore(
    clock,
    filePath ? (snapshot) => saveSnapshot(filePath, snapshot) : undefined,
  );
  const saved = filePath ? loadSnapshot(filePath) : undefined;
  if (saved) {
    store.load(saved);
    if (Date.parse(saved.clockNow) > clock.now().getTime()) clock.setTo(saved.clockNow);
  }
  const ctx: HandlerContext = { store, clock, region: opts.region ?? "us-east-1", strictGroups: false };
  ensureGroup(ctx, DEFAULT_GROUP);
  ctx.strictGroups = opts.strictGroups ?? false;

  const firer = new Firer(store, clock, opts.onFire);
  const server = await listen(ctx, opts.port, host);
  const timer = setInterval(() => {
    if (firer.busy) return;
    firer.enqueue().catch((error) => console.error("local scheduler: firing failed", error));
  }, opts.tickMs ?? 1000);
  timer.unref();

  return {
    endpoint: `http://${host}:${opts.port}`,
    clock,
    fireDue: () => firer.enqueue(),
    advanceClock: async (move) => {
      const apply = planMove(clock, move);
      return firer.enqueue(() => {
        apply();
        store.changed();
      });
    },
    pendingSchedules: () =>
      store
        .all()
        .filter((s) => s.dueAtMs !== null && !s.completedAt)
        .sort(byDueTime)
        .map((s) => ({
          name: s.schedule.Name,
          groupName: s.schedule.GroupName,
          at: new Date(s.dueAtMs ?? 0).toISOString(),
          input: s.schedule.Target.Input ?? "",
          state: s.schedule.State,
        })),
    deadLetters: () => [...firer.deadLetters],
    stop: async () => {
      clearInterval(timer);
      await close(server);
      await firer.idle();
    },
  };
}
