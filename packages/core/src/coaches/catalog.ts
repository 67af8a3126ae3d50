import type { Clock } from "../clock";
import type { CoachRepository } from "../ports";
import type { Coach } from "./schema";

/**
 * The active coaches, the candidates for matching, kept in memory for `ttlMs` so that a warm
 * function does not read every coach on every intake. Changes made through this process clear it
 * at once; changes made elsewhere show within the TTL.
 */
export class CoachCatalog {
  private cached: { at: number; coaches: Promise<Coach[]> } | undefined;

  constructor(
    private readonly repo: CoachRepository,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  active(): Promise<Coach[]> {
    const now = this.clock.now().getTime();
    if (!this.cached || now - this.cached.at >= this.ttlMs || now < this.cached.at) {
      const coaches = this.repo.listActive();
      this.cached = { at: now, coaches };
      coaches.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached.coaches;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
