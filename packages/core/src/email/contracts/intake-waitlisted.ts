import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { personName, programNameField } from "../schemas";

/** To the client when no coach is eligible yet: we have the application and are on it. */
export const intakeWaitlisted = defineContract({
  name: "intake-waitlisted",
  schema: () =>
    z.object({
      programName: programNameField,
      clientName: personName,
    }),
});
