import type { Clock } from "../clock";
import { ConditionFailedError, notFound } from "../errors";
import { actionItemScheduleName } from "../followups/action-item-jobs";
import type { ClientFootprint, JobScheduler, Logger, PrivacyStore } from "../ports";
import { SESSION_JOB_KINDS } from "../sessions/jobs";
import { exportDocument } from "./export";

export interface PrivacyDeps {
  privacy: PrivacyStore;
  scheduler: JobScheduler;
  clock: Clock;
  logger: Logger;
}

/** The export of a client (404 when there is none, erased or never). */
export async function exportClient(
  deps: PrivacyDeps,
  clientId: string,
  opts: { includePrivateNotes?: boolean } = {},
) {
  const fp = await deps.privacy.footprint(clientId);
  if (!fp) throw notFound("client");
  deps.logger.info("client exported", { clientId, privateNotes: opts.includePrivateNotes === true });
  return exportDocument(fp, deps.clock.now().toISOString(), opts);
}

/**
 * Erases a client: first their pending schedules (each session's and action item's, by their
 * deterministic names), then every stored item, leaving only a tombstone (id, time).
 * Late firings find nothing and are stale; a second erasure answers 404.
 */
export async function eraseClient(
  deps: PrivacyDeps,
  clientId: string,
  attempt = 1,
): Promise<{ erasedAt: string }> {
  const fp = await deps.privacy.footprint(clientId);
  if (!fp) throw notFound("client");
  const erasedAt = deps.clock.now().toISOString();
  const removed = await removeSchedules(deps.scheduler, fp);
  try {
    await deps.privacy.erase(fp, { clientId, erasedAt });
  } catch (error) {
    // The client changed under the erasure (their engagement): what is left is read again.
    if (error instanceof ConditionFailedError && attempt < 3) return eraseClient(deps, clientId, attempt + 1);
    throw error;
  }
  deps.logger.info("client erased", { clientId, schedules: removed, sessions: fp.sessions.length });
  return { erasedAt };
}

/**
 * Deletes every schedule a client can have, by its deterministic name: each session's jobs
 * (`<sessionId>-<kind>`, every kind, whether or not it is pending) and each action item's
 * reminder. No listing: deleting an absent schedule is fine.
 */
async function removeSchedules(scheduler: JobScheduler, fp: ClientFootprint): Promise<number> {
  const names = [
    ...[...fp.sessions, ...fp.heldSessions].flatMap((s) =>
      SESSION_JOB_KINDS.map((kind) => `${s.id}-${kind}`),
    ),
    ...fp.actionItems.map((a) => actionItemScheduleName(a.id)),
  ];
  const outcomes = await Promise.all(names.map((name) => scheduler.remove(name)));
  return outcomes.filter((o) => o === "deleted").length;
}
