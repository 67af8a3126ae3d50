import type { Clock } from "../clock";
import { AppError, ConditionFailedError, EMAIL_TAKEN, notFound } from "../errors";
import { newId } from "../ids";
import type { CoachRepository, ProgramSource } from "../ports";
import { TermResolver } from "../program/resolve";
import type { WebAuthStore } from "../web-auth/ports";
import type { CoachCatalog } from "./catalog";
import { COACH_LABELS, type Coach, type CoachInput, type CoachPatch } from "./schema";

export interface CoachDeps {
  coaches: CoachRepository;
  catalog: CoachCatalog;
  clock: Clock;
  /** The coach workspace's sign-ins: deactivating a coach ends all of them. */
  webSessions: Pick<WebAuthStore, "deleteCoachSessions">;
  program: ProgramSource;
}

/**
 * The program's ids for the words an admin typed (style, levels, specialties), or a 400 naming
 * each unknown style or level with the accepted labels.
 */
async function resolveTerms<T extends CoachPatch>(deps: Pick<CoachDeps, "program">, input: T): Promise<T> {
  const terms = new TermResolver(await deps.program.current());
  const out = { ...input };
  if (input.style !== undefined) out.style = terms.one("coachingStyles", input.style, ["style"]);
  if (input.seniorityLevels !== undefined) {
    out.seniorityLevels = terms.many("seniorityLevels", input.seniorityLevels, ["seniorityLevels"]);
  }
  if (input.specialties !== undefined) out.specialties = terms.topics(input.specialties);
  terms.check(COACH_LABELS);
  return out;
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
  const resolved = await resolveTerms(deps, input);
  const now = deps.clock.now();
  const coach: Coach = {
    ...resolved,
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
  const resolved = await resolveTerms(deps, patch);
  const previous = await getCoach(deps, id);
  const next: Coach = {
    ...previous,
    ...resolved,
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
