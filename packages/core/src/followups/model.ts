import type { Cadence } from "../sessions/model";

/** An action item the client takes away from a session, with a due date (YYYY-MM-DD). */
export interface ActionItem {
  id: string;
  clientId: string;
  coachId: string;
  sessionId: string;
  text: string;
  dueDate: string;
  done: boolean;
  doneAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A client's coaching engagement with one coach, as the intro and later sessions shape it. */
export interface Engagement {
  coachId: string;
  status: "active" | "ended";
  mode: "recurring" | "ad-hoc";
  cadence?: Cadence;
  since: string;
  endedAt?: string;
}
