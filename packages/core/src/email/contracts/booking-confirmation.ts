import { defineContract } from "../contract";
import { sessionEmailSchema } from "../schemas";

/** To the client when a booking arrives: when, with whom, what to expect and how to prepare. */
export const bookingConfirmation = defineContract({
  name: "booking-confirmation",
  subjectFields: ["kindLabel", "sessionTime"],
  // The session time is formatted in the reader's time zone.
  schema: () => sessionEmailSchema({}),
});
