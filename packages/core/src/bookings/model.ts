import type { BookingCreated, Provider } from "../webhooks/booking-event";

/** What a `booking.created` told us about a booking. */
export type CreatedData = Pick<
  BookingCreated,
  | "startsAt"
  | "endsAt"
  | "attendee"
  | "organizerEmails"
  | "correlationToken"
  | "answers"
  | "title"
  | "occurredAt"
>;

/**
 * Everything known about one provider booking, whatever order its events arrived in. A record may
 * exist before its own `created` arrives (a placeholder named by a neighbour's reschedule link).
 */
export interface BookingRecord {
  provider: Provider;
  bookingId: string;
  created?: CreatedData;
  cancelled?: { rescheduled: boolean; reason?: string; occurredAt: string };
  /** The booking this one replaced (it is the new half of a reschedule). */
  replaces?: string;
  /** The booking that replaced this one. */
  replacedBy?: string;
  /** The session this booking's chain belongs to, once there is one. */
  sessionId?: string;
  /** Set when the organizer matches no coach: the booking is kept, and the admin told. */
  unknownCoach?: boolean;
  /** 0 for a record not stored yet. */
  version: number;
}
