import type { UnverifiedBooking } from "../bookings/unverified";
import type { CoachCatalog } from "../coaches/catalog";
import type { CoachRepository } from "../ports";
import type { AdminReads } from "./ports";

/** An unverified booking as the console shows it: the booking's own details and its coach's name. */
export type UnverifiedRow = UnverifiedBooking & { coachName: string };

/**
 * The unverified bookings waiting for a decision (`/admin/unverified`), or those made with one
 * client's address, each with its coach's name: the active coaches come from the cache; a coach
 * who is no longer active is read by id.
 */
export async function unverifiedRows(
  deps: {
    reads: Pick<AdminReads, "unverifiedBookings">;
    clients: { catalog: Pick<CoachCatalog, "active">; coaches: Pick<CoachRepository, "get"> };
  },
  clientId?: string,
): Promise<UnverifiedRow[]> {
  const [found, coaches] = await Promise.all([
    deps.reads.unverifiedBookings(clientId),
    deps.clients.catalog.active(),
  ]);
  const names = new Map(coaches.map((c) => [c.id, c.name]));
  const missing = [...new Set(found.map((u) => u.coachId).filter((id) => !names.has(id)))];
  for (const coach of await Promise.all(missing.map((id) => deps.clients.coaches.get(id))))
    if (coach) names.set(coach.id, coach.name);
  return found.map((u) => ({ ...u, coachName: names.get(u.coachId) ?? "a coach no longer in the program" }));
}
