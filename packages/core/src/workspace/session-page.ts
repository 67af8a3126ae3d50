import { assertNotesOwner, type Principal } from "../access/principal";
import { localDate } from "../followups/dates";
import { visibleSession } from "../followups/finish";
import { sessionDetail } from "../followups/session-detail";
import type { JobDeps } from "../sessions/jobs";
import type { Session } from "../sessions/model";
import type { WebViewer } from "../web-auth/model";
import type { ViewerGate } from "../web-auth/session-claim";
import type { CoachPrivate, FirstReads, WorkspaceReads } from "./ports";
import { type Prefetched, prefetched } from "./prefetched";
import { suggestTalkingPoints } from "./suggestions";

export type SessionDetail = Awaited<ReturnType<typeof sessionDetail>>;

export interface SessionPage {
  viewer: WebViewer;
  detail: SessionDetail;
  own: CoachPrivate;
  /** Proposed talking points not already among the coach's own. */
  suggestions: string[];
}

/** A session as a page of it opens it: who asks, the session they may see, what was read with it. */
export interface OpenedSession {
  viewer: WebViewer;
  principal: Principal;
  session: Session;
  first: FirstReads;
  known: Prefetched;
  /** The stores, answering again what this request read already. */
  deps: JobDeps;
}

/**
 * The first read of every session page and form, one call: the web session, its coach and the
 * session with its notes and talking points. Then the viewer is admitted and the JSON API's access
 * rule applied (`visibleSession`: 404 unless it is this coach's session) before anything else of
 * the session is read.
 */
export async function openSession(
  deps: JobDeps,
  reads: WorkspaceReads,
  gate: ViewerGate,
  sessionId: string,
): Promise<OpenedSession> {
  const first = await reads.firstReads(gate.claim, { sessionId });
  const viewer = await gate.admit(first);
  const principal: Principal = { role: "coach", coachId: viewer.coachId };
  const known: Prefetched = {
    sessions: new Map([[sessionId, first.session]]),
    coaches: new Map([[viewer.coachId, first.coach]]),
    notes: new Map([
      [sessionId, first.notes ? { notes: first.notes.notes, version: first.notes.version } : { version: 0 }],
    ]),
  };
  const seen = prefetched(deps, known);
  const session = await visibleSession(seen, principal, sessionId);
  return { viewer, principal, session, first, known, deps: seen };
}

/**
 * What the session page shows, in three calls: `openSession`, then the client and the client's
 * sessions and action items at once. Built by the JSON API's session detail (same access rules),
 * plus the coach's own talking points, when the notes were saved, and the suggested talking
 * points. Only the session's coach gets here (notes and talking points are theirs).
 */
export async function sessionPage(
  deps: JobDeps,
  reads: WorkspaceReads,
  gate: ViewerGate,
  sessionId: string,
): Promise<SessionPage> {
  const { viewer, principal, session, first, known } = await openSession(deps, reads, gate, sessionId);
  const [client, records] = await Promise.all([
    deps.clients.get(session.clientId),
    reads.clientRecords(session.clientId),
  ]);
  const seen = prefetched(deps, {
    ...known,
    clients: new Map([[session.clientId, client]]),
    clientRecords: new Map([[session.clientId, records]]),
  });
  const detail = await sessionDetail(seen, principal, sessionId);
  assertNotesOwner(principal, detail.coachId);
  const own: CoachPrivate = {
    ...(first.notes ? { notesSavedAt: first.notes.updatedAt } : {}),
    talkingPoints: first.talkingPoints,
  };
  const coach = detail.kind === "intro" ? await seen.coaches.get(detail.coachId) : undefined;
  const mine = new Set([...own.talkingPoints.points.map((p) => p.text), ...own.talkingPoints.dismissed]);
  const brief = detail.client;
  // A past client's session has nothing to suggest from: no brief, goals or action items (0030).
  const suggestions = !("preferences" in brief)
    ? []
    : suggestTalkingPoints({
        kind: detail.kind,
        coach: coach ?? { id: detail.coachId, specialties: [] },
        client: {
          name: brief.name,
          challenge: brief.challenge,
          ...(brief.goals ? { goals: brief.goals } : {}),
          preferences: brief.preferences,
          timezone: brief.timezone,
        },
        openActionItems: detail.openActionItems,
        goals: detail.goals,
        today: localDate(deps.clock.now(), brief.timezone),
      }).filter((s) => !mine.has(s));
  return { viewer, detail, own, suggestions };
}
