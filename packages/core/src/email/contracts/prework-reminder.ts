import { defineContract } from "../contract";
import { sessionEmailSchema } from "../schemas";

/** To the client 24 hours before a session: when it is, and the pre-work (seed 002). */
export const preworkReminder = defineContract({
  name: "prework-reminder",
  subjectFields: ["kindLabel", "sessionTime"],
  // The session time is formatted in the reader's time zone.
  schema: () => sessionEmailSchema({}),
});
