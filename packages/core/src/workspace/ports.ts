import type { Client } from "../clients/model";
import type { Coach } from "../coaches/schema";
import type { ActionItem } from "../followups/model";
import type { Session } from "../sessions/model";
import type { SessionClaim, ViewerItems } from "../web-auth/session-claim";
import type { TalkingPointStore, TalkingPoints } from "./talking-points";

/** Who a page names: a client by name, read in their time zone. */
export interface PersonRef {
  id: string;
  name: string;
  timezone: string;
}

/** A client as the home page reads them: the name, and what says whether the coach has them (0030). */
export interface ClientRef
  extends PersonRef,
    Partial<Pick<Client, "matches" | "engagement" | "unverified">> {}

/** A session's items that belong to its coach alone. */
export interface CoachPrivate {
  /** When the private notes were last saved; absent when there are none. */
  notesSavedAt?: string;
  talkingPoints: TalkingPoints;
}

/** What a page asks for in its first read, beside the viewer's web session and coach. */
export interface FirstWants {
  /** A session, with its private notes and talking points. */
  sessionId?: string;
  /** A client, whole. */
  clientId?: string;
  /**
   * Clients by id, with their names and zones only. The read is then projected: the coach comes
   * with its id, name, zone and `active` only, and no session or whole client can be asked for.
   */
  names?: readonly string[];
}

/** What a first read found (absent: no such item). */
export interface FirstReads extends ViewerItems {
  /** Whole, unless `names` were asked for (see FirstWants). */
  coach?: Coach;
  session?: Session;
  /** The session's private notes, when any were saved. */
  notes?: { notes: string; updatedAt: string; version: number };
  /** The session's talking points (version 0: none yet). */
  talkingPoints: TalkingPoints;
  client?: Client;
  names: Map<string, ClientRef>;
}

/** What the home page shows of a session. */
export type HomeSessionFields = Pick<
  Session,
  "id" | "clientId" | "coachId" | "kind" | "number" | "startsAt" | "endsAt" | "status"
>;

/** The reads the workspace pages need beyond the JSON API's stores, each in one call. */
export interface WorkspaceReads {
  /**
   * In one BatchGetItem (one more per 100 keys past the first 100), consistent: the claim's web
   * session and coach, and what the page reads first. The web session is never read on its own.
   */
  firstReads(claim: SessionClaim, wants: FirstWants): Promise<FirstReads>;
  /** Every session and action item of a client (with any coach), in one call: two index partitions. */
  clientRecords(clientId: string): Promise<{ sessions: Session[]; actionItems: ActionItem[] }>;
  /** The coach's scheduled sessions starting between two instants (inclusive), only what home shows of them. */
  scheduledSessionsOfCoach(coachId: string, from: string, to: string): Promise<HomeSessionFields[]>;
  /** Open action items of the coach's clients due before `dueBefore` (YYYY-MM-DD): the `limit` due last. */
  openActionItemsOfCoach(coachId: string, dueBefore: string, limit: number): Promise<ActionItem[]>;
}

export type WorkspaceStore = WorkspaceReads & TalkingPointStore;
