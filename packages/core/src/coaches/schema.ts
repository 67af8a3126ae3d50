import type { FieldLabels } from "../shared/issue-messages";
import { once } from "../shared/once";
import {
  emailSchema,
  httpsUrlSchema,
  languageSchema,
  text,
  timeZoneSchema,
  topicSchema,
} from "../shared/validators";
import * as z from "../shared/zod";

export const COACHING_STYLES = [
  "supportive",
  "challenging",
  "structured",
  "exploratory",
  "practical",
] as const;
export const SENIORITY_LEVELS = [
  "junior",
  "mid",
  "senior",
  "staff",
  "lead",
  "manager",
  "director",
  "executive",
] as const;
export const BOOKING_PROVIDERS = ["calendly", "calcom"] as const;

export const coachingStyleSchema = z.enum(COACHING_STYLES);
export const seniorityLevelSchema = z.enum(SENIORITY_LEVELS);
export const bookingProviderSchema = z.enum(BOOKING_PROVIDERS);
export type CoachingStyle = z.infer<typeof coachingStyleSchema>;
export type SeniorityLevel = z.infer<typeof seniorityLevelSchema>;

const uniqueList = <T extends z.ZodMiniType<string>>(item: T, min: number, max: number) =>
  z.pipe(
    z.array(item).check(z.minLength(min), z.maxLength(max)),
    z.transform((xs: z.output<T>[]) => [...new Set(xs)]),
  );

// The objects the exported schemas are derived from (`z.extend`, `z.partial` need the objects, not
// `z.lazy` wrappers), each built once, on first use; the exports are `z.lazy` wrappers of them.
const coachFields = once(() =>
  z.object({
    name: text(120),
    email: emailSchema,
    bio: text(2000),
    specialties: uniqueList(topicSchema, 1, 20),
    languages: uniqueList(languageSchema, 1, 10),
    timezone: timeZoneSchema,
    capacity: z.int().check(z.minimum(0), z.maximum(500)),
    style: coachingStyleSchema,
    seniorityLevels: uniqueList(seniorityLevelSchema, 1, SENIORITY_LEVELS.length),
    bookingProvider: bookingProviderSchema,
    /** The intro booking page, linked from the recommendation email. */
    bookingUrl: httpsUrlSchema,
    /** The page for later sessions; without it, `bookingUrl` serves for those too. */
    sessionBookingUrl: z.optional(httpsUrlSchema),
    pricingUrl: httpsUrlSchema,
    active: z.boolean(),
  }),
);
const coachInputObject = once(() => z.extend(coachFields(), { active: z._default(z.boolean(), true) }));

/** What an admin sends to create a coach (`active` defaults to true). */
export const coachInputSchema = z.lazy(coachInputObject);
export type CoachInput = z.infer<typeof coachInputSchema>;

/** A partial update; every field optional, at least one present. */
export const coachPatchSchema = z.lazy(() =>
  z
    .partial(coachFields())
    .check(z.refine((p) => Object.keys(p).length > 0, { message: "must change at least one field" })),
);
export type CoachPatch = z.infer<typeof coachPatchSchema>;

/** A coach as stored and returned. `activeClients` is the current load, kept by the system. */
export const coachSchema = z.lazy(() =>
  z.extend(coachInputObject(), {
    id: z.string(),
    activeClients: z.int().check(z.minimum(0)),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);
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
