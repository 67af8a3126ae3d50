import type { Clock } from "../clock";
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  type WebRole,
  type WebSession,
  type WebViewer,
} from "./model";
import type { WebAuthStore } from "./ports";
import { hashSecret, looksLikeSecret, newSecret } from "./secrets";

export interface WebSessionDeps {
  store: WebAuthStore;
  wallClock: Clock;
}

/** A new session with a new random id (never one the browser brought along); answers the id. */
export async function startWebSession(
  deps: WebSessionDeps,
  coach: { id: string; name: string; timezone: string },
  role: WebRole = "coach",
): Promise<string> {
  const id = newSecret();
  const nowMs = deps.wallClock.now().getTime();
  await deps.store.putWebSession({
    idHash: hashSecret(id),
    coachId: coach.id,
    ...(role === "coach" ? {} : { role }),
    coachName: coach.name,
    timezone: coach.timezone,
    createdAtMs: nowMs,
    lastSeenAtMs: nowMs,
  });
  return id;
}

/** Whether a stored session still counts at `nowMs`: not idle for 12 h, not older than 14 days. */
export function isLive(session: WebSession, nowMs: number): boolean {
  return nowMs - session.lastSeenAtMs < SESSION_IDLE_MS && nowMs - session.createdAtMs < SESSION_ABSOLUTE_MS;
}

/**
 * Who a session cookie belongs to (a coach or an admin: the caller checks the role), or undefined (no such session, idle, too old). A live
 * session's last-seen time moves forward, written at most once per {@link SESSION_TOUCH_MS}.
 */
export async function resolveWebSession(
  deps: WebSessionDeps,
  id: string | undefined,
): Promise<WebViewer | undefined> {
  if (!looksLikeSecret(id)) return undefined;
  const idHash = hashSecret(id);
  const session = await deps.store.getWebSession(idHash);
  const nowMs = deps.wallClock.now().getTime();
  if (!session) return undefined;
  if (!isLive(session, nowMs)) {
    await deps.store.deleteWebSession(idHash);
    return undefined;
  }
  if (nowMs - session.lastSeenAtMs >= SESSION_TOUCH_MS) await deps.store.touchWebSession(session, nowMs);
  return {
    role: session.role ?? "coach",
    coachId: session.coachId,
    name: session.coachName,
    timezone: session.timezone,
  };
}

/** Sign-out: the session is deleted, so the cookie is worth nothing even if it was copied. */
export async function endWebSession(deps: WebSessionDeps, id: string | undefined): Promise<void> {
  if (looksLikeSecret(id)) await deps.store.deleteWebSession(hashSecret(id));
}

/** Expiry of a session item for the table's TTL (epoch seconds): the sooner of idle and absolute. */
export function sessionExpiresAtSeconds(session: WebSession): number {
  const ms = Math.min(session.lastSeenAtMs + SESSION_IDLE_MS, session.createdAtMs + SESSION_ABSOLUTE_MS);
  return Math.ceil(ms / 1000);
}
