import { type SessionKind, type SessionSlot, type SessionStatus, STARTER_SESSION_COUNT } from "./model";

/*
 * The numbering rule of a client–coach relationship.
 *
 * A session's kind and number follow from its POSITION among the pair's non-cancelled sessions,
 * ordered by start time (ties broken by id, so the order is total and stable):
 *
 *   position 0      → intro
 *   positions 1–7   → starter 1–7
 *   position 8 on   → regular
 *
 * Cancelled sessions hold no position. Finished and scheduled sessions both do: a session that
 * happened still counts. Because the rule reads positions, not the order bookings arrived in, a
 * booking for a time EARLIER than an already scheduled session takes that session's place and
 * pushes the later ones back by one; a cancellation pulls the later ones forward. The booking code
 * calls `renumber` after every create, reschedule and cancel, and stores the slots that changed.
 */

/** The slot of the session at `position` (0-based) in start order. */
export function slotAt(position: number): SessionSlot {
  if (position <= 0) return { kind: "intro" };
  if (position <= STARTER_SESSION_COUNT) return { kind: "starter", number: position };
  return { kind: "regular" };
}

/** True when two slots name the same kind and number. */
export function sameSlot(a: SessionSlot, b: SessionSlot): boolean {
  return a.kind === b.kind && (a.kind !== "starter" || a.number === b.number);
}

/**
 * The slot for a new booking that starts after every existing session of the pair: intro when
 * nothing non-cancelled exists, then starter 1…7, then regular. A booking that lands before an
 * existing session is numbered by `renumber` instead.
 */
export function nextSessionSlot(
  previous: readonly { kind: SessionKind; number?: number; status: SessionStatus; startsAt: string }[],
): SessionSlot {
  return slotAt(previous.filter((s) => s.status !== "cancelled").length);
}

export interface RenumberInput {
  id: string;
  startsAt: string;
  /** Cancelled entries are left out, so callers may pass the pair's whole history. */
  status?: SessionStatus;
  kind?: SessionKind;
  number?: number;
}

export interface Renumbered extends SessionSlot {
  id: string;
  startsAt: string;
  /** True when the slot differs from the `kind`/`number` passed in (always true when none was). */
  changed: boolean;
}

function instant(startsAt: string): number {
  const at = Date.parse(startsAt);
  if (Number.isNaN(at)) throw new RangeError(`startsAt is not a date-time: ${startsAt}`);
  return at;
}

/**
 * The slot each non-cancelled session of one client–coach pair should have, in start order.
 * Start times are compared as instants, so offsets like `+01:00` and `Z` order correctly.
 */
export function renumber(sessions: readonly RenumberInput[]): Renumbered[] {
  return sessions
    .filter((s) => s.status !== "cancelled")
    .map((s) => ({ session: s, at: instant(s.startsAt) }))
    .sort((a, b) => a.at - b.at || (a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0))
    .map(({ session }, position) => {
      const slot = slotAt(position);
      const current = session.kind === undefined ? undefined : { kind: session.kind, number: session.number };
      return {
        id: session.id,
        startsAt: session.startsAt,
        ...slot,
        changed: current === undefined || !sameSlot(current, slot),
      };
    });
}
