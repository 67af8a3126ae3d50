import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { linkField, personName, programNameField } from "../schemas";

/**
 * To the client after an intro session when the coach does not go ahead: a kind close, no blame,
 * and the way to other coaches (reply, or apply again through `applyUrl` when the program has one).
 */
export const introClosing = defineContract({
  name: "intro-closing",
  schema: () =>
    z.object({
      programName: programNameField,
      clientName: personName,
      coachName: personName,
      /** Optional: the program's application form, for asking to be matched again. http(s) only. */
      applyUrl: z.optional(linkField),
    }),
});
