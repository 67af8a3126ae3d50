/** How long an emailed sign-in link works. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** A web session ends after this long without a request… */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** …and this long after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_MS = 14 * 86_400_000;
/** A session's last-seen time is written again only when it is older than this (one write per 5 minutes, not per page). */
export const SESSION_TOUCH_MS = 5 * 60_000;

/** A sign-in link as stored: the token's hash is its key; the token itself is never stored. */
export interface SignInToken {
  tokenHash: string;
  coachId: string;
  email: string;
  /** The hash of the browser binding (a cookie set when the link was requested). */
  bindingHash: string;
  createdAt: string;
  /** Epoch ms, read against the wall clock. */
  expiresAtMs: number;
  usedAt?: string;
  /** The workspace path to open after signing in (already checked to be one of ours). */
  next?: string;
}

/** A signed-in browser: the session id's hash is its key. */
export interface WebSession {
  idHash: string;
  coachId: string;
  createdAtMs: number;
  lastSeenAtMs: number;
}

/** Who a live web session belongs to: the coach as read with the page (name and zone for the header and times). */
export interface WebViewer {
  coachId: string;
  name: string;
  timezone: string;
}

/** Why an emailed link does not sign in. */
export type LinkProblem = "invalid" | "expired" | "used" | "other-browser";
