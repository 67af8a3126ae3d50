import type { Client } from "../clients/model";
import type { ClientDeps } from "../clients/service";
import { getClient } from "../clients/service";
import type { Coach } from "../coaches/schema";
import { matchRequestOf } from "../intake/service";
import { matchClient } from "../matching";
import type { BookingStore, FollowupStore } from "../ports";
import type { Session } from "../sessions/model";
import { type ClientPhase, foldName, phaseOf } from "./phases";
import type { AdminReads, ClientRow, EmailLogEntry, Page } from "./ports";
import { type UnverifiedRow, unverifiedRows } from "./unverified-rows";

/** How many clients a page of the list shows. */
export const CLIENTS_PER_PAGE = 25;

/**
 * The client list (`/admin/clients`): a search by name or address when there is one (at most a
 * page, from the name and address indexes), else the clients of a phase, or all, a page at a time.
 */
export async function findClients(
  reads: AdminReads,
  query: { status?: ClientPhase; q?: string; cursor?: string },
): Promise<Page<ClientRow> & { searched?: string }> {
  const q = query.q?.trim();
  if (q) {
    const found = await reads.searchClients(
      q.includes("@") ? q.toLowerCase() : foldName(q),
      CLIENTS_PER_PAGE,
    );
    return { items: query.status ? found.filter((c) => c.phase === query.status) : found, searched: q };
  }
  return reads.listClients(query.status, {
    limit: CLIENTS_PER_PAGE,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
}

/** A coach an admin may choose for the client: their load and how the matcher rates them. */
export interface Candidate {
  coach: Pick<Coach, "id" | "name" | "activeClients" | "capacity">;
  /** The matcher's score and reasons for this client; absent when it would not propose the coach. */
  fit?: { score: number; reasons: string[] };
  /** Why the matcher would not propose them (full, no shared language). */
  excluded?: "at capacity" | "no shared language";
  chosen: boolean;
}

export interface AdminClientView {
  client: Client;
  phase: ClientPhase;
  sessions: Session[];
  emails: EmailLogEntry[];
  candidates: Candidate[];
  /** Bookings made with the client's address, with a coach who does not have them, to link or reject (0030). */
  unverified: UnverifiedRow[];
}

export interface ClientViewDeps {
  clients: ClientDeps;
  bookings: Pick<BookingStore, "sessionsOfClient">;
  followups: Pick<FollowupStore, "actionItemsOfClient">;
  reads: Pick<AdminReads, "emailLog" | "unverifiedBookings">;
}

/**
 * One client for the console (`/admin/clients/{id}`): the profile, phase, sessions, the email
 * log, and every active coach as a candidate for an override, each with load and fit.
 */
export async function adminClientView(deps: ClientViewDeps, id: string): Promise<AdminClientView> {
  const client = await getClient(deps.clients, id);
  const [sessions, actionItems, coaches, program, unverified] = await Promise.all([
    deps.bookings.sessionsOfClient(id),
    // Their reminders are logged under each action item (the send ledger's ref).
    deps.followups.actionItemsOfClient(id),
    deps.clients.catalog.active(),
    deps.clients.program.current(),
    // An unverified booking's own profile holds no bookings of others.
    client.unverified ? [] : unverifiedRows(deps, id),
  ]);
  // The emails of a booking made with the client's address (the admin's notice, the "is this
  // you?" to the address) are the client's while it waits, and with its session once linked.
  const emails = await deps.reads.emailLog(
    id,
    [...sessions, ...unverified, ...actionItems].map((s) => s.id),
  );
  const request = matchRequestOf(client);
  const now = deps.clients.clock.now();
  const chosen = new Set(client.matches.map((m) => m.coachId));
  const candidates = coaches
    .map((coach): Candidate => {
      const result = matchClient(request, [coach], { now, program, limit: 1 });
      const top = result.recommendations[0];
      const excluded =
        result.excluded.atCapacity > 0
          ? "at capacity"
          : result.excluded.noSharedLanguage > 0
            ? "no shared language"
            : undefined;
      return {
        coach: {
          id: coach.id,
          name: coach.name,
          activeClients: coach.activeClients,
          capacity: coach.capacity,
        },
        ...(top ? { fit: { score: top.score, reasons: top.reasons } } : {}),
        ...(excluded ? { excluded } : {}),
        chosen: chosen.has(coach.id),
      };
    })
    .sort((a, b) => Number(b.chosen) - Number(a.chosen) || (b.fit?.score ?? -1) - (a.fit?.score ?? -1));
  const booked = sessions.some((s) => s.status !== "cancelled");
  const phase = client.engagement || !booked ? phaseOf(client) : "booked";
  return { client, phase, sessions, emails, candidates, unverified };
}
