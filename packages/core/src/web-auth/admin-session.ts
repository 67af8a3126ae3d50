import { AppError } from "../errors";
import { SESSION_TOUCH_MS, type WebSession } from "./model";
import type { SessionClaim } from "./session-claim";
import { isLive, type WebSessionDeps } from "./web-sessions";

/**
 * The admin a claim signs in (decision 0033), judged on the stored session read for it: an
 * admin's, of this address, live, and the address still in `ADMIN_EMAILS` (checked on every
 * request, so removing it ends access). Anything else ends it like {@link admit}. Answers the address.
 */
export async function admitAdmin(
  deps: WebSessionDeps,
  claim: SessionClaim,
  s: WebSession | undefined,
  adminEmails: readonly string[],
): Promise<string> {
  const nowMs = deps.wallClock.now().getTime();
  const ok = claim.role === "admin" && s?.role === "admin" && s.coachId === claim.coachId;
  if (ok && adminEmails.includes(s.coachId) && isLive(s, nowMs)) {
    if (nowMs - s.lastSeenAtMs >= SESSION_TOUCH_MS) await deps.store.touchWebSession(s, nowMs);
    return s.coachId;
  }
  if (s) await deps.store.deleteWebSession(s.idHash);
  throw new AppError("unauthorized", "signed out");
}
