import * as z from "@coachflow/core/shared/zod";

/** The answer to an intake (`POST /v1/intake`), and the matches the client routes show. */
export const intakeResponseSchema = z.object({
  clientId: z.string(),
  status: z.enum(["matched", "waitlisted"]),
  matches: z.array(
    z.object({
      coachId: z.string(),
      name: z.string(),
      score: z.number(),
      reasons: z.array(z.string()),
      bookingUrl: z.string(),
    }),
  ),
});
