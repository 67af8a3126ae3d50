import { beforeAll, describe, expect, it } from "vitest";
import { type HandleBookingDeps, handleBookingEvent } from "../../packages/core/src/bookings/handle";
import type { JobScheduler } from "../../packages/core/src/ports";
import { JOB_KINDS, scheduleName } from "../../packages/core/src/sessions/schedule-names";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { buildStory } from "../support/booking-stories";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/*
 * Two deliveries of one Cal.com chain in flight: the older one's schedule sync is held until the
 * newer delivery has committed and synced, then finishes last. The sync must converge on the
 * session as it is now (`syncSessionJobs` re-reads it after writing and syncs again when it moved
 * on), whether the newer delivery moved the session or cancelled it. The fault suite met this by
 * chance (docs/reliability.md).
 */

const HOUR = 3600_000;
const coachEmail = DEMO_COACHES.find((c) => c.input.bookingProvider === "calcom")!.input.email;
const LATER_KINDS = JOB_KINDS.filter((k) => k !== "booking-confirmation" && k !== "coach-brief");

/** The deps, with the first upsert held until `release()`; `reached` resolves when it waits. */
function heldFirstUpsert(deps: HandleBookingDeps) {
  const real = deps.scheduler;
  let signal!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => {
    signal = r;
  });
  const released = new Promise<void>((r) => {
    release = r;
  });
  let held = false;
  const scheduler: JobScheduler = {
    async upsert(job) {
      if (!held) {
        held = true;
        signal();
        await released;
      }
      return real.upsert(job);
    },
    remove: (name) => real.remove(name),
    list: (prefix) => real.list(prefix),
  };
  return { deps: { ...deps, scheduler }, reached, release };
}

describe("a chain's older delivery whose schedule sync finishes last", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
  });

  /**
   * created b1; then `b2 ← b1`, held in its schedule sync while the next delivery (`b3 ← b2`, or
   * b2 cancelled) runs to the end.
   */
  async function race(label: string, endsCancelled: boolean) {
    const base = Math.ceil(stack.clock.now().getTime() / HOUR) * HOUR + 30 * 24 * HOUR;
    const story = buildStory(
      {
        provider: "calcom",
        styles: endsCancelled ? ["calcom"] : ["calcom", "calcom"],
        gapsMinutes: endsCancelled ? [60, 24 * 60] : [60, 24 * 60, 24 * 60],
        durationsMinutes: endsCancelled ? [60, 60] : [60, 60, 60],
        endsCancelled,
      },
      {
        idPrefix: `${label}-${base}-`,
        attendeeEmail: uniqueEmail(label),
        organizerEmail: coachEmail,
        base,
      },
    );
    const [created, older, newer] = story.events;
    const deps = stack.deps.bookings;
    await handleBookingEvent(deps, created!);
    const slow = heldFirstUpsert(deps);
    const late = handleBookingEvent(slow.deps, older!);
    await slow.reached;
    const fresh = await handleBookingEvent(deps, newer!);
    slow.release();
    await late;
    const [session] = await deps.bookings.getSessions([fresh.sessionId!]);
    const pending = new Map(stack.scheduler.pendingSchedules().map((s) => [s.name, s.input]));
    return { story, session: session!, pending };
  }

  it("leaves every reminder at the time of the newer reschedule", async () => {
    const { story, session, pending } = await race("sync-moved", false);

    expect(session.startsAt).toBe(story.expected.startsAt);
    for (const kind of LATER_KINDS) {
      const input = pending.get(scheduleName(session.id, kind));
      expect(input && (JSON.parse(input) as { startsAt: string }).startsAt, kind).toBe(session.startsAt);
    }
  });

  it("leaves no schedule when the newer delivery cancelled the session", async () => {
    const { session, pending } = await race("sync-cancel", true);

    expect(session.status).toBe("cancelled");
    for (const kind of JOB_KINDS) expect(pending.has(scheduleName(session.id, kind)), kind).toBe(false);
  });
});
