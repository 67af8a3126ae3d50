import { introAgenda } from "./agendas/intro";
import { regularAgenda } from "./agendas/regular";
import { starterAgenda } from "./agendas/starter";
import type { Agenda, Goal, SessionSlot } from "./model";

export interface AgendaContext {
  goals?: Goal[];
  /**
   * Accepted for callers that have it, but never written into the agenda: agendas travel in coach
   * briefs and reminders, and the only client data they carry is the documented goals.
   */
  clientFirstName?: string;
}

/**
 * The agenda a coach works from, written from the program's guides:
 * - intro: preparation, the six focus areas of an intro call, and what to do after;
 * - starter 1: get to know each other, then goals, then document them as SMART goals;
 * - starter 2–6: the time-boxed structure around one skill, listing the documented goals;
 * - starter 7: a relationship check-in;
 * - regular: the full session structure, listing the goals under goal progress.
 */
export function agendaFor(session: SessionSlot, context: AgendaContext = {}): Agenda {
  switch (session.kind) {
    case "intro":
      return introAgenda();
    case "starter":
      return starterAgenda(session.number, context.goals);
    case "regular":
      return regularAgenda(context.goals);
  }
}
