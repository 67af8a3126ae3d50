import type { Clock } from "../clock";
import { ConditionFailedError } from "../errors";
import { newId } from "../ids";
import type { BookingStore, ClientRepository, CoachRepository, Logger, PairEntry, PairState } from "../ports";
import type { Session, SessionStatus } from "../sessions/model";
import { renumber } from "../sessions/sequence";
import { stableJson } from "../shared/stable-json";
import type { BookingEvent } from "../webhooks/booking-event";
import { applyEvent, desiredSession, MAX_CHAIN, missingLinks, orderChain } from "./chain";
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

export type BookingResult =
  | {
      outcome: "session";
      session: Session;
      /** The session as it was before this event, if it existed. */
      before?: Session;
      /** Sessions of the same chain merged into `session` and deleted. */
      merged: Session[];
      /** The client was created from this booking (it arrived without an intake). */
      newClient: boolean;
    }
  | { outcome: "awaiting"; reason: string }
  | {
      outcome: "unknown-coach";
      organizerEmails: string[];
      bookingId: string;
      startsAt: string;
      firstTime: boolean;
    };

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

async function attemptEvent(deps: BookingDeps, event: BookingEvent): Promise<BookingResult> {
  const stored = await loadChain(deps.bookings, event);
  const records = new Map(stored);
  for (const r of applyEvent(stored, event)) records.set(r.bookingId, r);
  const chain = orderChain(records, event.bookingId);
  const desired = desiredSession(chain);
  const changed = (r: BookingRecord) => !sameRecord(r, stored.get(r.bookingId));
  const unchangedOf = (rs: BookingRecord[]) => rs.filter((r) => !changed(r) && r.version > 0);

  const sessionIds = [...new Set(chain.flatMap((r) => (r.sessionId ? [r.sessionId] : [])))].sort();
  const existing = sessionIds.length > 0 ? await deps.bookings.getSessions(sessionIds) : [];
  existing.sort((a, b) => (a.id < b.id ? -1 : 1));
  const [keep, ...merged] = existing;

  if (desired.state === "none") {
    await deps.bookings.commit({
      bookings: chain.filter(changed),
      sessions: [],
      deletedSessions: [],
      unchanged: { bookings: unchangedOf(chain), sessions: existing },
    });
    return { outcome: "awaiting", reason: "no booking of this chain has been created yet" };
  }
  const now = deps.clock.now().toISOString();
  const data = desired.source.created as CreatedData;

  let base: Omit<Session, "kind" | "number" | "version"> & { version: number };
  let newClient = false;
  if (keep) {
    base = { ...keep };
  } else {
    const coachId = await resolveCoach(deps.coaches, data);
    if (!coachId) {
      const firstTime = !desired.source.unknownCoach;
      const source = { ...desired.source, unknownCoach: true };
      records.set(source.bookingId, source);
      const latest = chain.map((r) => records.get(r.bookingId)!);
      await deps.bookings.commit({
        bookings: latest.filter(changed),
        sessions: [],
        deletedSessions: [],
        unchanged: { bookings: unchangedOf(latest), sessions: [] },
      });
      return {
        outcome: "unknown-coach",
        organizerEmails: data.organizerEmails,
        bookingId: source.bookingId,
        startsAt: data.startsAt,
        firstTime,
      };
    }
    const client = await resolveClient(deps, data);
    newClient = client.created;
    base = {
      id: newId("session", deps.clock.now().getTime()),
      clientId: client.clientId,
      coachId,
      startsAt: data.startsAt,
      endsAt: data.endsAt,
      status: "scheduled",
      provider: event.provider,
      bookingId: desired.bookingId,
      createdAt: now,
      updatedAt: now,
      version: 0,
    };
  }
  const status: SessionStatus = base.status === "finished" ? "finished" : desired.state;
  const moved = base.startsAt !== data.startsAt || base.endsAt !== data.endsAt;
  const next = {
    ...base,
    startsAt: base.status === "finished" ? base.startsAt : data.startsAt,
    endsAt: base.status === "finished" ? base.endsAt : data.endsAt,
    status,
    bookingId: desired.bookingId,
  };

  // Kind and number follow the pair's non-cancelled sessions in start order; they can only change
  // when a session appears, moves, or changes status. The pair's record is read consistently and
  // written back under its version, so two bookings of one pair at once cannot number alike.
  const renumberNeeded = !keep || moved || keep.status !== next.status || merged.length > 0;
  const pairState = renumberNeeded ? await readPair(deps, next, newClient) : undefined;
  const others = (pairState?.entries ?? []).filter(
    (e) => e.id !== next.id && !merged.some((m) => m.id === e.id),
  );
  const slots = renumberNeeded
    ? renumber([...others, { ...next, status: "scheduled" as const, kind: keep?.kind, number: keep?.number }])
    : [{ id: next.id, kind: keep!.kind, ...(keep!.number ? { number: keep!.number } : {}), changed: false }];
  const ownSlot = slots.find((s) => s.id === next.id)!;
  const { number: _previousNumber, ...unnumbered } = next as typeof next & { number?: number };
  const session: Session = {
    ...unnumbered,
    kind: ownSlot.kind,
    ...(ownSlot.number ? { number: ownSlot.number } : {}),
    updatedAt: now,
    version: base.version + 1,
  };
  const siblingSlots = (next.status === "cancelled" ? renumber(others) : slots).filter(
    (s) => s.id !== next.id && s.changed,
  );
  const stale = siblingSlots.length > 0 ? await deps.bookings.getSessions(siblingSlots.map((s) => s.id)) : [];
  const renumbered = stale.map((s) => {
    const slot = siblingSlots.find((x) => x.id === s.id)!;
    const { number: _n, ...rest } = s;
    return {
      ...rest,
      kind: slot.kind,
      ...(slot.number ? { number: slot.number } : {}),
      updatedAt: now,
      version: s.version + 1,
    };
  });
  const entry = (s: Pick<Session, "id" | "startsAt" | "status" | "kind" | "number">): PairEntry => ({
    id: s.id,
    startsAt: s.startsAt,
    status: s.status,
    kind: s.kind,
    ...(s.number ? { number: s.number } : {}),
  });
  const pair = pairState && {
    clientId: next.clientId,
    coachId: next.coachId,
    version: pairState.version,
    entries: [
      ...others.map((e) => {
        const moved = renumbered.find((r) => r.id === e.id);
        return moved ? entry(moved) : e;
      }),
      entry(session),
    ],
  };

  for (const r of chain)
    if (r.sessionId !== session.id) records.set(r.bookingId, { ...r, sessionId: session.id });
  const sessionChanged =
    !keep ||
    moved ||
    keep.status !== session.status ||
    keep.bookingId !== session.bookingId ||
    keep.kind !== session.kind ||
    keep.number !== session.number;
  const latest = chain.map((r) => records.get(r.bookingId)!);
  await deps.bookings.commit({
    bookings: latest.filter(changed),
    sessions: [...(sessionChanged ? [session] : []), ...renumbered],
    deletedSessions: merged,
    unchanged: { bookings: unchangedOf(latest), sessions: !sessionChanged && keep ? [keep] : [] },
    ...(pair ? { pair } : {}),
  });
  return {
    outcome: "session",
    session: sessionChanged ? session : keep!,
    ...(keep ? { before: keep } : {}),
    merged,
    newClient,
  };
}

/** Equal content, whatever the key order. */
function sameRecord(a: BookingRecord, b: BookingRecord | undefined): boolean {
  return b !== undefined && stableJson(a) === stableJson(b);
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
    entries: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      status: s.status,
      kind: s.kind,
      ...(s.number ? { number: s.number } : {}),
    })),
  };
}
