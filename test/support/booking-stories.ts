import fc from "fast-check";
import type { BookingEvent, Provider } from "../../packages/core/src/webhooks/booking-event";

/*
 * "Stories" for the booking-order properties: one reschedule chain as a provider would deliver it,
 * in order, and a delivery of the same events in any order with duplicates.
 *
 * A story is b1 created, then each next booking reschedules the previous one in one of the two
 * shapes providers send, optionally ending with a cancel of the last booking:
 *   - Calendly: the old booking's `booking.cancelled` (rescheduled, replacedByBookingId: new) AND
 *     the new booking's `booking.created` (replacesBookingId: old);
 *   - Cal.com: only the new booking's `booking.created` (replacesBookingId: old).
 * A chain always belongs to one provider (its records are keyed by provider); the reschedule shape
 * is chosen per step, so mixed chains exercise both link directions.
 */

export type RescheduleStyle = "calendly" | "calcom";

/** The shape of a story, free of ids and addresses so one shape can be replayed for many clients. */
export interface StoryShape {
  provider: Provider;
  /** One per reschedule: bookings = styles.length + 1. */
  styles: RescheduleStyle[];
  /** Minutes from the story's base to b1's start, then from each start to the next (always ≥ 1). */
  gapsMinutes: number[];
  /** Length of each booking in minutes. */
  durationsMinutes: number[];
  /** The last booking is cancelled at the end. */
  endsCancelled: boolean;
}

export interface StoryContext {
  /** Prefix of every booking id, so runs sharing a table do not collide. */
  idPrefix: string;
  attendeeEmail: string;
  organizerEmail: string;
  /** Epoch ms of the story's base instant; starts come after it. */
  base: number;
}

export interface BookingTime {
  bookingId: string;
  startsAt: string;
  endsAt: string;
}

export interface Story {
  shape: StoryShape;
  provider: Provider;
  bookings: BookingTime[];
  /** The events as an in-order delivery sends them. */
  events: BookingEvent[];
  /** What in-order delivery must end in, stated from the story alone (not computed by the code). */
  expected: { state: "scheduled" | "cancelled"; startsAt: string; endsAt: string; bookingId: string };
}

const MINUTE = 60_000;

export const storyShapeArb: fc.Arbitrary<StoryShape> = fc.integer({ min: 1, max: 5 }).chain((bookings) =>
  fc.record({
    provider: fc.constantFrom<Provider>("calendly", "calcom"),
    styles: fc.array(fc.constantFrom<RescheduleStyle>("calendly", "calcom"), {
      minLength: bookings - 1,
      maxLength: bookings - 1,
    }),
    gapsMinutes: fc.array(fc.integer({ min: 1, max: 14 * 24 * 60 }), {
      minLength: bookings,
      maxLength: bookings,
    }),
    durationsMinutes: fc.array(fc.constantFrom(30, 45, 60, 90), { minLength: bookings, maxLength: bookings }),
    endsCancelled: fc.boolean(),
  }),
);

/** The events of a story in the order a provider sends them, and the state they must end in. */
export function buildStory(shape: StoryShape, ctx: StoryContext): Story {
  const { provider } = shape;
  const iso = (ms: number) => new Date(ms).toISOString();
  let start = ctx.base;
  const bookings = shape.gapsMinutes.map((gap, i) => {
    start += gap * MINUTE;
    return {
      bookingId: `${ctx.idPrefix}b${i + 1}`,
      startsAt: iso(start),
      endsAt: iso(start + (shape.durationsMinutes[i] ?? 60) * MINUTE),
    };
  });
  // The webhooks' own timestamps: one step of the story per minute, before the first start.
  let step = 0;
  const occurredAt = () => iso(ctx.base - 24 * 60 * MINUTE + step++ * MINUTE);
  const created = (b: BookingTime, at: string, replaces?: string): BookingEvent => ({
    type: "booking.created",
    provider,
    bookingId: b.bookingId,
    ...(replaces ? { replacesBookingId: replaces } : {}),
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    attendee: { name: "Story Client", email: ctx.attendeeEmail, timezone: "Europe/London" },
    organizerEmails: [ctx.organizerEmail],
    title: "Intro call",
    occurredAt: at,
  });

  const first = bookings[0]!;
  const events: BookingEvent[] = [created(first, occurredAt())];
  for (let i = 1; i < bookings.length; i++) {
    const old = bookings[i - 1]!;
    const next = bookings[i]!;
    if (shape.styles[i - 1] === "calendly") {
      const at = occurredAt();
      events.push({
        type: "booking.cancelled",
        provider,
        bookingId: old.bookingId,
        rescheduled: true,
        replacedByBookingId: next.bookingId,
        occurredAt: at,
      });
      // Calendly sends both halves of a reschedule for the same moment.
      events.push(created(next, at, old.bookingId));
    } else {
      events.push(created(next, occurredAt(), old.bookingId));
    }
  }
  const last = bookings.at(-1)!;
  if (shape.endsCancelled) {
    events.push({
      type: "booking.cancelled",
      provider,
      bookingId: last.bookingId,
      rescheduled: false,
      reason: "Something came up",
      occurredAt: occurredAt(),
    });
  }
  return {
    shape,
    provider,
    bookings,
    events,
    expected: {
      state: shape.endsCancelled ? "cancelled" : "scheduled",
      startsAt: last.startsAt,
      endsAt: last.endsAt,
      bookingId: last.bookingId,
    },
  };
}

