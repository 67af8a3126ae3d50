import type { SignInToken, WebSession } from "./model";

/**
 * Storage of sign-in links and web sessions (adapters/dynamodb/web-auth-store.ts). A session is read
 * with each workspace page's first read (`WorkspaceReads.firstReads`), not on its own; an admin's
 * by the console's reads (`AdminReads.webSession`, decision 0033).
 */
export interface WebAuthStore {
  putSignInToken(token: SignInToken): Promise<void>;
  getSignInToken(tokenHash: string): Promise<SignInToken | undefined>;
  /**
   * Marks the link used, only if it is unused, unexpired at `nowMs` and bound to `bindingHash`
   * (one conditional write). False when any of that no longer holds.
   */
  consumeSignInToken(tokenHash: string, bindingHash: string, nowMs: number, at: string): Promise<boolean>;

  putWebSession(session: WebSession): Promise<void>;
  /** Moves the session's last-seen time (and its TTL) forward, unless it was deleted meanwhile. */
  touchWebSession(session: WebSession, lastSeenAtMs: number): Promise<void>;
  deleteWebSession(idHash: string): Promise<void>;
  /** Ends every web session of the coach (deactivation). */
  deleteCoachSessions(coachId: string): Promise<number>;
}
