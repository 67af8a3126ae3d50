import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { linkField, personName, programNameField } from "../schemas";

/** To a coach who asked to sign in to the workspace: a link valid 15 minutes, in this browser only. */
export const coachSignIn = defineContract({
  name: "coach-sign-in",
  schema: () =>
    z.object({
      programName: programNameField,
      coachName: personName,
      signInUrl: linkField,
      minutes: z.int().check(z.minimum(1), z.maximum(60)),
    }),
});