/**
 * How a story's events are delivered: a full permutation (every event at least once) plus 0–3
 * duplicates, each a copy of any event inserted at any position. Expressed as indices into the
 * in-order list, so the same delivery can be replayed with other ids. Shrinks towards in-order.
 */
export interface Delivery {
  /** Sort keys, one per event: the permutation is the events ordered by (key, index). */
  keys: number[];
  duplicates: { event: number; at: number }[];
}

export function deliveryArb(eventCount: number): fc.Arbitrary<Delivery> {
  return fc.record({
    keys: fc.array(fc.nat({ max: 1000 }), { minLength: eventCount, maxLength: eventCount }),
    duplicates: fc.array(
      fc.record({ event: fc.nat({ max: eventCount - 1 }), at: fc.nat({ max: eventCount + 3 }) }),
      { maxLength: 3 },
    ),
  });
}

/** The indices (into the in-order events) in delivery order. */
export function deliveryOrder(delivery: Delivery): number[] {
  const order = delivery.keys
    .map((key, index) => ({ key, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((x) => x.index);
  for (const dup of delivery.duplicates) order.splice(Math.min(dup.at, order.length), 0, dup.event);
  return order;
}

export function deliver<T>(events: readonly T[], delivery: Delivery): T[] {
  return deliveryOrder(delivery).map((i) => events[i]!);
}

/** A story and a delivery of it, for stories built with `ctx`. */
export const storyAndDeliveryArb = (ctx: StoryContext) =>
  storyShapeArb.chain((shape) => {
    const story = buildStory(shape, ctx);
    return fc.record({ shape: fc.constant(shape), delivery: deliveryArb(story.events.length) });
  });

/** One line per event, for failure messages and named examples: `created b2 ← b1`, `cancelled b1 → b2`. */
export function describeEvents(events: readonly BookingEvent[], idPrefix = ""): string[] {
  const short = (id: string) => id.slice(idPrefix.length);
  return events.map((e) =>
    e.type === "booking.created"
      ? `created ${short(e.bookingId)}${e.replacesBookingId ? ` ← ${short(e.replacesBookingId)}` : ""}`
      : `cancelled ${short(e.bookingId)}${e.replacedByBookingId ? ` → ${short(e.replacedByBookingId)}` : ""}${
          e.rescheduled ? " (rescheduled)" : ""
        }`,
  );
}

/** What a coach writes on a session of the story while its deliveries are still arriving. */
export type CoachWriteKind = "notes" | "talkingPoints" | "finish" | "goal";

export interface CoachWrite {
  kind: CoachWriteKind;
  /** The write comes right after this many deliveries (clamped to the delivery's length). */
  after: number;
  /** Which of the client's sessions at that moment it goes to (modulo how many there are). */
  target: number;
}

/** 1–6 coach writes at any point of a delivery, on any session the client has then. */
export const coachWritesArb: fc.Arbitrary<CoachWrite[]> = fc.array(
  fc.record({
    kind: fc.constantFrom<CoachWriteKind>("notes", "talkingPoints", "finish", "goal"),
    after: fc.nat({ max: 12 }),
    target: fc.nat({ max: 3 }),
  }),
  { minLength: 1, maxLength: 6 },
);
