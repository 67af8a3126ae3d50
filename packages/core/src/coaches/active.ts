import type { CoachRepository } from "../ports";
import type { CoachCatalog } from "./catalog";

/** How old the list of active coaches may be when a bearer token is checked against it. */
export const TOKEN_CHECK_MAX_AGE_MS = 60_000;

export interface ActiveCoachDeps {
  catalog: CoachCatalog;
  coaches: CoachRepository;
}

/**
 * Whether a coach's bearer token may act for them (issue 11): only while the coach is active,
 * judged by the cached list of active coaches at most a minute old, so a coach deactivated on
 * another instance is refused within a minute. A coach missing from the list is read from the
 * table, so one created or reactivated since counts at once.
 */
export async function isActiveCoach(deps: ActiveCoachDeps, coachId: string): Promise<boolean> {
  if ((await deps.catalog.active(TOKEN_CHECK_MAX_AGE_MS)).some((c) => c.id === coachId)) return true;
  return (await deps.coaches.get(coachId))?.active === true;
}
