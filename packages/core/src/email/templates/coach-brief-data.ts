import { coachingStyleSchema } from "../../coaches/schema";
import { cadenceSchema, intakeInputSchema } from "../../intake/schema";
import { z } from "../../shared/zod";
import {
  agendaSchema,
  checkStarterNumber,
  goalSchema,
  languageList,
  personName,
  programNameField,
  sessionKindShape,
  sessionTimeField,
  topicList,
  withKindLabel,
} from "../schemas";

/** The data of the coach brief: who the coach meets, their goals, the agenda. Never coach notes. */
const coachBriefFields = z
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
    agenda: agendaSchema,
  })
  .check(z.superRefine(checkStarterNumber));

export const coachBriefSchema = z.pipe(
  coachBriefFields,
  z.transform((value: z.output<typeof coachBriefFields>) => withKindLabel(value)),
);

export const coachBriefSample: z.input<typeof coachBriefSchema> = {
  programName: "Tech Lead Coaching Network",
  coachName: "Ada Mensah",
  sessionTime: "Tue, 14 May 2024, 18:00 (Europe/Berlin)",
  kind: "starter",
  starterNumber: 3,
  client: {
    name: "Sam Rivera",
    background: "Backend engineer for six years, promoted to tech lead four months ago.",
    role: "Tech lead",
    seniority: "lead",
    team: "Payments platform (5 engineers)",
    company: "Acme Pay",
    challenge: "Saying no to stakeholders without damaging the relationship.",
    goals: "Delegate more and get comfortable managing up.",
  },
  preferences: {
    topics: ["managing-up", "delegation"],
    languages: ["en", "pt"],
    style: "structured",
    cadence: "biweekly",
  },
  smartGoals: [
    { text: "Delegate the on-call rota", measure: "Rota owned by a teammate", targetDate: "2024-06-30" },
  ],
  agenda: {
    title: "Starter session 3: delegation",
    sections: [
      { heading: "Reaffirm goals", minutes: "3–5 minutes", points: ["Any adjustments since last time?"] },
      {
        heading: "How are you doing?",
        minutes: "5–15 minutes",
        points: ["Check in on last session's goals"],
      },
      { heading: "Explore one of the five skills", minutes: "~30 minutes", points: ["Delegation"] },
      { heading: "Actions until next time", minutes: "10–15 minutes", points: [] },
      { heading: "Confirm the next session", points: [] },
    ],
  },
};
