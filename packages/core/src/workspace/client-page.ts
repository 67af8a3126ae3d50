import type { Principal } from "../access/principal";
import type { Client } from "../clients/model";
import type { ActionItem, Engagement } from "../followups/model";
import { visibleClient } from "../followups/service";
import { type CoveredSkill, coveredSkills } from "../program/skills";
import type { JobDeps } from "../sessions/jobs";
import type { Session } from "../sessions/model";

export interface ClientPage {
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
 * A client as their coach sees them: the same access rule as the JSON API (`visibleClient`: 404
 * unless the client has a session with this coach), this coach's sessions and action items only.
 */
export async function clientPage(deps: JobDeps, principal: Principal, clientId: string): Promise<ClientPage> {
  const client = await visibleClient(deps, principal, clientId);
  const coachId = principal.role === "coach" ? principal.coachId : undefined;
  const [sessions, items, program] = await Promise.all([
    deps.bookings.sessionsOfClient(client.id),
    deps.followups.actionItemsOfClient(client.id),
    deps.program.current(),
  ]);
  const mine = <T extends { coachId: string }>(xs: T[]) =>
    coachId ? xs.filter((x) => x.coachId === coachId) : xs;
  return {
    client,
    timeline: mine(sessions).sort((a, b) => (a.startsAt < b.startsAt ? 1 : -1)),
    actionItems: mine(items).sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)),
    skillsCovered: coveredSkills(mine(sessions), program),
    ...(client.engagement && (!coachId || client.engagement.coachId === coachId)
      ? { engagement: client.engagement }
      : {}),
  };
}
