import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { linkField, personName, programNameField } from "../schemas";

/** To the client after starter session 7 (seed 000): a relaxed check-in on whether to continue. */
export const continueCheckin = defineContract({
  name: "continue-checkin",
  schema: () =>
    z.object({
      programName: programNameField,
      clientName: personName,
      coachName: personName,
      /** Records "let's continue"; http(s) only. */
      continueUrl: linkField,
      /** Records "I'd like to wrap up"; http(s) only. */
      endUrl: linkField,
    }),
});
