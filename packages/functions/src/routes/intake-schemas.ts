import * as z from "@coachflow/core/shared/zod";

/*
 * The intake's answers as the OpenAPI document describes them, in a module of their own: the
 * client routes describe matches with the same schema, and importing it from the intake's route
 * module would load that module (its pages, the confirmation) with every program route.
 */

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

/** Changed answers from a known email: nothing else is said (decision 0029). */
export const confirmationRequiredSchema = z.object({ status: z.literal("confirmation_required") });
