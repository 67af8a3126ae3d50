import { emailSchema } from "../../shared/validators";
import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { personName, programNameField, systemText } from "../schemas";

/**
 * To the program admin: a booking matched a client by email alone, with a coach who does not work
 * with them, so it is kept apart until someone says whose it is (decision 0030). Ids and the
 * booking's own details; never the client's profile.
 */
export const adminUnverifiedBooking = defineContract({
  name: "admin-unverified-booking",
  schema: () =>
    z.object({
      programName: programNameField,
      /** The unverified booking's id (its session). */
      sessionId: systemText(40),
      /** The client whose address it was booked with. */
      clientId: systemText(40),
      coachName: personName,
      /** The name and address the booking was made with (the booking form's: untrusted text). */
      bookedName: personName,
      bookedEmail: emailSchema,
      /** When the booked session starts, as an ISO 8601 timestamp. */
      startTime: z.iso.datetime({ offset: true }),
    }),
});
