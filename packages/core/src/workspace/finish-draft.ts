import type { Cadence } from "../sessions/model";
import { linesOf, proposedActionItems } from "./action-shortcuts";

/** The finish form as typed: free text kept exactly, so a failed submit loses nothing. */
export interface FinishDraft {
  takeaways: string;
  notes: string;
  /** The notes' version `notes` was read at (a hidden field): a finish over changed notes is refused. */
  notesVersion?: string;
  actions: { text: string; dueDate: string }[];
  /** `[]` lines already turned into action item rows (so they are proposed once, not on every submit). */
  offered: string[];
  next: string;
  cadence: string;
  workTogether: string;
  /** The program skill explored (its id), or "" for none. */
  skill: string;
}

export interface PreparedFinish {
  /** The draft with a row added for each new `[]` line. */
  draft: FinishDraft;
  /** `[]` lines seen for the first time: the coach must confirm them (a due date each) before finishing. */
  newProposals: string[];
  /** The takeaways to send: one per non-empty line, `[]` lines left out (they are action items). */
  takeaways: string[];
  /** The rows that say something (a row with neither text nor date is an unused blank). */
  actions: { row: number; text: string; dueDate: string }[];
  next?: { type: "recurring"; cadence?: Cadence } | { type: "ad-hoc" } | { type: "end" };
  workTogether?: boolean;
  /** The skill explored, when one was chosen (the finish step checks it is the program's). */
  skill?: string;
}

const CADENCES: readonly string[] = ["weekly", "biweekly", "monthly"];

/**
 * Reads a finish draft: the seeds' `[]` shortcut (a line starting with `[]` in the notes or the
 * takeaways proposes an action item, once), the takeaways, the filled action rows, the next step.
 */
export function prepareFinish(draft: FinishDraft): PreparedFinish {
  const proposals = proposedActionItems(draft.takeaways, draft.notes);
  const newProposals = proposals.filter(
    (p) => !draft.offered.includes(p) && !draft.actions.some((a) => a.text.trim() === p),
  );
  const filled = draft.actions.filter((a) => a.text.trim() || a.dueDate.trim());
  const actions = [...filled, ...newProposals.map((text) => ({ text, dueDate: "" }))];
  const next: PreparedFinish["next"] =
    draft.next === "recurring"
      ? {
          type: "recurring" as const,
          ...(CADENCES.includes(draft.cadence) ? { cadence: draft.cadence as Cadence } : {}),
        }
      : draft.next === "ad-hoc" || draft.next === "end"
        ? { type: draft.next as "ad-hoc" | "end" }
        : undefined;
  return {
    draft: { ...draft, actions, offered: [...new Set([...draft.offered, ...newProposals])] },
    newProposals,
    takeaways: linesOf(draft.takeaways).filter((l) => !l.startsWith("[]")),
    actions: actions.map((a, row) => ({ row, text: a.text.trim(), dueDate: a.dueDate.trim() })),
    ...(next ? { next } : {}),
    ...(draft.workTogether === "yes"
      ? { workTogether: true }
      : draft.workTogether === "no"
        ? { workTogether: false }
        : {}),
    ...(draft.skill.trim() ? { skill: draft.skill.trim() } : {}),
  };
}
