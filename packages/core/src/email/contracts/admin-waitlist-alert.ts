import { emailSchema } from "../../shared/validators";
import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { languageList, personName, programNameField, topicList } from "../schemas";

const count = () => z.int().check(z.minimum(0));

/**
 * To the program admin: a client was waitlisted and why no coach fit. Deliberately carries no
 * free-text answers (background, challenge, goals): name, email, topics and languages only.
 */
export const adminWaitlistAlert = defineContract({
  name: "admin-waitlist-alert",
  subjectFields: ["clientId"],
  schema: () =>
    z.object({
      programName: programNameField,
      clientId: z.string().check(z.regex(/^cli_[0-9A-HJKMNP-TV-Z]{26}$/, { message: "must be a client id" })),
      clientName: personName,
      clientEmail: emailSchema,
      topics: topicList,
      languages: languageList,
      /** How many coaches were ruled out for each reason. */
      excluded: z.object({
        inactive: count(),
        atCapacity: count(),
        noSharedLanguage: count(),
      }),
    }),
});
