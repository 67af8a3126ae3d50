import type { Goal } from "../model";

/**
 * One agenda line per documented goal: "Goal: <text> — measured by <measure>, by <target date>".
 * Goals are the only client data an agenda ever carries, and only where the agenda reviews them.
 */
export function goalLines(goals: readonly Goal[] | undefined): string[] {
  return (goals ?? []).map((g) => `Goal: ${g.text} — measured by ${g.measure}, by ${g.targetDate}`);
}
