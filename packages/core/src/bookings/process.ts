import type { Clock } from "../clock";
import { ConditionFailedError } from "../errors";
import { newId } from "../ids";
import type {
  BookingStore,
  ClientRepository,
  CoachRepository,
  Logger,
  PairState,
  SessionWithItems,
} from "../ports";
import type { BookingEvent } from "../webhooks/booking-event";
import { MAX_CHAIN, missingLinks } from "./chain";
import { type BookingResult, type ChainFacts, decideChain, entry, type NewSessionFacts } from "./decide";
import type { BookingRecord, CreatedData } from "./model";
import { resolveClient, resolveCoach } from "./resolve";

export interface BookingDeps {
  bookings: BookingStore;
  clients: ClientRepository;
  coaches: CoachRepository;
  clock: Clock;
  logger: Logger;
  /** The link secret, and during a rotation the one it replaces (correlation tokens made before). */
  settings: { linkSecret: string; linkSecretPrevious?: string };
}

/** How often a booking event is re-read and re-applied after losing a write race. */
const MAX_ATTEMPTS = 8;

export type { BookingResult };

/**
 * Applies one provider-neutral booking event. Every event is folded into the records of its
 * reschedule chain and the chain's one session is recomputed from them, so duplicates, retries
 * and any order of created / rescheduled / cancelled end in the same state (see bookings/chain.ts).
 */
export async function processBookingEvent(deps: BookingDeps, event: BookingEvent): Promise<BookingResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptEvent(deps, event);
    } catch (error) {
      if (!(error instanceof ConditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      // Another delivery of the same chain won the write: read again, after a short random pause.
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

async function loadChain(store: BookingStore, event: BookingEvent): Promise<Map<string, BookingRecord>> {
  const records = new Map<string, BookingRecord>();
  let wanted = [event.bookingId];
  if (event.type === "booking.created" && event.replacesBookingId) wanted.push(event.replacesBookingId);
  if (event.type === "booking.cancelled" && event.replacedByBookingId) wanted.push(event.replacedByBookingId);
  const asked = new Set<string>();
  while (wanted.length > 0 && asked.size < MAX_CHAIN) {
    for (const id of wanted) asked.add(id);
    const found = await store.getBookings(event.provider, wanted);
    for (const r of found) records.set(r.bookingId, r);
    wanted = missingLinks(found, asked);
  }
  return records;
}

/**
 * One attempt: reads what the decision asks for, step by step, then commits the change it
 * returns in one transaction. The decision itself (bookings/decide.ts) is pure.
 */
async function attemptEvent(deps: BookingDeps, event: BookingEvent): Promise<BookingResult> {
  const facts: ChainFacts = {
    event,
    stored: await loadChain(deps.bookings, event),
    now: deps.clock.now().toISOString(),
  };
  for (;;) {
    const step = decideChain(facts);
    switch (step.need) {
      case "sessions":
        facts.sessions = await loadSessions(deps.bookings, step.ids);
        break;
      case "new-session":
        facts.newSession = await resolveNewSession(deps, step.data);
        break;
      case "pairs":
        facts.pairs = await Promise.all(
          step.pairs.map(async ({ clientId, coachId, newClient }) => ({
            clientId,
            coachId,
            ...(await readPair(deps, { clientId, coachId }, newClient)),
          })),
        );
        break;
      case "siblings":
        facts.siblings = await deps.bookings.getSessions(step.ids);
        break;
      case undefined:
        await deps.bookings.commit(step.change);
        return step.result;
    }
  }
}

/**
 * The chain's sessions. One session is read alone (the common case costs no more); several mean a
 * merge, which needs every other item of their partitions too, to carry the coach's work over.
 */
async function loadSessions(store: BookingStore, ids: readonly string[]): Promise<SessionWithItems[]> {
  if (ids.length > 1) return store.getSessionsWithItems(ids);
  return (await store.getSessions(ids)).map((session) => ({ session, items: [] }));
}

/** The coach and client of a chain's first session, and the session's new id. */
async function resolveNewSession(deps: BookingDeps, data: CreatedData): Promise<NewSessionFacts> {
  const coachId = await resolveCoach(deps.coaches, data);
  if (!coachId) return { coachId: undefined };
  const id = newId("session", deps.clock.now().getTime());
  const { clientId, profile } = await resolveClient(deps, data, coachId, id);
  return { id, clientId, coachId, newClient: !!profile, ...(profile ? { profile } : {}) };
}

/**
 * The pair's sessions, read consistently. A new client has none (no read). A pair without a
 * record yet (its first session, or sessions booked before pair records existed) is built from
 * the client's sessions once; the booking transaction then writes the record.
 */
async function readPair(
  deps: BookingDeps,
  next: { clientId: string; coachId: string },
  newClient: boolean,
): Promise<PairState> {
  if (newClient) return { entries: [], version: 0 };
  const state = await deps.bookings.getPair(next.clientId, next.coachId);
  if (state.version > 0) return state;
  const sessions = (await deps.bookings.sessionsOfClient(next.clientId)).filter(
    (s) => s.coachId === next.coachId,
  );
  return {
    version: 0,
    entries: sessions.map(entry),
  };
}
