import type { Agenda, Goal } from "../sessions/model";
import { httpsUrlSchema, languageSchema, text, topicSchema } from "../shared/validators";
import * as z from "../shared/zod";

/** Shared pieces of the template data schemas: schemas, and builders for pieces with options. */

/** No control characters (so no CR/LF) and no angle brackets: what a subject line may carry. */
export const SUBJECT_SAFE = /^[^\p{Cc}<>]+$/u;

/** A value the system produced (a formatted time, an id) that a subject line may show. */
export const systemText = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(max),
      z.regex(SUBJECT_SAFE, { message: "must be one line without < or >" }),
    );

export const programNameField = text(120);
export const personName = text(120);
/** Already formatted in the reader's time zone by the caller, e.g. "Tue, 14 May 2024, 17:00 (Europe/Berlin)". */
export const sessionTimeField = systemText(140);
export const linkField = httpsUrlSchema;

let languageNamesCache: Intl.DisplayNames | undefined;
const languageNames = () =>
  (languageNamesCache ??= new Intl.DisplayNames(["en"], { type: "language", fallback: "code" }));

/** ISO 639-1 codes in, one readable line out (["en", "de"] → "English, German"). */
export const languageList = z.pipe(
  z.array(languageSchema).check(z.minLength(1), z.maxLength(10)),
  z.transform((codes: string[]) => codes.map((c) => languageNames().of(c) ?? c).join(", ")),
);

/** Topic slugs in, one readable line out (["managing-up", "delegation"] → "managing up, delegation"). */
export const topicList = z.pipe(
  z.array(topicSchema).check(z.minLength(1), z.maxLength(20)),
  z.transform((topics: string[]) => topics.map((t) => t.replace(/-/g, " ")).join(", ")),
);

export const goalSchema = z.object({
  text: text(500),
  measure: text(500),
  targetDate: z.iso.date(),
}) satisfies z.ZodMiniType<Goal>;

export const agendaSchema = z.object({
  title: text(200),
  sections: z
    .array(
      z.object({
        heading: text(200),
        minutes: z.optional(text(40)),
        points: z.array(text(500)).check(z.maxLength(20)),
      }),
    )
    .check(z.minLength(1), z.maxLength(20)),
}) satisfies z.ZodMiniType<Agenda>;

export const SESSION_KINDS = ["intro", "starter", "regular"] as const;

/**
 * The kind of a session plus, for a starter session, its number (1–7). Adds `kindLabel` and `isIntro`.
 * A shape, spread into the schemas that have these fields.
 */
export const sessionKindShape = {
  kind: z.enum(SESSION_KINDS),
  starterNumber: z.optional(z.int().check(z.minimum(1), z.maximum(7))),
};

type KindFields = { kind: (typeof SESSION_KINDS)[number]; starterNumber?: number | undefined };

export function checkStarterNumber(value: KindFields, ctx: z.core.$RefinementCtx): void {
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
export function sessionEmailSchema<E extends z.core.$ZodShape>(extra: E) {
  const fields = z
    .object({
      programName: programNameField,
      clientName: personName,
      coachName: personName,
      sessionTime: sessionTimeField,
      ...sessionKindShape,
      ...extra,
    })
    .check(z.superRefine((value, ctx) => checkStarterNumber(value as KindFields, ctx)));
  type Fields = z.output<typeof fields>;
  return z.pipe(
    fields,
    z.transform((value: Fields) => withKindLabel(value as Fields & KindFields)),
  );
}
