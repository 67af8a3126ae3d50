import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { linkField, personName, programNameField } from "../schemas";

/** To an ad-hoc client when their coach presses "+ new session" (seed 001): book the next one. */
export const newSessionLink = defineContract({
  name: "new-session-link",
  schema: () =>
    z.object({
      programName: programNameField,
      clientName: personName,
      coachName: personName,
      bookingUrl: linkField,
    }),
});
