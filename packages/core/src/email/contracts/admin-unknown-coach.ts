import { bookingProviderSchema } from "../../coaches/schema";
import { emailSchema, text } from "../../shared/validators";
import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { programNameField } from "../schemas";

/** To the program admin: a booking arrived whose organizer email matches no coach. */
export const adminUnknownCoach = defineContract({
  name: "admin-unknown-coach",
  subjectFields: ["provider"],
  schema: () =>
    z.object({
      programName: programNameField,
      provider: bookingProviderSchema,
      organizerEmail: emailSchema,
      /** The provider's id for the booking (comes from the webhook, so treated as untrusted text). */
      bookingId: text(200),
      /** When the booked session starts, as an ISO 8601 timestamp. */
      startTime: z.iso.datetime({ offset: true }),
    }),
});
