import type { Clock } from "@coachflow/core/clock";
import type { ScheduleGroup, Snapshot, StoredSchedule } from "./schemas";

const key = (group: string, name: string) => `${group}/${name}`;

/** Earlier due time first; ties by name, then group, so firing order is deterministic. */
export function byDueTime(a: StoredSchedule, b: StoredSchedule): number {
  return (
    (a.dueAtMs ?? Number.POSITIVE_INFINITY) - (b.dueAtMs ?? Number.POSITIVE_INFINITY) ||
    a.schedule.Name.localeCompare(b.schedule.Name) ||
    a.schedule.GroupName.localeCompare(b.schedule.GroupName)
  );
}

/** Schedules and groups in memory; every change is handed to `onChange` (write-through persistence). */
export class ScheduleStore {
  readonly #schedules = new Map<string, StoredSchedule>();
  readonly #groups = new Map<string, ScheduleGroup>();

  constructor(
    private readonly clock: Clock,
    private readonly onChange: (snapshot: Snapshot) => void = () => {},
  ) {}

  /** Replaces the content with a loaded snapshot (does not call `onChange`). */
  load(snapshot: Snapshot): void {
    this.#schedules.clear();
    this.#groups.clear();
    for (const g of snapshot.groups) this.#groups.set(g.Name, g);
    for (const s of snapshot.schedules) this.#schedules.set(key(s.schedule.GroupName, s.schedule.Name), s);
  }

  snapshot(): Snapshot {
    return {
      format: "coachflow-local-scheduler/1",
      clockNow: this.clock.now().toISOString(),
      groups: [...this.#groups.values()],
      schedules: [...this.#schedules.values()],
    };
  }

  /** Persists the current state (also used after the clock moves). */
  changed(): void {
    this.onChange(this.snapshot());
  }

  getGroup(name: string): ScheduleGroup | undefined {
    return this.#groups.get(name);
  }

  groups(): ScheduleGroup[] {
    return [...this.#groups.values()].sort((a, b) => a.Name.localeCompare(b.Name));
  }

  putGroup(group: ScheduleGroup): void {
    this.#groups.set(group.Name, group);
    this.changed();
  }

  /** Removes the group and every schedule in it. */
  deleteGroup(name: string): void {
    this.#groups.delete(name);
    for (const [k, s] of this.#schedules) if (s.schedule.GroupName === name) this.#schedules.delete(k);
    this.changed();
  }

  get(group: string, name: string): StoredSchedule | undefined {
    return this.#schedules.get(key(group, name));
  }

  put(stored: StoredSchedule): void {
    this.#schedules.set(key(stored.schedule.GroupName, stored.schedule.Name), stored);
    this.changed();
  }

  delete(group: string, name: string): boolean {
    const existed = this.#schedules.delete(key(group, name));
    if (existed) this.changed();
    return existed;
  }

  /** All schedules sorted by group, then name (the order ListSchedules pages through). */
  all(): StoredSchedule[] {
    return [...this.#schedules.values()].sort(
      (a, b) =>
        a.schedule.GroupName.localeCompare(b.schedule.GroupName) ||
        a.schedule.Name.localeCompare(b.schedule.Name),
    );
  }

  /** The enabled, not yet fired at() schedule that is due first at `nowMs`, if any. */
  nextDue(nowMs: number): StoredSchedule | undefined {
    let next: StoredSchedule | undefined;
    for (const s of this.#schedules.values()) {
      if (s.schedule.State !== "ENABLED" || s.completedAt || s.dueAtMs === null || s.dueAtMs > nowMs)
        continue;
      if (!next || byDueTime(s, next) < 0) next = s;
    }
    return next;
  }
}
