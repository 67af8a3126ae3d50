import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { dateLabelField, linkField, personName, programNameField } from "../schemas";

/** To a recurring client with nothing booked near the date the next session is due: please book. */
export const bookingNudge = defineContract({
  name: "booking-nudge",
  schema: () =>
    z.object({
      programName: programNameField,
      clientName: personName,
      coachName: personName,
      /** When the next session is due, formatted for the client: "Tuesday, 16 June 2026". */
      dueLabel: dateLabelField,
      bookingUrl: linkField,
      /** Stops booking nudges for this client; http(s) only. */
      unsubscribeUrl: linkField,
    }),
});
