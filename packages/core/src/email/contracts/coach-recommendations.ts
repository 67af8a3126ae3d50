import { text } from "../../shared/validators";
import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { linkField, personName, programNameField } from "../schemas";

/** To the client after intake: the 1–3 coaches we recommend and how to book an intro session. */
export const coachRecommendations = defineContract({
  name: "coach-recommendations",
  schema: () =>
    z.object({
      programName: programNameField,
      clientName: personName,
      coaches: z
        .array(
          z.object({
            name: personName,
            bio: text(2000),
            reasons: z.array(text(300)).check(z.minLength(1), z.maxLength(10)),
            /** Complete booking link (pre-filled name/email, correlation token); http(s) only. */
            bookingUrl: linkField,
          }),
        )
        .check(z.minLength(1), z.maxLength(3)),
    }),
});
