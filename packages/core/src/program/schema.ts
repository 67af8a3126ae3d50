import type { FieldLabels } from "../shared/issue-messages";
import { text } from "../shared/validators";
import * as z from "../shared/zod";
import { termKey } from "./term-key";

/**
 * The program settings document (`GET`/`PUT /v1/program`): the program's own words. One per stage;
 * `PUT` replaces all of it.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = () =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(60),
    z.refine((s) => SLUG.test(s), { message: "must be a lowercase slug such as tech-lead" }),
  );

export { termKey };

/** True when no two entries share an id, and no two share a key of their id, label or aliases. */
function distinctTerms(list: readonly { id: string; label: string; aliases?: string[] }[]): boolean {
  const owner = new Map<string, string>();
  for (const t of list) {
    for (const word of [t.id, t.label, ...(t.aliases ?? [])]) {
      const seen = owner.get(termKey(word));
      if (seen !== undefined && seen !== t.id) return false;
      owner.set(termKey(word), t.id);
    }
  }
  return new Set(list.map((t) => t.id)).size === list.length;
}
const distinct = { message: "must not use one id, label or alias for two entries" };

const termFields = () => ({
  id: slug(),
  label: text(80),
  aliases: z.optional(z.array(text(80)).check(z.maxLength(20))),
});

const termList = (max: number) =>
  z.array(z.object(termFields())).check(z.minLength(1), z.maxLength(max), z.refine(distinctTerms, distinct));

const weight = () => z.number().check(z.minimum(0), z.maximum(100));

const sectionSchema = () =>
  z.object({
    heading: text(120),
    minutes: z.optional(text(40)),
    points: z.array(text(500)).check(z.maxLength(30)),
  });
const templateSchema = () =>
  z.object({
    title: text(160),
    sections: z.array(sectionSchema()).check(z.minLength(1), z.maxLength(20)),
  });

export const programSettingsSchema = z.object({
  coachingStyles: termList(100),
  seniorityLevels: termList(100),
  topics: z
    .array(
      z.object({
        ...termFields(),
        /** Words and stems the matcher looks for in the client's own text (see matching/text.ts). */
        keywords: z.array(text(60)).check(z.maxLength(40)),
      }),
    )
    .check(z.minLength(1), z.maxLength(300), z.refine(distinctTerms, distinct)),
  matchingWeights: z
    .object({
      topics: weight(),
      text: weight(),
      timezone: weight(),
      style: weight(),
      seniority: weight(),
      load: weight(),
      /** 0–1: how much a second or third pick must differ from the earlier ones (0 = not at all). */
      diversity: z.number().check(z.minimum(0), z.maximum(1)),
    })
    .check(
      z.refine((w) => w.load > 0, {
        message: "must give load a weight above 0, so that every score has something to weigh",
      }),
    ),
  skills: z.array(z.object({ id: slug(), name: text(80), description: text(200) })).check(
    z.maxLength(30),
    z.refine((xs) => new Set(xs.map((s) => s.id)).size === xs.length, {
      message: "must not use one id for two skills",
    }),
  ),
  agendaTemplates: z.object({
    intro: templateSchema(),
    starterFirst: templateSchema(),
    starterMiddle: templateSchema(),
    starterLast: templateSchema(),
    regular: templateSchema(),
  }),
  /** The program's own paragraphs in emails; `{{coach}}` is the coach's name. */
  emailCopy: z.object({
    /** Opens the follow-up after every session. */
    followupIntro: text(1000),
    /** Opens the welcome with pricing, unless the coach wrote a welcome of their own. */
    welcomeIntro: text(1000),
  }),
});
/** The settings as `GET`/`PUT /v1/program` answer them: with their version and when it was stored. */
export const storedProgramSchema = z.extend(programSettingsSchema, {
  version: z.int(),
  updatedAt: z.string(),
});
export type ProgramSettings = z.infer<typeof programSettingsSchema>;
export type Term = ProgramSettings["coachingStyles"][number];
export type TopicTerm = ProgramSettings["topics"][number];
export type MatchingWeights = ProgramSettings["matchingWeights"];
export type Skill = ProgramSettings["skills"][number];
export type AgendaTemplates = ProgramSettings["agendaTemplates"];
export type AgendaTemplate = AgendaTemplates["intro"];

/** The settings' fields as the admin console will label them (shared/issue-messages.ts). */
export const PROGRAM_LABELS: FieldLabels = {
  "": "The program settings",
  coachingStyles: "Coaching styles",
  "coachingStyles.#": "Coaching style #",
  seniorityLevels: "Seniority levels",
  "seniorityLevels.#": "Seniority level #",
  topics: "Topics",
  "topics.#": "Topic #",
  matchingWeights: "Matching weights",
  skills: "Skills",
  "skills.#": "Skill #",
  "agendaTemplates.intro": "Intro agenda",
  "agendaTemplates.starterFirst": "Starter session 1 agenda",
  "agendaTemplates.starterMiddle": "Starter sessions 2–6 agenda",
  "agendaTemplates.starterLast": "Starter session 7 agenda",
  "agendaTemplates.regular": "Regular session agenda",
  "emailCopy.followupIntro": "Follow-up email intro",
  "emailCopy.welcomeIntro": "Welcome email intro",
};
