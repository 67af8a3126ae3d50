import type { BookingEvent, Provider } from "../../packages/core/src/webhooks/booking-event";
import { buildStory, type Story, type StoryShape } from "../support/booking-stories";
import { calcomEvent, calendlyCanceled, calendlyCreated } from "../support/webhooks";
import type { SeededRandom } from "./seeded-random";

/*
 * The booking side of a fault run: reschedule chains (test/support/booking-stories.ts), each for a
 * client and a coach of its own, so every email can be told apart by recipient and subject; then
 * their provider payloads, duplicated and shuffled.
 */

const DAY = 24 * 3600_000;

export interface Chain {
  index: number;
  story: Story;
  clientEmail: string;
  coachEmail: string;
}

export interface ProviderDelivery {
  chain: number;
  provider: Provider;
  /** The payload, as the provider would send it (signed at delivery time). */
  body: unknown;
  duplicate: boolean;
}

/** A chain's shape: 1–3 bookings, one provider's reschedule style, one in four ends cancelled. */
function shapeFor(random: SeededRandom): StoryShape {
  const provider = random.pick<Provider>(["calendly", "calcom"]);
  const bookings = random.pick([1, 1, 2, 2, 3]);
  return {
    provider,
    // Each provider's own way of saying "rescheduled": Cal.com payloads cannot carry Calendly's.
    styles: Array.from({ length: bookings - 1 }, () => provider),
    // The first start 30–40 days ahead, so nothing a run does comes near a session's time.
    gapsMinutes: [
      random.int(30 * 24 * 60, 40 * 24 * 60),
      ...Array.from({ length: bookings - 1 }, () => random.int(60, 7 * 24 * 60)),
    ],
    durationsMinutes: Array.from({ length: bookings }, () => random.pick([30, 45, 60, 90])),
    endsCancelled: random.chance(0.25),
  };
}

/** The provider payload of one story event. */
function payload(chain: Chain, event: BookingEvent): unknown {
  const times = new Map(chain.story.bookings.map((b) => [b.bookingId, b]));
  const booking = times.get(event.bookingId)!;
  const b = {
    id: event.bookingId,
    start: booking.startsAt,
    end: booking.endsAt,
    email: chain.clientEmail,
    name: `Fault Client ${chain.index}`,
    coachEmail: chain.coachEmail,
  };
  let body: Record<string, unknown>;
  if (event.provider === "calendly") {
    body =
      event.type === "booking.created"
        ? calendlyCreated({
            ...b,
            ...(event.replacesBookingId ? { oldInvitee: event.replacesBookingId } : {}),
          })
        : calendlyCanceled({
            ...b,
            ...(event.replacedByBookingId ? { newInvitee: event.replacedByBookingId } : {}),
          });
    body.created_at = event.occurredAt;
  } else {
    body =
      event.type === "booking.created"
        ? event.replacesBookingId
          ? calcomEvent("rescheduled", { ...b, rescheduleUid: event.replacesBookingId })
          : calcomEvent("created", b)
        : calcomEvent("cancelled", b);
    body.createdAt = event.occurredAt;
  }
  return body;
}

/**
 * Chains until their events reach `deliveries × (1 − duplicateShare)`, then copies of random
 * events up to `deliveries`, all shuffled together.
 */
export function buildWorkload(
  random: SeededRandom,
  opts: { deliveries: number; duplicateShare: number; runTag: string; base: number },
): { chains: Chain[]; deliveries: ProviderDelivery[] } {
  const unique = Math.round(opts.deliveries * (1 - opts.duplicateShare));
  const chains: Chain[] = [];
  const originals: ProviderDelivery[] = [];
  while (originals.length < unique) {
    const index = chains.length;
    const clientEmail = `fault.client.${opts.runTag}.${index}@example.com`;
    const coachEmail = `fault.coach.${opts.runTag}.${index}@coaches.example.com`;
    const ctx = {
      idPrefix: `F${opts.runTag}C${index}B`,
      attendeeEmail: clientEmail,
      organizerEmail: coachEmail,
      base: opts.base + (index % 7) * DAY,
    };
    let story = buildStory(shapeFor(random), ctx);
    if (story.events.length > unique - originals.length) {
      // The last places go to single bookings, so every chain is whole.
      story = buildStory(
        {
          ...story.shape,
          styles: [],
          gapsMinutes: story.shape.gapsMinutes.slice(0, 1),
          endsCancelled: false,
        },
        ctx,
      );
    }
    const chain = { index, story, clientEmail, coachEmail };
    chains.push(chain);
    for (const event of story.events) {
      originals.push({
        chain: index,
        provider: story.provider,
        body: payload(chain, event),
        duplicate: false,
      });
    }
  }
  const copies = Array.from({ length: opts.deliveries - unique }, () => ({
    ...random.pick(originals),
    duplicate: true,
  }));
  return { chains, deliveries: random.shuffle([...originals, ...copies]) };
}
