import type { Goal } from "../model";

/**
 * One agenda line per documented goal: "Goal: <text> — measured by <measure>, by <target date>".
 * Goals are the only client data an agenda ever carries, and only where the agenda reviews them.
 */
export function goalLines(goals: readonly Goal[] | undefined): string[] {
  return (goals ?? []).map((g) => `Goal: ${g.text} — measured by ${g.measure}, by ${g.targetDate}`);
}

/** The SMART test every documented goal should pass (see "What Happens in a Coaching Session?"). */
export const SMART_POINT =
  "Write each goal as a SMART goal: specific, measurable, attainable, relevant and time-bound, with a measure and a target date.";
