import type { Coach } from "../coaches/schema";
import type { BookingStore, CoachRepository } from "../ports";
import type { BookingEvent } from "./booking-event";

export interface CoachScopeDeps {
  bookings: Pick<BookingStore, "getBookings" | "getSessions">;
  coaches: Pick<CoachRepository, "findIdByEmail">;
}

/**
 * Whether `emails` (a booking's organizer, then its team members) resolve to this coach by the
 * rule booking processing uses (bookings/resolve.ts, `resolveCoach`): the first email that is a
 * coach's names the coach. No read when the organizer is the coach, the usual case.
 */
async function resolvesTo(deps: CoachScopeDeps, coach: Pick<Coach, "id" | "email">, emails: string[]) {
  for (const raw of emails) {
    const email = raw.trim().toLowerCase();
    if (email === coach.email) return true;
    const other = await deps.coaches.findIdByEmail(email);
    if (other) return other === coach.id;
  }
  return false;
}

/**
 * Whether an event that came to a coach's own endpoint is about that coach's bookings only
 * (decision 0031): a new booking must be organized by the coach, and every stored booking the
 * event names (itself, the booking it replaces or is replaced by) must be the coach's, by its
 * organizer or, for a booking known only through a link, by its session's coach. A booking we
 * have never seen cannot be checked; a provider's booking ids are unguessable, and nobody but the
 * provider knows one before its own delivery arrives.
 */
export async function isCoachsEvent(
  deps: CoachScopeDeps,
  coach: Pick<Coach, "id" | "email">,
  event: BookingEvent,
): Promise<boolean> {
  if (event.type === "booking.created" && !(await resolvesTo(deps, coach, event.organizerEmails)))
    return false;
  const linked = event.type === "booking.created" ? event.replacesBookingId : event.replacedByBookingId;
  const records = await deps.bookings.getBookings(
    event.provider,
    linked ? [event.bookingId, linked] : [event.bookingId],
  );
  const sessionIds: string[] = [];
  for (const record of records) {
    if (record.created) {
      if (!(await resolvesTo(deps, coach, record.created.organizerEmails))) return false;
    } else if (record.sessionId) sessionIds.push(record.sessionId);
  }
  if (sessionIds.length === 0) return true;
  return (await deps.bookings.getSessions(sessionIds)).every((s) => s.coachId === coach.id);
}
