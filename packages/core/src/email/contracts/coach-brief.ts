import { coachingStyleSchema } from "../../coaches/schema";
import { cadenceSchema, intakeInputSchema } from "../../intake/schema";
import { text } from "../../shared/validators";
import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import {
  agendaSchema,
  checkStarterNumber,
  goalSchema,
  languageList,
  linkField,
  personName,
  programNameField,
  sessionKindShape,
  sessionTimeField,
  topicList,
  withKindLabel,
} from "../schemas";

/** The data of the coach brief: who the coach meets, their goals, the agenda. Never coach notes. */
function coachBriefSchema() {
  const fields = z
    .object({
      programName: programNameField,
      coachName: personName,
      /** Formatted in the coach's time zone. */
      sessionTime: sessionTimeField,
      ...sessionKindShape,
      // The same rules as the intake answers they come from.
      client: z.pick(intakeInputSchema, {
        name: true,
        background: true,
        role: true,
        seniority: true,
        team: true,
        company: true,
        challenge: true,
        goals: true,
      }),
      preferences: z.object({
        topics: topicList,
        languages: languageList,
        style: z.optional(coachingStyleSchema),
        cadence: cadenceSchema,
      }),
      smartGoals: z._default(z.array(goalSchema).check(z.maxLength(20)), []),
      /** What a client who booked without the intake wrote in the booking form. */
      bookingAnswers: z.optional(
        z.array(z.object({ question: text(200), answer: text(2000) })).check(z.maxLength(20)),
      ),
      agenda: agendaSchema,
      /** The session page of the coach workspace. */
      sessionUrl: linkField,
    })
    .check(z.superRefine(checkStarterNumber));
  return z.pipe(
    fields,
    z.transform((value: z.output<typeof fields>) => withKindLabel(value)),
  );
}

/**
 * To the coach when a session is booked: who they are meeting (seed 004: background, team/company,
 * top-of-mind challenge, preferences), documented SMART goals and the agenda. Never coach notes.
 */
export const coachBrief = defineContract({
  name: "coach-brief",
  subjectFields: ["kindLabel", "sessionTime"],
  schema: coachBriefSchema,
});
