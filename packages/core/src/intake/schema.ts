import { coachingStyleSchema, seniorityLevelSchema } from "../coaches/schema";
import type { FieldLabels } from "../shared/issue-messages";
import {
  emailSchema,
  languageSchema,
  optionalText,
  text,
  timeZoneSchema,
  topicSchema,
} from "../shared/validators";
import * as z from "../shared/zod";

export const CADENCES = ["weekly", "biweekly", "monthly", "ad-hoc"] as const;
export const cadenceSchema = z.enum(CADENCES);
export type Cadence = z.infer<typeof cadenceSchema>;

export const preferencesSchema = z.object({
  topics: z.pipe(
    z.array(topicSchema).check(z.minLength(1), z.maxLength(10)),
    z.transform((xs: string[]) => [...new Set(xs)]),
  ),
  languages: z.pipe(
    z.array(languageSchema).check(z.minLength(1), z.maxLength(5)),
    z.transform((xs: string[]) => [...new Set(xs)]),
  ),
  style: z.optional(coachingStyleSchema),
  cadence: cadenceSchema,
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** What a client submits through the intake form or API (the coach brief picks fields from it). */
export const intakeInputSchema = z.object({
  name: text(120),
  email: emailSchema,
  timezone: timeZoneSchema,
  background: text(4000),
  role: text(200),
  seniority: z.optional(seniorityLevelSchema),
  team: optionalText(200),
  company: text(200),
  challenge: text(4000),
  goals: optionalText(4000),
  preferences: preferencesSchema,
  consent: z.literal(true),
});
export type IntakeInput = z.infer<typeof intakeInputSchema>;

/** The intake's fields as the intake form labels them (shared/issue-messages.ts). */
export const INTAKE_LABELS: FieldLabels = {
  name: "Your name",
  email: "Your email address",
  timezone: "Your time zone",
  role: "Current role",
  background: "Your background",
  challenge: "Your top challenge",
  goals: "Your goals for coaching",
  "preferences.topics.#": "Topic #",
  "preferences.languages": "Coaching languages",
  "preferences.languages.#": "Coaching language #",
  "preferences.style": "Coaching style",
  "preferences.cadence": "How often you would like to meet",
  consent: "Consent to be contacted",
};
