import type { Session } from "../sessions/model";
import type { Program } from "./program";

export interface CoveredSkill {
  id: string;
  /** The skill's name now; a skill the program removed since is named by its id in words. */
  name: string;
  /** The first finished session that explored it. */
  sessionId: string;
  startsAt: string;
}

/** The skills a client's finished sessions explored, each once, in the order they were covered. */
export function coveredSkills(sessions: readonly Session[], program: Program): CoveredSkill[] {
  const seen = new Set<string>();
  return [...sessions]
    .filter((s) => s.status === "finished" && s.finish?.skill)
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
    .flatMap((s) => {
      const id = s.finish!.skill!;
      if (seen.has(id)) return [];
      seen.add(id);
      const skill = program.settings.skills.find((k) => k.id === id);
      return [{ id, name: skill?.name ?? id.replace(/-/g, " "), sessionId: s.id, startsAt: s.startsAt }];
    });
}
