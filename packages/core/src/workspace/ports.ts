import type { Client } from "../clients/model";
import type { Coach } from "../coaches/schema";
import type { ActionItem } from "../followups/model";
import type { TalkingPointStore, TalkingPoints } from "./talking-points";

/** A session's items that belong to its coach alone. */
export interface CoachPrivate {
  /** When the private notes were last saved; absent when there are none. */
  notesSavedAt?: string;
  talkingPoints: TalkingPoints;
}

/** The reads the workspace pages need beyond the JSON API's stores, each in one call where it can. */
export interface WorkspaceReads {
  coachPrivate(sessionId: string): Promise<CoachPrivate>;
  /** Open action items of the coach's clients due before `dueBefore` (YYYY-MM-DD). */
  openActionItemsOfCoach(coachId: string, dueBefore: string): Promise<ActionItem[]>;
  /** These clients and the coach, in one batch read. */
  clientsAndCoach(
    clientIds: readonly string[],
    coachId: string,
  ): Promise<{ clients: Map<string, Client>; coach?: Coach }>;
}

export type WorkspaceStore = WorkspaceReads & TalkingPointStore;
