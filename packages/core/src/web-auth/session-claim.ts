import { createHmac } from "node:crypto";
import type { Coach } from "../coaches/schema";
import { AppError } from "../errors";
import { sameText } from "../shared/keyring";
import { SESSION_TOUCH_MS, type WebRole, type WebSession, type WebViewer } from "./model";
import { hashSecret, looksLikeSecret } from "./secrets";
import { isLive, type WebSessionDeps } from "./web-sessions";

/**
 * Who a session cookie says it signs in, before the stored session confirms it. The cookie is
 * signed; the stored session is read with each page's first items and judged by `admit`
 * (decision 0028).
 */
export interface SessionClaim {
  /** Absent for a coach (the workspace); "admin" for the console (decision 0033). */
  role?: "admin";
  /** The person's id: a coach's id, or an admin's address. */
  coachId: string;
  /** The key of the stored web session: the SHA-256 of the cookie's session id. */
  idHash: string;
}

/** The keys that sign session cookies: the link signing secret and, during a rotation, its previous value. */
export interface ClaimKeys {
  secret: string;
  previous?: string | undefined;
}

const mac = (key: string, body: string) =>
  createHmac("sha256", `web-session:${key}`).update(body).digest("base64url");

/**
 * The claim's first part: a coach's id as it is (ids are letters, digits and `_`), or for an admin
 * `admin~` and their address in base64url, so the dots of an address cannot be read as the
 * claim's separators and no coach id can pass for an admin's (decision 0033).
 */
const personPart = (role: WebRole, id: string) =>
  role === "admin" ? `admin~${Buffer.from(id).toString("base64url")}` : id;

function personOf(part: string): Pick<SessionClaim, "role" | "coachId"> | undefined {
  if (!part.includes("~")) return { coachId: part };
  const [role, encoded, ...rest] = part.split("~");
  if (role !== "admin" || !encoded || rest.length) return undefined;
  return { role: "admin", coachId: Buffer.from(encoded, "base64url").toString() };
}

/**
 * The session cookie's value (decision 0028): the person's id, the session's random id and a MAC
 * over both. The MAC lets a page start reading that coach's items beside the stored session
 * (one round trip less) without reading anything for a coach id a visitor made up.
 */
export const sessionCookie = (keys: ClaimKeys, coachId: string, id: string, role: WebRole = "coach") => {
  const body = `${personPart(role, coachId)}.${id}`;
  return `${body}.${mac(keys.secret, body)}`;
};

/** The claim of a session cookie this app signed (with either key), else undefined. No read. */
export function readClaim(keys: ClaimKeys, value: string | undefined): SessionClaim | undefined {
  const [part, id, sig, ...rest] = (value ?? "").split(".");
  if (rest.length || !part || !sig || !looksLikeSecret(id)) return undefined;
  const body = `${part}.${id}`;
  if (![keys.secret, keys.previous].some((k) => k && sameText(sig, mac(k, body)))) return undefined;
  const person = personOf(part);
  return person ? { ...person, idHash: hashSecret(id) } : undefined;
}

/** What a page read for a claim, beside its own first items: the stored session and the coach. */
export interface ViewerItems {
  webSession?: WebSession | undefined;
  coach?: Pick<Coach, "id" | "name" | "timezone" | "active"> | undefined;
}

/** A page's viewer: the cookie's claim, and how what was read for it is checked (`admit`). */
export interface ViewerGate {
  claim: SessionClaim;
  /** The signed-in coach, or the `unauthorized` AppError ({@link admit}). */
  admit(found: ViewerItems): Promise<WebViewer>;
}

/**
 * The coach a claim signs in, judged on what the page read with its first items: the stored
 * session must be this coach's and live, and the coach active. Anything else ends it (an expired
 * session, or one a deactivation missed, is deleted) and throws an `unauthorized` AppError, which
 * sends the visitor to sign in. A live session's last-seen time moves forward, written at most
 * once per SESSION_TOUCH_MS.
 */
export async function admit(
  deps: WebSessionDeps,
  claim: SessionClaim,
  found: ViewerItems,
): Promise<WebViewer> {
  const { webSession: s, coach } = found;
  const nowMs = deps.wallClock.now().getTime();
  if (!s?.role && !claim.role && s?.coachId === claim.coachId && coach?.active && isLive(s, nowMs)) {
    if (nowMs - s.lastSeenAtMs >= SESSION_TOUCH_MS) await deps.store.touchWebSession(s, nowMs);
    return { coachId: coach.id, name: coach.name, timezone: coach.timezone };
  }
  if (s) await deps.store.deleteWebSession(s.idHash);
  throw new AppError("unauthorized", "signed out");
}
