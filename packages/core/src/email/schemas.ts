import { z } from "zod";
import type { Agenda, Goal } from "../sessions/model";
import { httpsUrlSchema, languageSchema, text, topicSchema } from "../shared/validators";

/** Shared pieces of the template data schemas. */

/** No control characters (so no CR/LF) and no angle brackets: what a subject line may carry. */
export const SUBJECT_SAFE = /^[^\p{Cc}<>]+$/u;

/** A value the system produced (a formatted time, an id) that a subject line may show. */
export const systemText = (max: number) =>
  z.string().trim().min(1).max(max).regex(SUBJECT_SAFE, { message: "must be one line without < or >" });

export const programNameField = text(120);
export const personName = text(120);
/** Already formatted in the reader's time zone by the caller, e.g. "Tue, 14 May 2024, 17:00 (Europe/Berlin)". */
export const sessionTimeField = systemText(140);
export const linkField = httpsUrlSchema;

let languageNamesCache: Intl.DisplayNames | undefined;
const languageNames = () =>
  (languageNamesCache ??= new Intl.DisplayNames(["en"], { type: "language", fallback: "code" }));

/** ISO 639-1 codes in, one readable line out (["en", "de"] → "English, German"). */
export const languageList = z
  .array(languageSchema)
  .min(1)
  .max(10)
  .transform((codes) => codes.map((c) => languageNames().of(c) ?? c).join(", "));

/** Topic slugs in, one readable line out (["managing-up", "delegation"] → "managing up, delegation"). */
export const topicList = z
  .array(topicSchema)
  .min(1)
  .max(20)
  .transform((topics) => topics.map((t) => t.replace(/-/g, " ")).join(", "));

export const goalSchema = z.object({
  text: text(500),
  measure: text(500),
  targetDate: z.iso.date(),
}) satisfies z.ZodType<Goal>;

export const agendaSchema = z.object({
  title: text(200),
  sections: z
    .array(
      z.object({
        heading: text(200),
        minutes: text(40).optional(),
        points: z.array(text(500)).max(20),
      }),
    )
    .min(1)
    .max(20),
}) satisfies z.ZodType<Agenda>;

export const SESSION_KINDS = ["intro", "starter", "regular"] as const;

/** The kind of a session plus, for a starter session, its number (1–7). Adds `kindLabel` and `isIntro`. */
export const sessionKindShape = {
  kind: z.enum(SESSION_KINDS),
  starterNumber: z.number().int().min(1).max(7).optional(),
};

type KindFields = { kind: (typeof SESSION_KINDS)[number]; starterNumber?: number | undefined };

export function checkStarterNumber(value: KindFields, ctx: z.RefinementCtx): void {
  if (value.kind === "starter" && value.starterNumber === undefined) {
    ctx.addIssue({ code: "custom", path: ["starterNumber"], message: "is required for a starter session" });
  }
}

export function withKindLabel<T extends KindFields>(value: T): T & { kindLabel: string; isIntro: boolean } {
  const kindLabel =
    value.kind === "intro"
      ? "Intro session"
      : value.kind === "starter"
        ? `Starter session ${value.starterNumber} of 7`
        : "Session";
  return { ...value, kindLabel, isIntro: value.kind === "intro" };
}

/** A date a person reads, already formatted by the caller in the reader's locale, e.g. "Friday, 5 June 2026". */
export const dateLabelField = systemText(80);

/** An action item the client agreed to: what, when (raw and readable) and a "Mark as done" link. */
export const actionItemSchema = z.object({
  text: text(500),
  dueDate: z.iso.date(),
  dueLabel: dateLabelField,
  doneUrl: linkField,
});

/**
 * The data every email about one session starts from: the program, the client, the coach, the
 * time (pre-formatted for the reader) and the kind, plus `extra`. Adds `kindLabel` and `isIntro`.
 */
export function sessionEmailSchema<E extends z.ZodRawShape>(extra: E) {
  return z
    .object({
      programName: programNameField,
      clientName: personName,
      coachName: personName,
      sessionTime: sessionTimeField,
      ...sessionKindShape,
      ...extra,
    })
    .superRefine((value, ctx) => checkStarterNumber(value as KindFields, ctx))
    .transform((value) => withKindLabel(value as typeof value & KindFields));
}
