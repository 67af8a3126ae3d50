import type { Client } from "../clients/model";
import type { Session } from "../sessions/model";
import { isoSeconds } from "../sessions/schedule-names";
import { eraseClient, type PrivacyDeps } from "./erase";

export interface RetentionSettings {
  /** A client who never booked is erased this many days after their intake. */
  unbookedDays: number;
  /** A client whose engagement ended (or whose sessions led to none) is erased this long after. */
  afterEndDays: number;
}

/**
 * The sweep's one-time schedule where no recurring one exists (the local Scheduler fires at()
 * schedules only): its input asks the sweep to put it one day on each time (decision 0026). On
 * AWS a recurring EventBridge Scheduler schedule (infra/constructs/scheduling.ts) sends the input
 * without `repeat`.
 */
export const SWEEP_SCHEDULE = "retention-sweep";
export const SWEEP_INPUT = { v: 1, job: "retention-sweep", repeat: "self" } as const;
const DAY_MS = 86_400_000;

/**
 * When everything about a client goes (undefined: not while the engagement is active):
 * - never booked: `unbookedDays` after the intake;
 * - engagement ended: `afterEndDays` after it ended;
 * - booked, never engaged (an intro that led nowhere): `afterEndDays` after the last session ended.
 */
export function erasureDue(
  client: Client,
  sessions: readonly Session[],
  s: RetentionSettings,
): string | undefined {
  const e = client.engagement;
  if (e?.status === "active") return undefined;
  if (e?.status === "ended") return addDays(e.endedAt ?? client.updatedAt, s.afterEndDays);
  if (sessions.length === 0) return addDays(client.createdAt, s.unbookedDays);
  const last = sessions
    .map((x) => x.endsAt)
    .sort()
    .at(-1) as string;
  return addDays(last, s.afterEndDays);
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** The earliest a client could be due, from the profile alone (no read of their sessions). */
function mayBeDue(client: Client, now: number, s: RetentionSettings): boolean {
  if (client.engagement?.status === "active") return false;
  return Date.parse(client.createdAt) + Math.min(s.unbookedDays, s.afterEndDays) * DAY_MS <= now;
}

/**
 * The daily retention sweep: erases every client whose time has come (on the program's clock),
 * then (when its input asks) schedules itself for the same time tomorrow. Not a request path: it
 * lists all clients through the client listing index.
 */
export async function sweepRetention(
  deps: PrivacyDeps,
  s: RetentionSettings,
  opts: { reschedule?: boolean } = {},
): Promise<{ erased: number }> {
  const now = deps.clock.now();
  let erased = 0;
  for (const client of await deps.privacy.allClients()) {
    if (!mayBeDue(client, now.getTime(), s)) continue;
    const fp = await deps.privacy.footprint(client.id);
    const due = fp && erasureDue(fp.client, fp.sessions, s);
    if (!due || Date.parse(due) > now.getTime()) continue;
    await eraseClient(deps, client.id);
    erased++;
  }
  if (opts.reschedule) await scheduleNextSweep(deps, now);
  deps.logger.info("retention sweep done", { erased });
  return { erased };
}

/** Puts the sweep's schedule one day after `from` (creates it when there is none). */
export async function scheduleNextSweep(deps: Pick<PrivacyDeps, "scheduler">, from: Date): Promise<void> {
  await deps.scheduler.upsert({
    name: SWEEP_SCHEDULE,
    at: isoSeconds(from.getTime() + DAY_MS),
    input: { ...SWEEP_INPUT },
  });
}
