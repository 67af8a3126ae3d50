import type { Clock } from "../clock";
import type { ProgramSettingsStore, ProgramSource, StoredProgramSettings } from "../ports";
import { Program } from "./program";
import type { AgendaTemplates } from "./schema";

/**
 * The program's settings kept in memory for `ttlMs`, like the coach catalog: a cold start pays
 * one read, a warm function none until the TTL runs out; a change stored through this process
 * shows at once, one stored elsewhere within the TTL. The settings' version rides along, so a
 * re-read that finds the same version keeps the lookups already built from it.
 */
export class CachedProgramSource implements ProgramSource {
  private cached: { at: number; program: Promise<Program> } | undefined;

  constructor(
    readonly store: ProgramSettingsStore,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  current(): Promise<Program> {
    const now = this.clock.now().getTime();
    if (!this.cached || now - this.cached.at >= this.ttlMs || now < this.cached.at) {
      const previous = this.cached?.program;
      const program = this.store.read().then(async (stored) => {
        const before = previous ? await previous.catch(() => undefined) : undefined;
        return before && stored && before.version === stored.version ? before : programOf(stored);
      });
      this.cached = { at: now, program };
      program.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached.program;
  }

  /** After a write through this process: the new version serves at once. */
  remember(stored: StoredProgramSettings): void {
    this.cached = { at: this.clock.now().getTime(), program: programOf(stored) };
  }

  async agendaTemplatesAt(createdAt: string): Promise<AgendaTemplates> {
    const program = await this.current();
    // The common case: the session was created under the settings in memory (or none were stored).
    if (program.version === 0 || createdAt >= program.updatedAt) return program.settings.agendaTemplates;
    const stored = await this.store.agendaTemplatesAt(createdAt);
    return stored ?? (await import("./agenda-defaults")).DEFAULT_AGENDA_TEMPLATES;
  }
}

/**
 * The stored version, or the defaults when none is stored. The defaults (some 9 KB of agenda text
 * and vocabularies) are loaded on first use, not with every function's init code.
 */
export async function programOf(stored: StoredProgramSettings | undefined): Promise<Program> {
  if (stored) return new Program(stored.settings, stored.version, stored.updatedAt);
  return (await import("./defaults")).defaultProgram;
}
