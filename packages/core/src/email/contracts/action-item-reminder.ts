import { text } from "../../shared/validators";
import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { dateLabelField, linkField, personName, programNameField } from "../schemas";

/** To the client shortly before an action item is due: the item, when, and "Mark as done" (seed 002). */
export const actionItemReminder = defineContract({
  name: "action-item-reminder",
  schema: () =>
    z.object({
      programName: programNameField,
      clientName: personName,
      coachName: personName,
      item: z.object({
        text: text(500),
        /** Formatted for the client: "Friday, 5 June 2026". */
        dueLabel: dateLabelField,
      }),
      doneUrl: linkField,
      /** Stops action item reminders for this client; http(s) only. */
      unsubscribeUrl: linkField,
    }),
});
