import { text } from "../../shared/validators";
import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { linkField, personName, programNameField } from "../schemas";

/** To the client after an intro session when the coach would like to work together (seed 004). */
export const welcomePricing = defineContract({
  name: "welcome-pricing",
  schema: () =>
    z.object({
      programName: programNameField,
      clientName: personName,
      coachName: personName,
      /** The opening: the coach's own welcome, else the program's (`emailCopy.welcomeIntro`). */
      intro: text(2000),
      /** The coach's pricing guide; http(s) only. */
      pricingUrl: linkField,
      /** Where the client books the first paid session; http(s) only. */
      bookingUrl: linkField,
    }),
});
