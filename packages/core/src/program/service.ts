import type { Clock } from "../clock";
import { AppError, ConditionFailedError } from "../errors";
import type { CoachRepository, ProgramSettingsStore } from "../ports";
import type { Program } from "./program";
import type { ProgramSettings } from "./schema";
import type { CachedProgramSource } from "./source";
import { programOf } from "./source";

export interface ProgramDeps {
  store: ProgramSettingsStore;
  source: CachedProgramSource;
  coaches: Pick<CoachRepository, "list">;
  clock: Clock;
}

/** The settings as stored now (consistent read), or the defaults when none are. */
export async function readProgram(deps: Pick<ProgramDeps, "store">): Promise<Program> {
  return programOf(await deps.store.read());
}

const CLOSED = [
  ["coachingStyles", "coaching style"],
  ["seniorityLevels", "seniority level"],
] as const;

/**
 * Replaces the settings. `ifMatch` is the ETag the admin read: none answers 428, another than the
 * stored one 412. A style or level that coaches or clients still use cannot be removed (409, with
 * how many use it); everything else may change freely.
 */
export async function replaceProgram(
  deps: ProgramDeps,
  next: ProgramSettings,
  ifMatch: string | undefined,
): Promise<Program> {
  if (!ifMatch) {
    throw new AppError("precondition_required", "send If-Match with the ETag of the settings you read");
  }
  const current = await readProgram(deps);
  if (ifMatch.trim() !== current.etag) {
    throw new AppError("precondition_failed", "the program settings changed since you read them: read again");
  }
  await refuseRemovalOfUsed(deps, current, next);
  const now = deps.clock.now().toISOString();
  const stored = {
    settings: next,
    version: current.version + 1,
    updatedAt: now > current.updatedAt ? now : new Date(Date.parse(current.updatedAt) + 1).toISOString(),
  };
  try {
    await deps.store.write(stored, current.version);
  } catch (error) {
    if (error instanceof ConditionFailedError) {
      throw new AppError(
        "precondition_failed",
        "the program settings changed since you read them: read again",
      );
    }
    throw error;
  }
  deps.source.remember(stored);
  return programOf(stored);
}

async function refuseRemovalOfUsed(deps: ProgramDeps, current: Program, next: ProgramSettings) {
  const removed = CLOSED.flatMap(([vocabulary, noun]) => {
    const kept = new Set(next[vocabulary].map((t) => t.id));
    return current.settings[vocabulary]
      .filter((t) => !kept.has(t.id))
      .map((t) => ({ vocabulary, noun, term: t, key: `${vocabulary}#${t.id}` }));
  });
  if (removed.length === 0) return;
  const [coachUses, clientUses] = await Promise.all([countCoachUses(deps), deps.store.clientUses()]);
  const fields = removed.flatMap(({ vocabulary, noun, term, key }) => {
    const coaches = coachUses.get(key) ?? 0;
    const clients = clientUses[key] ?? 0;
    if (coaches + clients === 0) return [];
    return [
      {
        path: vocabulary,
        label: noun[0]!.toUpperCase() + noun.slice(1),
        message: `The ${noun} "${term.label}" is used by ${count(coaches, "coach", "coaches")} and ${count(clients, "client", "clients")}: keep it, or change those first`,
        uses: { coaches, clients },
      },
    ];
  });
  if (fields.length > 0) {
    throw new AppError("conflict", fields.map((f) => f.message).join("; "), fields);
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * How many coaches use each style and level, read page by page from the coach listing (an index
 * query, never a Scan): coaches are few and only an admin's removal of a word asks.
 */
async function countCoachUses(deps: Pick<ProgramDeps, "coaches">): Promise<Map<string, number>> {
  const uses = new Map<string, number>();
  const add = (key: string) => uses.set(key, (uses.get(key) ?? 0) + 1);
  let cursor: string | undefined;
  do {
    const page = await deps.coaches.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    for (const coach of page.items) {
      add(`coachingStyles#${coach.style}`);
      for (const level of coach.seniorityLevels) add(`seniorityLevels#${level}`);
    }
    cursor = page.cursor;
  } while (cursor);
  return uses;
}
