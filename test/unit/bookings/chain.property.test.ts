import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEvent, desiredSession, orderChain } from "../../../packages/core/src/bookings/chain";
import type { BookingRecord } from "../../../packages/core/src/bookings/model";
import type { BookingEvent } from "../../../packages/core/src/webhooks/booking-event";
import {
  buildStory,
  type Delivery,
  deliver,
  deliveryArb,
  describeEvents,
  type StoryContext,
  type StoryShape,
  storyShapeArb,
} from "../../support/booking-stories";

const ctx: StoryContext = {
  idPrefix: "",
  attendeeEmail: "story.client@example.com",
  organizerEmail: "ada.mensah@coaches.example.com",
  base: Date.UTC(2026, 2, 2, 9),
};

/** Folds events into records the way the store does: each event sees the records so far. */
function fold(events: readonly BookingEvent[], records = new Map<string, BookingRecord>()) {
  for (const event of events) for (const r of applyEvent(records, event)) records.set(r.bookingId, r);
  return records;
}

/** The comparable part of a chain's session: what state, at what time, held by which booking. */
function outcome(records: ReadonlyMap<string, BookingRecord>, startId: string) {
  const desired = desiredSession(orderChain(records, startId));
  if (desired.state === "none") return { state: "none" as const };
  const { state, startsAt, endsAt, bookingId } = desired;
  return { state, startsAt, endsAt, bookingId };
}

const storyWithDelivery = storyShapeArb.chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    delivery: deliveryArb(buildStory(shape, ctx).events.length),
  }),
);

describe("booking chain: any delivery order ends like in-order delivery", () => {
  it("ends in the in-order session, whatever the order and duplicates", () => {
    fc.assert(
      fc.property(storyWithDelivery, ({ shape, delivery }: { shape: StoryShape; delivery: Delivery }) => {
        const story = buildStory(shape, ctx);
        const inOrder = fold(story.events);
        const shuffled = fold(deliver(story.events, delivery));
        const ids = story.bookings.map((b) => b.bookingId);

        // In order ends where the story says: the last booking's time, cancelled if the story ends so.
        expect(outcome(inOrder, ids[0]!)).toEqual(story.expected);
        // Any order with duplicates ends in the same session, seen from any booking of the chain.
        for (const id of ids) {
          expect(outcome(shuffled, id)).toEqual(story.expected);
          expect(orderChain(shuffled, id).map((r) => r.bookingId)).toEqual(ids);
        }
        // And in the same records (applyEvent's own promise: events commute and are idempotent).
        expect(shuffled).toEqual(inOrder);
      }),
      { numRuns: 500 },
    );
  });

  it("never shows an active session for a story that ends cancelled once the final cancel is in", () => {
    // After the final cancel has arrived, no later event (of any kind, or a duplicate) revives it.
    fc.assert(
      fc.property(
        storyWithDelivery.filter(({ shape }) => shape.endsCancelled),
        ({ shape, delivery }) => {
          const story = buildStory(shape, ctx);
          const events = deliver(story.events, delivery);
          const cancel = story.events.at(-1)!;
          const records = new Map<string, BookingRecord>();
          let cancelSeen = false;
          for (const event of events) {
            fold([event], records);
            if (event === cancel) cancelSeen = true;
            if (cancelSeen) expect(outcome(records, cancel.bookingId).state).not.toBe("scheduled");
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("booking chain: named edge cases", () => {
  const story = (shape: Partial<StoryShape>) =>
    buildStory(
      {
        provider: "calendly",
        styles: [],
        gapsMinutes: [60],
        durationsMinutes: [60],
        endsCancelled: false,
        ...shape,
        ...(shape.styles
          ? {
              gapsMinutes: shape.styles.map(() => 60).concat(60),
              durationsMinutes: shape.styles.map(() => 60).concat(60),
            }
          : {}),
      },
      ctx,
    );

  it("a cancel that arrives before its create leaves the session cancelled, never scheduled", () => {
    const s = story({ endsCancelled: true });
    const [created, cancelled] = s.events;
    expect(describeEvents(s.events)).toEqual(["created b1", "cancelled b1"]);

    const records = fold([cancelled!]);
    expect(outcome(records, "b1")).toEqual({ state: "none" });
    fold([created!], records);
    expect(outcome(records, "b1")).toEqual(s.expected);
    expect(s.expected.state).toBe("cancelled");
  });

  it("a reschedule's create arriving before the old booking's create keeps the new time (Cal.com)", () => {
    const s = story({ provider: "calcom", styles: ["calcom"] });
    const [oldCreated, newCreated] = s.events;
    expect(describeEvents(s.events)).toEqual(["created b1", "created b2 ← b1"]);

    const records = fold([newCreated!]);
    expect(outcome(records, "b2")).toEqual(s.expected);
    fold([oldCreated!], records);
    for (const id of ["b1", "b2"]) expect(outcome(records, id)).toEqual(s.expected);
    expect(s.expected).toMatchObject({
      state: "scheduled",
      bookingId: "b2",
      startsAt: s.bookings[1]!.startsAt,
    });
  });

  it("the Calendly cancel-half before the create-half does not cancel the session", () => {
    const s = story({ styles: ["calendly"] });
    const [oldCreated, cancelHalf, createHalf] = s.events;
    expect(describeEvents(s.events)).toEqual([
      "created b1",
      "cancelled b1 → b2 (rescheduled)",
      "created b2 ← b1",
    ]);

    const records = fold([oldCreated!, cancelHalf!]);
    // Between the halves the session stays at the old time, held by the new booking: not cancelled.
    expect(outcome(records, "b1")).toEqual({
      state: "scheduled",
      startsAt: s.bookings[0]!.startsAt,
      endsAt: s.bookings[0]!.endsAt,
      bookingId: "b2",
    });
    fold([createHalf!], records);
    for (const id of ["b1", "b2"]) expect(outcome(records, id)).toEqual(s.expected);
  });

  it("a duplicate cancel changes nothing", () => {
    const s = story({ endsCancelled: true });
    const records = fold(s.events);
    const before = structuredClone(records);
    const cancel = s.events.at(-1)!;

    const changed = applyEvent(records, cancel);
    expect(changed).toEqual([records.get("b1")]);
    fold([cancel, cancel], records);
    expect(records).toEqual(before);
    expect(outcome(records, "b1")).toEqual(s.expected);
  });
});
