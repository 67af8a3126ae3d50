import { beforeAll, describe, expect, it } from "vitest";
import { type HandleBookingDeps, handleBookingEvent } from "../../packages/core/src/bookings/handle";
import type { JobScheduler } from "../../packages/core/src/ports";
import { JOB_KINDS, scheduleName } from "../../packages/core/src/sessions/schedule-names";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { buildStory } from "../support/booking-stories";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/*
 * A counterexample the fault suite met by chance (docs/reliability.md: "a reminder left at an
 * older time"), made deterministic: two deliveries of one Cal.com chain in flight at once.
 * `created b2 ← b1` commits the session at b2's time, then its schedule sync is slowed (as
 * latency or a retried Scheduler call slows it); meanwhile `created b3 ← b2` commits b3 and syncs
 * its schedules. The slow sync then writes b2's schedules over b3's: the session is right, its
 * pre-work reminder is for a time it no longer has, and fires stale. Fails today: the sync uses
 * the session its own transaction returned, not the session as it is when it writes.
 */

const HOUR = 3600_000;
const coachEmail = DEMO_COACHES.find((c) => c.input.bookingProvider === "calcom")!.input.email;

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

describe("schedule sync of a chain's older delivery, finishing last", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
  });

  it("leaves every reminder at the session's final time", async () => {
    const base = Math.ceil(stack.clock.now().getTime() / HOUR) * HOUR + 30 * 24 * HOUR;
    const story = buildStory(
      {
        provider: "calcom",
        styles: ["calcom", "calcom"],
        gapsMinutes: [60, 24 * 60, 24 * 60],
        durationsMinutes: [60, 60, 60],
        endsCancelled: false,
      },
      { idPrefix: `stale-${base}-`, attendeeEmail: uniqueEmail("stale"), organizerEmail: coachEmail, base },
    );
    const [created, rescheduled, rescheduledAgain] = story.events;
    const deps = stack.deps.bookings;
    await handleBookingEvent(deps, created!);

    const slow = heldFirstUpsert(deps);
    const late = handleBookingEvent(slow.deps, rescheduled!);
    await slow.reached;
    const fresh = await handleBookingEvent(deps, rescheduledAgain!);
    slow.release();
    await late;

    const [session] = await deps.bookings.getSessions([fresh.sessionId!]);
    expect(session?.startsAt).toBe(story.expected.startsAt);
    const pending = new Map(stack.scheduler.pendingSchedules().map((s) => [s.name, s.input]));
    for (const kind of JOB_KINDS.filter((k) => k !== "booking-confirmation" && k !== "coach-brief")) {
      const input = pending.get(scheduleName(session!.id, kind));
      expect(input && (JSON.parse(input) as { startsAt: string }).startsAt, kind).toBe(session!.startsAt);
    }
  });
});
