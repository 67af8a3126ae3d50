import type { Engagement } from "../followups/model";
import type { IntakeInput } from "../intake/schema";
import type { Goal } from "../sessions/model";
import type { BookingAnswer } from "../webhooks/booking-event";

/** One recommended coach for a client, with the reasons a person can read. */
export interface Match {
  coachId: string;
  name: string;
  score: number;
  reasons: string[];
  bookingUrl: string;
}

export type ClientStatus = "matched" | "waitlisted";

/** The client profile: the intake answers plus what the system decided. */
export interface Client extends Omit<IntakeInput, "consent"> {
  id: string;
  status: ClientStatus;
  matches: Match[];
  /** Hash of the intake answers; an identical resubmission changes nothing. */
  answersHash: string;
  /** Set when a booking arrived from someone who never filled in the intake form. */
  bookedWithoutIntake?: boolean;
  /** What such a person wrote in the booking form: all a coach knows of them (decision 0030). */
  bookingAnswers?: BookingAnswer[];
  /**
   * Set on the profile that holds a booking matched by email alone to a client (`clientId`) whose
   * coaches do not include the booking's: the booking's own details, kept apart until the owner of
   * the address or an admin says it is theirs (then the session moves to that client and this
   * profile goes), or an admin says it is not (`rejectedAt`). Decision 0030.
   */
  unverified?: { clientId: string; sessionId: string; rejectedAt?: string };
  /** SMART goals documented in starter session 1 (set by the coach). */
  smartGoals?: Goal[];
  /** The coaching engagement, once an intro led somewhere. */
  engagement?: Engagement;
  /** Counts engagement changes; each change is conditioned on the one it read. */
  engagementVersion?: number;
  /** The client opted out of nudges (reminders to book, action-item reminders); transactional mail still goes. */
  nudgesOff?: boolean;
  /** How matches were last chosen: by the matcher, or by an admin's override. */
  matchedBy: "matcher" | "admin";
  /** When the client consented to be contacted (the intake's checkbox); absent for a walk-in booking. */
  consentAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
