import type { Clock } from "../clock";
import { AppError, ConditionFailedError, EMAIL_TAKEN, notFound } from "../errors";
import { newId } from "../ids";
import type { CoachRepository } from "../ports";
import type { WebAuthStore } from "../web-auth/ports";
import type { CoachCatalog } from "./catalog";
import type { Coach, CoachInput, CoachPatch } from "./schema";

export interface CoachDeps {
  coaches: CoachRepository;
  catalog: CoachCatalog;
  clock: Clock;
  /** The coach workspace's sign-ins: deactivating a coach ends all of them. */
  webSessions: Pick<WebAuthStore, "deleteCoachSessions">;
}

const emailTaken = () =>
  new AppError("conflict", "a coach with this email already exists", [
    { path: "email", message: "is already used by another coach" },
  ]);

export async function createCoach(
  deps: CoachDeps,
  input: CoachInput,
  opts: { activeClients?: number } = {},
): Promise<Coach> {
  const now = deps.clock.now();
  const coach: Coach = {
    ...input,
    id: newId("coach", now.getTime()),
    activeClients: opts.activeClients ?? 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  try {
    await deps.coaches.create(coach);
  } catch (error) {
    if (error instanceof ConditionFailedError) throw emailTaken();
    throw error;
  }
  deps.catalog.invalidate();
  return coach;
}

export async function getCoach(deps: Pick<CoachDeps, "coaches">, id: string): Promise<Coach> {
  const coach = await deps.coaches.get(id);
  if (!coach) throw notFound("coach");
  return coach;
}

export async function updateCoach(deps: CoachDeps, id: string, patch: CoachPatch): Promise<Coach> {
  const previous = await getCoach(deps, id);
  const next: Coach = {
    ...previous,
    ...patch,
    updatedAt: later(deps.clock.now().toISOString(), previous.updatedAt),
  };
  try {
    await deps.coaches.replace(next, previous);
  } catch (error) {
    if (error instanceof ConditionFailedError) {
      throw error.message === EMAIL_TAKEN
        ? emailTaken()
        : new AppError("conflict", "the coach changed meanwhile: try again");
    }
    throw error;
  }
  deps.catalog.invalidate();
  // A deactivated coach is signed out everywhere at once (and cannot ask for a new link).
  if (previous.active && !next.active) await deps.webSessions.deleteCoachSessions(id);
  return next;
}

/** A timestamp strictly after `previous`, so every update changes `updatedAt` (the optimistic lock). */
function later(now: string, previous: string): string {
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}
