import type { FieldLabels } from "../shared/issue-messages";
import {
  emailSchema,
  httpsUrlSchema,
  languageSchema,
  text,
  timeZoneSchema,
  topicSchema,
} from "../shared/validators";
import * as z from "../shared/zod";

export const BOOKING_PROVIDERS = ["calendly", "calcom"] as const;

/**
 * A coaching style or seniority level as typed: an id, label or alias of the program's own
 * vocabulary (program/schema.ts), in any case or spacing. The service resolves it to the id, or
 * answers 400 listing the accepted labels (program/resolve.ts); stored, it is always the id.
 */
export const termSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));
export const coachingStyleSchema = termSchema;
export const seniorityLevelSchema = termSchema;
export const bookingProviderSchema = z.enum(BOOKING_PROVIDERS);
/** The id of one of the program's coaching styles. */
export type CoachingStyle = string;
/** The id of one of the program's seniority levels. */
export type SeniorityLevel = string;

const uniqueList = <T extends z.ZodMiniType<string>>(item: T, min: number, max: number) =>
  z.pipe(
    z.array(item).check(z.minLength(min), z.maxLength(max)),
    z.transform((xs: z.output<T>[]) => [...new Set(xs)]),
  );

const coachFields = z.object({
  name: text(120),
  email: emailSchema,
  bio: text(2000),
  specialties: uniqueList(topicSchema, 1, 20),
  languages: uniqueList(languageSchema, 1, 10),
  timezone: timeZoneSchema,
  capacity: z.int().check(z.minimum(0), z.maximum(500)),
  style: coachingStyleSchema,
  seniorityLevels: uniqueList(seniorityLevelSchema, 1, 100),
  bookingProvider: bookingProviderSchema,
  /** The intro booking page, linked from the recommendation email. */
  bookingUrl: httpsUrlSchema,
  /** The page for later sessions; without it, `bookingUrl` serves for those too. */
  sessionBookingUrl: z.optional(httpsUrlSchema),
  pricingUrl: httpsUrlSchema,
  active: z.boolean(),
  /** The coach's own welcome, used in their welcome-with-pricing email instead of the program's. */
  welcomeMessage: z.optional(text(2000)),
});
/** What an admin sends to create a coach (`active` defaults to true). */
export const coachInputSchema = z.extend(coachFields, { active: z._default(z.boolean(), true) });
export type CoachInput = z.infer<typeof coachInputSchema>;

/** A partial update; every field optional, at least one present. */
export const coachPatchSchema = z
  .partial(coachFields)
  .check(z.refine((p) => Object.keys(p).length > 0, { message: "must change at least one field" }));
export type CoachPatch = z.infer<typeof coachPatchSchema>;

/** A coach as stored and returned. `activeClients` is the current load, kept by the system. */
export const coachSchema = z.extend(coachInputSchema, {
  id: z.string(),
  activeClients: z.int().check(z.minimum(0)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Coach = z.infer<typeof coachSchema>;

/** A coach's fields as the admin forms label them (shared/issue-messages.ts). */
export const COACH_LABELS: FieldLabels = {
  "specialties.#": "Specialty #",
  "languages.#": "Language #",
  timezone: "Time zone",
  style: "Coaching style",
  "seniorityLevels.#": "Seniority level #",
  bookingUrl: "Intro booking URL",
  sessionBookingUrl: "Session booking URL",
  pricingUrl: "Pricing URL",
};
export const COACH_PATCH_LABELS: FieldLabels = { ...COACH_LABELS, "": "The update" };
