import type { Client } from "../clients/model";
import type { Session } from "../sessions/model";

/*
 * When a coach may work with a client (issue 11, decision 0030): a profile, goals, action items,
 * "+ new session" and finishing an intro all ask `coachHasClient`, and so does a booking matched
 * by email alone before it attaches to the client. Nothing else grants it; an unverified
 * booking's own profile (`Client.unverified`) grants nothing to anyone.
 */

/**
 * The coach has the client now: the coach is one of their current matches, their active
 * engagement's coach, or has a session with them still to hold (`sessions`: booked, not
 * cancelled, not finished). When all of these end, the coach keeps only their own past sessions
 * (and notes): no profile, goals or action items.
 */
export const coachHasClient = (
  client: Pick<Client, "matches" | "engagement" | "unverified">,
  coachId: string,
  sessions: readonly Pick<Session, "coachId" | "status">[],
) =>
  !client.unverified &&
  (client.matches.some((m) => m.coachId === coachId) ||
    // The engagement while active, a session while scheduled.
    [client.engagement, ...sessions].some(
      (x) => x?.coachId === coachId && (x.status === "active" || x.status === "scheduled"),
    ));
