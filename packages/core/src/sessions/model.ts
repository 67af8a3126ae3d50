/** Shapes shared by the session domain, its agendas and the emails that carry them. */

export type SessionKind = "intro" | "starter" | "regular";
export type SessionStatus = "scheduled" | "cancelled" | "finished";

/** A SMART goal documented in starter session 1 (issue 4 fills these in). */
export interface Goal {
  text: string;
  measure: string;
  /** YYYY-MM-DD */
  targetDate: string;
}

/** One part of a session's agenda, e.g. "Reaffirm goals (3–5 minutes)". */
export interface AgendaSection {
  heading: string;
  /** A rough time box as people say it, e.g. "3–5 minutes"; absent where the seeds give none. */
  minutes?: string;
  points: string[];
}

export interface Agenda {
  title: string;
  sections: AgendaSection[];
}
