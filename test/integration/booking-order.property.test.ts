import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type BookingDeps, processBookingEvent } from "../../packages/core/src/bookings/process";
import type { Session } from "../../packages/core/src/sessions/model";
import type { BookingEvent, Provider } from "../../packages/core/src/webhooks/booking-event";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import {
  buildStory,
  type Delivery,
  deliver,
  deliveryArb,
  describeEvents,
  type Story,
  type StoryShape,
  storyShapeArb,
} from "../support/booking-stories";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/*
 * The booking-order rule against DynamoDB Local, through processBookingEvent (no HTTP, so no
 * emails or schedules): any order of a chain's events, with duplicates, ends in the same one
 * session as in-order delivery. Each run books for two new clients of its own: one gets the
 * shuffled delivery, the other the same story in order, and their final states are compared.
 */

const HOUR = 3600_000;
const coachEmail: Record<Provider, string> = {
  calendly: DEMO_COACHES.find((c) => c.input.bookingProvider === "calendly")!.input.email,
  calcom: DEMO_COACHES.find((c) => c.input.bookingProvider === "calcom")!.input.email,
};
const fileTag = randomUUID().slice(0, 6);
let run = 0;

/** A placeholder context: only the number of events matters to the delivery generator. */
const shapeCtx = { idPrefix: "", attendeeEmail: "x@example.com", organizerEmail: "y@example.com", base: 0 };
const storyWithDelivery = storyShapeArb.chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    delivery: deliveryArb(buildStory(shape, shapeCtx).events.length),
  }),
);

