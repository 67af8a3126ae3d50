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

/** The first seven sessions after the intro follow the starter structure (seed "The Seven Starter Sessions"). */
export const STARTER_SESSION_COUNT = 7;

/** Which session in a client–coach relationship this is: `number` is set for starter sessions only. */
export interface SessionSlot {
  kind: SessionKind;
  number?: number;
}
