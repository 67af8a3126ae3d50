import type { Clock } from "../clock";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, type WebSession } from "./model";
import type { WebAuthStore } from "./ports";
import { hashSecret, newSecret } from "./secrets";

export interface WebSessionDeps {
  store: WebAuthStore;
  wallClock: Clock;
}

/** A new session with a new random id (never one the browser brought along); answers the id. */
export async function startWebSession(deps: WebSessionDeps, coach: { id: string }): Promise<string> {
  const id = newSecret();
  const nowMs = deps.wallClock.now().getTime();
  await deps.store.putWebSession({
    idHash: hashSecret(id),
    coachId: coach.id,
    createdAtMs: nowMs,
    lastSeenAtMs: nowMs,
  });
  return id;
}

/** Whether a stored session still counts at `nowMs`: not idle for 12 h, not older than 14 days. */
export function isLive(session: WebSession, nowMs: number): boolean {
  return nowMs - session.lastSeenAtMs < SESSION_IDLE_MS && nowMs - session.createdAtMs < SESSION_ABSOLUTE_MS;
}

/** Sign-out: the session is deleted, so the cookie is worth nothing even if it was copied. */
export async function endWebSession(deps: WebSessionDeps, idHash: string | undefined): Promise<void> {
  if (idHash) await deps.store.deleteWebSession(idHash);
}

/** Expiry of a session item for the table's TTL (epoch seconds): the sooner of idle and absolute. */
export function sessionExpiresAtSeconds(session: WebSession): number {
  const ms = Math.min(session.lastSeenAtMs + SESSION_IDLE_MS, session.createdAtMs + SESSION_ABSOLUTE_MS);
  return Math.ceil(ms / 1000);
}
