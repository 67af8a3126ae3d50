import type { Client } from "../clients/model";
import type { Coach } from "../coaches/schema";
import type { ActionItem } from "../followups/model";
import type { JobDeps } from "../sessions/jobs";
import type { Session } from "../sessions/model";

/** Items this request has read already, by id; `undefined`: looked up, and there is none. */
export interface Prefetched {
  sessions?: Map<string, Session | undefined>;
  clients?: Map<string, Client | undefined>;
  coaches?: Map<string, Coach | undefined>;
  /** Private notes with their version, by session id. */
  notes?: Map<string, { notes?: string; version: number }>;
  /** Every session and every action item of a client, by client id. */
  clientRecords?: Map<string, { sessions: Session[]; actionItems: ActionItem[] }>;
}

/** What `map` knows of `id`, else what `read` reads. */
const known = async <T>(map: Map<string, T> | undefined, id: string, read: () => Promise<T>) =>
  map?.has(id) ? map.get(id)! : read();

/** `store` with some methods replaced; the others are the store's own. */
const over = <T extends object>(store: T, methods: Partial<T>): T =>
  Object.assign(Object.create(store), methods);

/**
 * The stores as the domain services use them, answering the reads this request already made from
 * what they found (decision 0028), and sending every other read to the table. Only for one
 * request, built after its reads: nothing is kept between requests, so nothing can be stale or
 * reach another viewer. The domain services run unchanged on it, access checks included.
 */
export function prefetched(deps: JobDeps, p: Prefetched): JobDeps {
  const { bookings, followups, clients, coaches } = deps;
  const records = (id: string) => p.clientRecords?.get(id);
  return {
    ...deps,
    bookings: over(bookings, {
      // A page reads one session at a time.
      getSessions: async ([id, ...more]) =>
        !more.length && p.sessions?.has(id!)
          ? [p.sessions.get(id!)].filter((s) => !!s)
          : bookings.getSessions([id!, ...more]),
      sessionsOfClient: async (id) => records(id)?.sessions ?? bookings.sessionsOfClient(id),
    }),
    followups: over(followups, {
      actionItemsOfClient: async (id) => records(id)?.actionItems ?? followups.actionItemsOfClient(id),
      getNotes: async (id) => (p.notes?.has(id) ? p.notes.get(id)!.notes : followups.getNotes(id)),
      readNotes: (id) => known(p.notes, id, () => followups.readNotes(id)),
    }),
    clients: over(clients, { get: (id) => known(p.clients, id, () => clients.get(id)) }),
    coaches: over(coaches, { get: (id) => known(p.coaches, id, () => coaches.get(id)) }),
  };
}
