import type { Client } from "../clients/model";
import type { Session } from "../sessions/model";
import type { BookingAnswer } from "../webhooks/booking-event";

/** What an admin sees of an unverified booking: the booking's own details and whose address it used. */
export interface UnverifiedBooking {
  /** The booking's session. */
  id: string;
  /** The client whose address it was made with. */
  clientId: string;
  /** The booking's own profile, which holds the session until a decision. */
  bookerId: string;
  coachId: string;
  startsAt: string;
  endsAt: string;
  status: Session["status"];
  name: string;
  email: string;
  answers: BookingAnswer[];
  bookedAt: string;
}

/** The row of a booking kept on its own profile (`booker`, whose `unverified` names the session). */
export function unverifiedBooking(booker: Client, session: Session): UnverifiedBooking {
  return {
    id: session.id,
    clientId: booker.unverified!.clientId,
    bookerId: booker.id,
    coachId: session.coachId,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    status: session.status,
    name: booker.name,
    email: booker.email,
    answers: booker.bookingAnswers ?? [],
    bookedAt: booker.createdAt,
  };
}
