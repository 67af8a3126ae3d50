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

  /** The active coaches, read again when the list is older than the TTL (or `maxAgeMs`, if sooner). */
  active(maxAgeMs = this.ttlMs): Promise<Coach[]> {
    const now = this.clock.now().getTime();
    if (!this.cached || now - this.cached.at >= Math.min(this.ttlMs, maxAgeMs) || now < this.cached.at) {
      const coaches = this.repo.listActive();
      this.cached = { at: now, coaches };
      coaches.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached.coaches;
  }

  /**
   * How many coaches are inactive. The cache holds active coaches only, so this is read on demand,
   * page by page; only a waitlisted intake asks (for the admin's alert).
   */
  async inactiveCount(): Promise<number> {
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await this.repo.list({ limit: 100, ...(cursor ? { cursor } : {}) });
      count += page.items.filter((c) => !c.active).length;
      cursor = page.cursor;
    } while (cursor);
    return count;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
