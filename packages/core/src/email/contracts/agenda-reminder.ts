import { defineContract } from "../contract";
import { agendaSchema, linkField, sessionEmailSchema } from "../schemas";

/** To the coach 10 minutes before a session: review the agenda now (seed 001: at least 5 minutes ahead). */
export const agendaReminder = defineContract({
  name: "agenda-reminder",
  subjectFields: ["kindLabel", "sessionTime"],
  // The session time is formatted in the reader's time zone.
  schema: () =>
    sessionEmailSchema({
      agenda: agendaSchema,
      /** The session page of the coach workspace. */
      sessionUrl: linkField,
    }),
});
