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

/** A coaching session between one client and one coach, kept in step with its provider booking. */
export interface Session {
  id: string;
  clientId: string;
  coachId: string;
  kind: SessionKind;
  /** 1–7 for starter sessions. */
  number?: number;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
  provider: "calendly" | "calcom";
  /** The provider booking that currently holds this session's time (the last of a reschedule chain). */
  bookingId: string;
  /** Set when the coach finished the meeting. */
  finish?: SessionFinish;
  /**
   * A booking matched by email alone, held by a profile of its own until someone says whose it is
   * (`Client.unverified`, decision 0030): it gives its coach no access to anyone, and cannot be finished.
   */
  unverified?: true;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type Cadence = "weekly" | "biweekly" | "monthly";

/** What comes after a session: more at a cadence, book as needed, or the end of the engagement. */
export type NextStep = { type: "recurring"; cadence: Cadence } | { type: "ad-hoc" } | { type: "end" };

/** What the coach recorded when finishing a meeting. Takeaways are shared with the client; notes are not here. */
export interface SessionFinish {
  finishedAt: string;
  takeaways: string[];
  next: NextStep;
  /** Intro sessions only: whether the coach wants to work with the client. */
  workTogether?: boolean;
  /** The id of the program skill explored in this session, when the coach recorded one. */
  skill?: string;
  actionItemIds: string[];
}
