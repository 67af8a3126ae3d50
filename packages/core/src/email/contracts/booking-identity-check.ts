import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { linkField, personName, programNameField, sessionTimeField } from "../schemas";

/**
 * To the address a booking was made with, when it matched a client by email alone with a coach
 * who does not work with them: "is this you?", with a signed link that attaches the booking to
 * their profile once pressed (decision 0030). Says nothing of the profile itself.
 */
export const bookingIdentityCheck = defineContract({
  name: "booking-identity-check",
  schema: () =>
    z.object({
      programName: programNameField,
      coachName: personName,
      /** The name given on the booking (untrusted text). */
      bookedName: personName,
      /** Formatted in the time zone given on the booking. */
      sessionTime: sessionTimeField,
      confirmUrl: linkField,
    }),
});
