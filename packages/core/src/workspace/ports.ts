import type { Client } from "../clients/model";
import type { ActionItem } from "../followups/model";
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

/** The signed-in coach as the home page needs them. */
export interface CoachRef extends PersonRef {
  active: boolean;
}

/** A session's items that belong to its coach alone. */
export interface CoachPrivate {
  /** When the private notes were last saved; absent when there are none. */
  notesSavedAt?: string;
  talkingPoints: TalkingPoints;
}

/** The reads the workspace pages need beyond the JSON API's stores, each in one call where it can. */
export interface WorkspaceReads {
  coachPrivate(sessionId: string): Promise<CoachPrivate>;
  /** Open action items of the coach's clients due before `dueBefore` (YYYY-MM-DD): the `limit` due last. */
  openActionItemsOfCoach(coachId: string, dueBefore: string, limit: number): Promise<ActionItem[]>;
  /** The names of these clients and the coach, in one batch read (two past 99 clients). */
  clientsAndCoach(
    clientIds: readonly string[],
    coachId: string,
  ): Promise<{ clients: Map<string, ClientRef>; coach?: CoachRef }>;
}

export type WorkspaceStore = WorkspaceReads & TalkingPointStore;
