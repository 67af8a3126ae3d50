import type { FieldLabels } from "../shared/issue-messages";
import { text } from "../shared/validators";
import * as z from "../shared/zod";

/** The most action items one session may produce. */
export const MAX_ACTION_ITEMS = 50;
/** Private notes longer than this are refused with 413. */
export const MAX_NOTES_CHARS = 20_000;

const isoDate = z.iso.date();

export const nextStepSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("recurring"), cadence: z.enum(["weekly", "biweekly", "monthly"]) }),
  z.object({ type: z.literal("ad-hoc") }),
  z.object({ type: z.literal("end") }),
]);

export const actionItemInputSchema = z.object({ text: text(500), dueDate: isoDate });

/** `POST /v1/sessions/{id}/finish`. Notes are checked for size separately (413, not 400). */
export const finishInputSchema = z.object({
  takeaways: z.array(text(1000)).check(z.maxLength(20)),
  actionItems: z.array(actionItemInputSchema).check(z.maxLength(MAX_ACTION_ITEMS)),
  privateNotes: z.optional(z.string()),
  /** The notes' version `privateNotes` was written over (`notesVersion` of the session): 409 if they changed since. */
  notesVersion: z.optional(z.int().check(z.minimum(0))),
  next: nextStepSchema,
  workTogether: z.optional(z.boolean()),
  /** The skill of the program's framework explored in this session: its id or name. */
  skill: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
});
export type FinishInput = z.infer<typeof finishInputSchema>;

/** `PUT /v1/sessions/{id}/notes`; `notesVersion`: the version read (GET the session), 409 if they changed since. */
export const notesInputSchema = z.object({
  notes: z.string(),
  notesVersion: z.optional(z.int().check(z.minimum(0))),
});

export const goalInputSchema = z.object({ text: text(500), measure: text(500), targetDate: isoDate });
export const goalsInputSchema = z.object({ goals: z.array(goalInputSchema).check(z.maxLength(20)) });

export const actionItemPatchSchema = z.object({ done: z.boolean() });

// The fields as the coach's forms label them (shared/issue-messages.ts).

export const FINISH_LABELS: FieldLabels = {
  "takeaways.#": "Takeaway #",
  "actionItems.#": "Action item #",
  "actionItems.#.text": "Action item #",
  "actionItems.#.dueDate": "Action item #: due date",
  next: "Next step",
  "next.cadence": "How often to meet",
  workTogether: "Want to work with this client",
  skill: "Skill explored",
  notesVersion: "Version of the private notes",
};
export const NOTES_LABELS: FieldLabels = {
  notes: "Private notes",
  notesVersion: "Version of the private notes",
};
export const GOALS_LABELS: FieldLabels = {
  "goals.#": "Goal #",
  "goals.#.text": "Goal #",
  "goals.#.measure": "Goal #: measure",
  "goals.#.targetDate": "Goal #: target date",
};
