import { emailSchema, text } from "../../shared/validators";
import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { personName, programNameField, systemText } from "../schemas";

/**
 * To the program admin: a client whose coaches the admin chose confirmed new intake answers; the
 * admin's choice was kept (decision 0029). Like the waitlist alert, no free-text answers: which
 * answers changed, by the form's words, not what they say.
 */
export const adminAnswersChanged = defineContract({
  name: "admin-answers-changed",
  subjectFields: ["clientId"],
  schema: () =>
    z.object({
      programName: programNameField,
      clientId: z.string().check(z.regex(/^cli_[0-9A-HJKMNP-TV-Z]{26}$/, { message: "must be a client id" })),
      clientName: personName,
      clientEmail: emailSchema,
      /** The answers that changed, as the intake form names them, in one line ("name, topics"). */
      changed: systemText(400),
      /** The names of the coaches the admin chose, kept, in one line. */
      coaches: text(400),
    }),
});
