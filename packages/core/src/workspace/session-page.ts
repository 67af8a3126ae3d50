import { assertNotesOwner, type Principal } from "../access/principal";
import { localDate } from "../followups/dates";
import { sessionDetail } from "../followups/session-detail";
import type { JobDeps } from "../sessions/jobs";
import type { CoachPrivate, WorkspaceReads } from "./ports";
import { suggestTalkingPoints } from "./suggestions";

export type SessionDetail = Awaited<ReturnType<typeof sessionDetail>>;

export interface SessionPage {
  detail: SessionDetail;
  own: CoachPrivate;
  /** Proposed talking points not already among the coach's own. */
  suggestions: string[];
}

/**
 * What the session page shows: the JSON API's session detail (same access rules: 404 for another
 * coach's session), plus the coach's own talking points, when the notes were saved, and the
 * suggested talking points. Only the session's coach gets here (notes and talking points are theirs).
 */
export async function sessionPage(
  deps: JobDeps,
  reads: WorkspaceReads,
  principal: Principal,
  sessionId: string,
): Promise<SessionPage> {
  const [detail, own] = await Promise.all([
    sessionDetail(deps, principal, sessionId),
    reads.coachPrivate(sessionId),
  ]);
  assertNotesOwner(principal, detail.coachId);
  const coach = detail.kind === "intro" ? await deps.coaches.get(detail.coachId) : undefined;
  const mine = new Set([...own.talkingPoints.points.map((p) => p.text), ...own.talkingPoints.dismissed]);
  const client = detail.client;
  // A past client's session has nothing to suggest from: no brief, goals or action items (0030).
  const suggestions = !("preferences" in client)
    ? []
    : suggestTalkingPoints({
        kind: detail.kind,
        coach: coach ?? { id: detail.coachId, specialties: [] },
        client: {
          name: client.name,
          challenge: client.challenge,
          ...(client.goals ? { goals: client.goals } : {}),
          preferences: client.preferences,
          timezone: client.timezone,
        },
        openActionItems: detail.openActionItems,
        goals: detail.goals,
        today: localDate(deps.clock.now(), client.timezone),
      }).filter((s) => !mine.has(s));
  return { detail, own, suggestions };
}
