import { validationFailed } from "../errors";
import { DEFAULT_AGENDA_TEMPLATES } from "../program/agenda-defaults";
import type { AgendaTemplate, AgendaTemplates, Skill } from "../program/schema";
import { goalLines } from "./agendas/goals";
import { sessionLabel } from "./format";
import { type Agenda, type Goal, type SessionSlot, STARTER_SESSION_COUNT } from "./model";

export interface AgendaContext {
  goals?: Goal[];
  /** The program's skills framework; listed where a template has `{{skills}}` (starters 2–6). */
  skills?: readonly Skill[];
  /**
   * The templates the session was given (the program's when it was booked); the defaults without.
   */
  templates?: AgendaTemplates;
  /**
   * Accepted for callers that have it, but never written into the agenda: agendas travel in coach
   * briefs and reminders, and the only client data they carry is the documented goals.
   */
  clientFirstName?: string;
}

/** A point that is a whole placeholder: `{{goals}}`, `{{skills}}`, optionally `|` the line for none. */
const PLACEHOLDER = /^\{\{(goals|skills)(?:\|(.*))?\}\}$/s;

/**
 * The agenda a coach works from, rendered from the program's templates (program/agenda-defaults.ts
 * has the defaults, written from the program's guides):
 * - intro: preparation, the six focus areas of an intro call, and what to do after;
 * - starter 1: get to know each other, then goals, then document them as SMART goals;
 * - starter 2–6: the time-boxed structure around one skill, listing the documented goals and the
 *   program's skills;
 * - starter 7: a relationship check-in;
 * - regular: the full session structure, listing the goals under goal progress.
 */
export function agendaFor(session: SessionSlot, context: AgendaContext = {}): Agenda {
  const templates = context.templates ?? DEFAULT_AGENDA_TEMPLATES;
  const lines = {
    goals: goalLines(context.goals),
    skills: (context.skills ?? []).map((s) => `Skill: ${s.name} — ${s.description}`),
  };
  return render(templateOf(templates, session), session, lines);
}

function templateOf(templates: AgendaTemplates, { kind, number }: SessionSlot): AgendaTemplate {
  switch (kind) {
    case "intro":
      return templates.intro;
    case "regular":
      return templates.regular;
    case "starter":
      if (number === undefined || !Number.isInteger(number) || number < 1 || number > STARTER_SESSION_COUNT) {
        throw validationFailed("a starter session needs a number from 1 to 7", [
          { path: "number", message: `expected 1–${STARTER_SESSION_COUNT}, got ${String(number)}` },
        ]);
      }
      if (number === 1) return templates.starterFirst;
      if (number === STARTER_SESSION_COUNT) return templates.starterLast;
      return templates.starterMiddle;
  }
}

function render(
  template: AgendaTemplate,
  slot: SessionSlot,
  lines: Record<"goals" | "skills", string[]>,
): Agenda {
  return {
    title: template.title.replaceAll("{{session}}", sessionLabel(slot)),
    sections: template.sections.map((section) => ({
      heading: section.heading,
      ...(section.minutes !== undefined ? { minutes: section.minutes } : {}),
      points: section.points.flatMap((point) => {
        const placeholder = PLACEHOLDER.exec(point);
        if (!placeholder) return [point];
        const found = lines[placeholder[1] as "goals" | "skills"];
        if (found.length > 0) return found;
        return placeholder[2] ? [placeholder[2]] : [];
      }),
    })),
  };
}
