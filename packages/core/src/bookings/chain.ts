import type { BookingEvent } from "../webhooks/booking-event";
import type { BookingRecord } from "./model";

/** The most records one reschedule chain may have; a longer one is treated as corrupt input. */
export const MAX_CHAIN = 50;

const blank = (event: BookingEvent, bookingId: string): BookingRecord => ({
  provider: event.provider,
  bookingId,
  version: 0,
});

/**
 * Applies one event to the records it touches and returns them, changed. Applying the same event
 * twice changes nothing the second time; events commute, so any order ends in the same records.
 */
export function applyEvent(
  records: ReadonlyMap<string, BookingRecord>,
  event: BookingEvent,
): BookingRecord[] {
  const get = (id: string) => ({ ...(records.get(id) ?? blank(event, id)) });
  const own = get(event.bookingId);
  if (event.type === "booking.created") {
    const { type: _t, provider: _p, bookingId: _b, replacesBookingId, ...data } = event;
    // A provider may send a booking again with new details; the newest word wins.
    if (!own.created || own.created.occurredAt < data.occurredAt) own.created = data;
    if (!replacesBookingId) return [own];
    own.replaces = replacesBookingId;
    const old = get(replacesBookingId);
    old.replacedBy = event.bookingId;
    return [own, old];
  }
  if (!own.cancelled || own.cancelled.occurredAt > event.occurredAt) {
    own.cancelled = {
      rescheduled: event.rescheduled,
      occurredAt: event.occurredAt,
      ...(event.reason ? { reason: event.reason } : {}),
    };
  }
  if (!event.replacedByBookingId) return [own];
  own.replacedBy = event.replacedByBookingId;
  const next = get(event.replacedByBookingId);
  next.replaces = event.bookingId;
  return [own, next];
}

/** Ids named by these records' links that are not in `known` yet. */
export function missingLinks(records: Iterable<BookingRecord>, known: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  for (const r of records) {
    for (const id of [r.replaces, r.replacedBy]) if (id && !known.has(id)) ids.add(id);
  }
  return [...ids];
}

/** The chain through `startId`, oldest booking first. Loops in the links are cut. */
export function orderChain(records: ReadonlyMap<string, BookingRecord>, startId: string): BookingRecord[] {
  let root = records.get(startId);
  if (!root) return [];
  const seen = new Set([root.bookingId]);
  while (root.replaces && records.has(root.replaces) && !seen.has(root.replaces) && seen.size < MAX_CHAIN) {
    root = records.get(root.replaces)!;
    seen.add(root.bookingId);
  }
  const chain = [root];
  const visited = new Set([root.bookingId]);
  let current = root;
  while (current.replacedBy && records.has(current.replacedBy) && !visited.has(current.replacedBy)) {
    current = records.get(current.replacedBy)!;
    visited.add(current.bookingId);
    chain.push(current);
    if (chain.length >= MAX_CHAIN) break;
  }
  return chain;
}

export type DesiredSession =
  | { state: "none" }
  | {
      state: "scheduled" | "cancelled";
      startsAt: string;
      endsAt: string;
      bookingId: string;
      source: BookingRecord;
    };

/**
 * What the session of a chain should be. The last booking decides: cancelled (with no successor)
 * means the session is cancelled; otherwise the session sits at the time of the newest booking
 * whose `created` arrived. A chain with no `created` yet has no session.
 */
export function desiredSession(chain: readonly BookingRecord[]): DesiredSession {
  const head = chain.at(-1);
  if (!head) return { state: "none" };
  const source = [...chain].reverse().find((r) => r.created);
  if (!source?.created) return { state: "none" };
  return {
    state: head.cancelled ? "cancelled" : "scheduled",
    startsAt: source.created.startsAt,
    endsAt: source.created.endsAt,
    bookingId: head.bookingId,
    source,
  };
}
