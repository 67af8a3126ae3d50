import type { Clock } from "../clock";
import { notFound } from "../errors";
import { actionItemScheduleName } from "../followups/action-item-jobs";
import type { ClientFootprint, JobScheduler, Logger, PrivacyStore } from "../ports";
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
 * deterministic name prefixes), then every stored item, leaving only a tombstone (id, time).
 * Late firings find nothing and are stale; a second erasure answers 404.
 */
export async function eraseClient(deps: PrivacyDeps, clientId: string): Promise<{ erasedAt: string }> {
  const fp = await deps.privacy.footprint(clientId);
  if (!fp) throw notFound("client");
  const erasedAt = deps.clock.now().toISOString();
  const removed = await removeSchedules(deps.scheduler, fp);
  await deps.privacy.erase(fp, { clientId, erasedAt });
  deps.logger.info("client erased", { clientId, schedules: removed, sessions: fp.sessions.length });
  return { erasedAt };
}

async function removeSchedules(scheduler: JobScheduler, fp: ClientFootprint): Promise<number> {
  const prefixes = [
    ...fp.sessions.map((s) => `${s.id}-`),
    ...fp.actionItems.map((a) => actionItemScheduleName(a.id)),
  ];
  const pending = (await Promise.all(prefixes.map((p) => scheduler.list(p)))).flat();
  await Promise.all(pending.map((s) => scheduler.remove(s.name)));
  return pending.length;
}