describe("booking events in any order, against DynamoDB Local", () => {
  let stack: TestStack;
  let base: number;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
    base = Math.ceil(stack.clock.now().getTime() / HOUR) * HOUR + 24 * HOUR;
  });

  /** The story for one new client, with booking ids of its own. */
  function storyFor(shape: StoryShape, label: string): { story: Story; email: string; prefix: string } {
    const prefix = `${fileTag}-${++run}-${label}-`;
    const email = uniqueEmail(`order-${label}`);
    const story = buildStory(shape, {
      idPrefix: prefix,
      attendeeEmail: email,
      organizerEmail: coachEmail[shape.provider],
      base,
    });
    return { story, email, prefix };
  }

  async function sessionsOf(email: string): Promise<Session[]> {
    const { record } = await stack.deps.clients.clients.readForIntake(email);
    return record ? stack.deps.bookings.bookings.sessionsOfClient(record.clientId) : [];
  }

  /** A session without what differs between clients and runs: ids, write timestamps, versions. */
  const comparable = (s: Session, prefix: string) => ({
    coachId: s.coachId,
    provider: s.provider,
    kind: s.kind,
    number: s.number,
    status: s.status,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    bookingId: s.bookingId.startsWith(prefix) ? s.bookingId.slice(prefix.length) : s.bookingId,
  });

  /** Checks one client's final state against the story, and returns it for comparison. */
  async function expectFinalState(
    { story, email, prefix }: { story: Story; email: string; prefix: string },
    delivered: readonly BookingEvent[],
  ) {
    const why = `delivered: ${describeEvents(delivered, prefix).join(" | ")}`;
    const sessions = await sessionsOf(email);
    // Every story has b1's created, so exactly one session, whatever the order.
    expect(sessions, why).toHaveLength(1);
    const session = sessions[0]!;
    expect(
      {
        kind: session.kind,
        status: session.status,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        bookingId: session.bookingId,
      },
      why,
    ).toEqual({
      kind: "intro",
      status: story.expected.state,
      startsAt: story.expected.startsAt,
      endsAt: story.expected.endsAt,
      bookingId: story.expected.bookingId,
    });
    // Every booking of the chain points at that one session.
    const records = await stack.deps.bookings.bookings.getBookings(
      story.provider,
      story.bookings.map((b) => b.bookingId),
    );
    expect(records, why).toHaveLength(story.bookings.length);
    for (const r of records) expect(r.sessionId, `${why}: ${r.bookingId}`).toBe(session.id);
    return comparable(session, prefix);
  }

  async function inOrder(shape: StoryShape) {
    const client = storyFor(shape, "o");
    for (const event of client.story.events) await processBookingEvent(stack.deps.bookings, event);
    return expectFinalState(client, client.story.events);
  }

  it("ends in the in-order state when events arrive one by one in any order, with duplicates", async () => {
    await fc.assert(
      fc.asyncProperty(
        storyWithDelivery,
        async ({ shape, delivery }: { shape: StoryShape; delivery: Delivery }) => {
          const client = storyFor(shape, "s");
          const delivered = deliver(client.story.events, delivery);
          for (const event of delivered) await processBookingEvent(stack.deps.bookings, event);

          const shuffled = await expectFinalState(client, delivered);
          expect(shuffled).toEqual(await inOrder(shape));
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  it("ends in the in-order state when all events, with duplicates, arrive at once", async () => {
    await fc.assert(
      fc.asyncProperty(storyWithDelivery, async ({ shape, delivery }) => {
        const client = storyFor(shape, "c");
        const delivered = deliver(client.story.events, delivery);
        await Promise.all(delivered.map((event) => processBookingEvent(stack.deps.bookings, event)));

        const concurrent = await expectFinalState(client, delivered);
        expect(concurrent).toEqual(await inOrder(shape));
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  /*
   * Named counterexamples, found by the concurrent property above and made deterministic: delivery
   * `late` is paused after it has read its chain's booking records and before it reads the
   * session, while another delivery runs to completion. `late` then computes the session from the
   * records it read (stale) and writes it over the fresh session. Its transaction is conditioned
   * only on the session's version (read fresh) and on the booking records it changes, not on the
   * records it read unchanged, so nothing stops the stale write.
   */

  /** Deps whose first getSessions call waits until `release()`; `reached` resolves when it waits. */
  function pausedBeforeSessions(): { deps: BookingDeps; reached: Promise<void>; release: () => void } {
    const store = stack.deps.bookings.bookings;
    let signal!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((r) => {
      signal = r;
    });
    const released = new Promise<void>((r) => {
      release = r;
    });
    let paused = false;
    const deps: BookingDeps = {
      ...stack.deps.bookings,
      bookings: {
        getBookings: (provider, ids) => store.getBookings(provider, ids),
        sessionsOfClient: (clientId) => store.sessionsOfClient(clientId),
        sessionsOfCoach: (coachId, range) => store.sessionsOfCoach(coachId, range),
        getPair: (clientId, coachId) => store.getPair(clientId, coachId),
        commit: (change) => store.commit(change),
        async getSessions(ids) {
          if (!paused) {
            paused = true;
            signal();
            await released;
          }
          return store.getSessions(ids);
        },
      },
    };
    return { deps, reached, release };
  }

  /** Runs `before` in order, then `late` paused as above while `meanwhile` completes. */
  async function interleave(before: BookingEvent[], late: BookingEvent, meanwhile: BookingEvent) {
    for (const event of before) await processBookingEvent(stack.deps.bookings, event);
    const paused = pausedBeforeSessions();
    const lateRun = processBookingEvent(paused.deps, late);
    await paused.reached;
    await processBookingEvent(stack.deps.bookings, meanwhile);
    paused.release();
    await lateRun;
  }

  const shape = (styles: StoryShape["styles"], endsCancelled: boolean): StoryShape => ({
    provider: styles[0] ?? "calendly",
    styles,
    gapsMinutes: [60, ...styles.map(() => 24 * 60)],
    durationsMinutes: [60, ...styles.map(() => 60)],
    endsCancelled,
  });

  it("a retried create racing the cancel does not revive the cancelled session", async () => {
    // created b1 | created b1 (retry, reads b1) ‖ cancelled b1 (completes) | retry writes
    const client = storyFor(shape([], true), "x");
    const [created, cancelled] = client.story.events;
    await interleave([created!], created!, cancelled!);

    await expectFinalState(client, [created!, created!, cancelled!]);
  });

  it("a retried create racing a Cal.com reschedule does not move the session back", async () => {
    // created b1 | created b1 (retry, reads b1) ‖ created b2 ← b1 (completes) | retry writes
    const client = storyFor(shape(["calcom"], false), "x");
    const [created, rescheduled] = client.story.events;
    await interleave([created!], created!, rescheduled!);

    await expectFinalState(client, [created!, created!, rescheduled!]);
  });

  it("a reschedule's create racing the next reschedule's create ends at the last time", async () => {
    // Calendly b1 → b2 → b3, no duplicates: created b1 | cancelled b1 → b2 | cancelled b2 → b3 |
    // created b2 ← b1 (reads b1, b2, b3 without its created) ‖ created b3 ← b2 (completes) |
    // created b2 writes the session at b2's time
    const client = storyFor(shape(["calendly", "calendly"], false), "x");
    const [created1, cancel1, created2, cancel2, created3] = client.story.events;
    await interleave([created1!, cancel1!, cancel2!], created2!, created3!);

    await expectFinalState(client, [created1!, cancel1!, cancel2!, created2!, created3!]);
  });
});
