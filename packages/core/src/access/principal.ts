import { notFound } from "../errors";

/** Who is calling: an admin (static token or an admin JWT) or a coach (JWT whose subject is the coach id). */
export type Principal = { role: "admin"; subject: string } | { role: "coach"; coachId: string };

export const ROLES = ["admin", "coach"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Throws `not_found` unless the principal may see something that belongs to `ownerCoachId`: admins
 * see everything; a coach sees only their own, and anything else looks like it does not exist.
 */
export function assertCanSee(principal: Principal, ownerCoachId: string, what: string): void {
  if (principal.role === "coach" && principal.coachId !== ownerCoachId) throw notFound(what);
}

/** A coach's private notes: only that coach, never an admin or another coach. */
export function assertNotesOwner(principal: Principal, ownerCoachId: string): void {
  if (principal.role !== "coach" || principal.coachId !== ownerCoachId) throw notFound("session");
}
