import type { Principal } from "../access/principal";
import type { Client } from "../clients/model";
import type { ActionItem, Engagement } from "../followups/model";
import { visibleClient } from "../followups/service";
import { type CoveredSkill, coveredSkills } from "../program/skills";
import type { JobDeps } from "../sessions/jobs";
import type { Session } from "../sessions/model";
import type { WebViewer } from "../web-auth/model";
import type { ViewerGate } from "../web-auth/session-claim";
import type { WorkspaceReads } from "./ports";
import { prefetched } from "./prefetched";

export interface ClientPage {
  viewer: WebViewer;
  client: Client;
  /** Every session of this client with this coach, newest first. */
  timeline: Session[];
  /** The client's action items from this coach, by due date. */
  actionItems: ActionItem[];
  /** The engagement, when it is with this coach. */
  engagement?: Engagement;
  /** The program's skills explored in this coach's finished sessions, first time each (decision 0024). */
  skillsCovered: CoveredSkill[];
}

/**
 * A client as their coach sees them, in two calls: the web session, the coach and the client in
 * one, then the client's sessions and action items in one. The same access rule as the JSON API
 * (`visibleClient`: 404 unless the client has a session with this coach), judged on what those
 * calls read; this coach's sessions and action items only.
 */
export async function clientPage(
  deps: JobDeps,
  reads: WorkspaceReads,
  gate: ViewerGate,
  clientId: string,
): Promise<ClientPage> {
  const first = await reads.firstReads(gate.claim, { clientId });
  const viewer = await gate.admit(first);
  const principal: Principal = { role: "coach", coachId: viewer.coachId };
  const records = first.client ? await reads.clientRecords(clientId) : undefined;
  const seen = prefetched(deps, {
    clients: new Map([[clientId, first.client]]),
    ...(records ? { clientRecords: new Map([[clientId, records]]) } : {}),
  });
  const client = await visibleClient(seen, principal, clientId);
  const coachId = viewer.coachId;
  const [sessions, items, program] = await Promise.all([
    seen.bookings.sessionsOfClient(client.id),
    seen.followups.actionItemsOfClient(client.id),
    deps.program.current(),
  ]);
  const mine = <T extends { coachId: string }>(xs: T[]) => xs.filter((x) => x.coachId === coachId);
  return {
    viewer,
    client,
    timeline: mine(sessions).sort((a, b) => (a.startsAt < b.startsAt ? 1 : -1)),
    actionItems: mine(items).sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)),
    skillsCovered: coveredSkills(mine(sessions), program),
    ...(client.engagement?.coachId === coachId ? { engagement: client.engagement } : {}),
  };
}
