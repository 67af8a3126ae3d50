import type { BookingChange, PairEntry, PairRecord, PairState, SessionWithItems } from "../ports";
import type { Session, SessionStatus } from "../sessions/model";
import { renumber } from "../sessions/sequence";
import { stableJson } from "../shared/stable-json";
import type { BookingEvent } from "../webhooks/booking-event";
import { applyEvent, type DesiredSession, desiredSession, orderChain } from "./chain";
import { type MergePlan, planMerge } from "./merge";
import type { BookingRecord, CreatedData } from "./model";

/*
 * The pure decision of one booking event: from what was read, the chain's new state (records,
 * session, merged sessions with the coach work they carry over, renumbered siblings, the pair's
 * record) as one BookingChange. It asks for what it still needs to know (`need`), and the caller
 * (process.ts) reads it and asks again; no I/O happens here.
 */

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

/** Who a chain's first session belongs to, once looked up; `coachId` undefined: no coach matched. */
export type NewSessionFacts =
  | { id: string; clientId: string; coachId: string; newClient: boolean }
  | { coachId: undefined };

/** Everything read so far for one event. Fields not read yet are undefined. */
export interface ChainFacts {
  event: BookingEvent;
  /** The chain's booking records as stored. */
  stored: ReadonlyMap<string, BookingRecord>;
  now: string;
  /** The chain's sessions (with their partitions when there are several, i.e. a merge). */
  sessions?: SessionWithItems[];
  newSession?: NewSessionFacts;
  pair?: PairState;
  /** The pairs of merged-away sessions that belong to another client–coach pair, as read. */
  otherPairs?: PairRecord[];
  /** The pairs' sessions whose kind or number changes, as stored. */
  siblings?: Session[];
}

export type ChainStep =
  | { need: "sessions"; ids: string[] }
  | { need: "new-session"; data: CreatedData }
  | { need: "pair"; clientId: string; coachId: string; newClient: boolean }
  | { need: "other-pairs"; pairs: { clientId: string; coachId: string }[] }
  | { need: "siblings"; ids: string[] }
  | { need?: undefined; change: BookingChange; result: BookingResult };

/** The chain after the event: its records (changed ones included), in order, and its session. */
export function foldChain(stored: ReadonlyMap<string, BookingRecord>, event: BookingEvent) {
  const records = new Map(stored);
  for (const r of applyEvent(stored, event)) records.set(r.bookingId, r);
  const chain = orderChain(records, event.bookingId);
  return { records, chain, desired: desiredSession(chain) };
}

/** Decides one step further from `facts`: what to read next, or the change to commit. */
export function decideChain(facts: ChainFacts): ChainStep {
  const { records, chain, desired } = foldChain(facts.stored, facts.event);
  const ids = [...new Set(chain.flatMap((r) => (r.sessionId ? [r.sessionId] : [])))].sort();
  const sessions = facts.sessions ?? (ids.length === 0 ? [] : undefined);
  if (!sessions) return { need: "sessions", ids };
  const plan = sessions.length > 0 ? planMerge(sessions) : undefined;
  const bookingWrites = (latest: BookingRecord[]) => ({
    bookings: latest.filter((r) => !sameRecord(r, facts.stored.get(r.bookingId))),
    unchanged: latest.filter((r) => sameRecord(r, facts.stored.get(r.bookingId)) && r.version > 0),
  });

  if (desired.state === "none") {
    const w = bookingWrites(chain);
    return {
      change: {
        bookings: w.bookings,
        sessions: [],
        deletedSessions: [],
        unchanged: { bookings: w.unchanged, sessions: sessions.map((s) => s.session) },
      },
      result: { outcome: "awaiting", reason: "no booking of this chain has been created yet" },
    };
  }
  const data = desired.source.created as CreatedData;
  if (!plan && !facts.newSession) return { need: "new-session", data };
  if (!plan && facts.newSession?.coachId === undefined) {
    const source = { ...desired.source, unknownCoach: true };
    records.set(source.bookingId, source);
    const w = bookingWrites(chain.map((r) => records.get(r.bookingId)!));
    return {
      change: {
        bookings: w.bookings,
        sessions: [],
        deletedSessions: [],
        unchanged: { bookings: w.unchanged, sessions: [] },
      },
      result: {
        outcome: "unknown-coach",
        organizerEmails: data.organizerEmails,
        bookingId: source.bookingId,
        startsAt: data.startsAt,
        firstTime: !desired.source.unknownCoach,
      },
    };
  }
  const fresh = facts.newSession as Extract<NewSessionFacts, { id: string }> | undefined;
  const next = placeSession(plan?.session ?? newSession(fresh!, facts, desired, data), desired, data);
  const keep = plan?.keep.session;
  const merged = plan?.merged.map((m) => m.session) ?? [];
  const moved = !keep || keep.startsAt !== next.startsAt || keep.endsAt !== next.endsAt;

  // Kind and number follow the pair's non-cancelled sessions in start order; they can only change
  // when a session appears, moves, or changes status, or when sessions merge.
  const renumberNeeded = !keep || moved || keep.status !== next.status || merged.length > 0;
  if (renumberNeeded && !facts.pair)
    return {
      need: "pair",
      clientId: next.clientId,
      coachId: next.coachId,
      newClient: fresh?.newClient ?? false,
    };
  const numbered = numberSession(next, keep, merged, renumberNeeded ? facts.pair : undefined, facts.now);
  // A session merged away from another pair (a reschedule across hosts) leaves that pair too.
  const foreign = otherPairsOf(next, merged);
  if (foreign.length > 0 && !facts.otherPairs) return { need: "other-pairs", pairs: foreign };
  const leaving = (facts.otherPairs ?? []).map((p) => withoutMerged(p, merged));
  const slots = [...numbered.siblingSlots, ...leaving.flatMap((l) => l.slots)];
  const siblingIds = slots.map((s) => s.id);
  if (siblingIds.length > 0 && !facts.siblings) return { need: "siblings", ids: siblingIds };
  const renumbered = renumberSiblings(facts.siblings ?? [], slots, facts.now);
  const otherPairs = leaving.map(({ pair: p }) => ({
    ...p,
    entries: p.entries.map((e) => {
      const moved = renumbered.find((r) => r.id === e.id);
      return moved ? entry(moved) : e;
    }),
  }));
  const session = numbered.session;

  for (const r of chain)
    if (r.sessionId !== session.id) records.set(r.bookingId, { ...r, sessionId: session.id });
  const sessionChanged = !keep || merged.length > 0 || !sameSession(keep, session);
  const w = bookingWrites(chain.map((r) => records.get(r.bookingId)!));
  const pair =
    facts.pair && renumberNeeded
      ? pairAfter(next, facts.pair, numbered.others, renumbered, session)
      : undefined;
  return {
    change: {
      bookings: w.bookings,
      sessions: [...(sessionChanged ? [session] : []), ...renumbered],
      deletedSessions: merged,
      unchanged: { bookings: w.unchanged, sessions: !sessionChanged && keep ? [keep] : [] },
      ...(pair ? { pair } : {}),
      ...(otherPairs.length > 0 ? { otherPairs } : {}),
      ...(plan && merged.length > 0 ? { merge: plan.writes } : {}),
    },
    result: {
      outcome: "session",
      session: sessionChanged ? session : keep!,
      ...(keep ? { before: keep } : {}),
      merged,
      newClient: fresh?.newClient ?? false,
    },
  };
}

type PlacedBase = Omit<Session, "kind" | "number"> & Partial<Pick<Session, "kind" | "number">>;

function newSession(
  fresh: Extract<NewSessionFacts, { id: string }>,
  facts: ChainFacts,
  desired: Extract<DesiredSession, { state: "scheduled" | "cancelled" }>,
  data: CreatedData,
): PlacedBase {
  return {
    id: fresh.id,
    clientId: fresh.clientId,
    coachId: fresh.coachId,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    status: "scheduled",
    provider: facts.event.provider,
    bookingId: desired.bookingId,
    createdAt: facts.now,
    updatedAt: facts.now,
    version: 0,
  };
}

/**
 * The session at the chain's desired state: at the newest booking's time, scheduled or cancelled
 * as the last booking says. A finished session keeps its status and time: the meeting happened.
 */
export function placeSession(
  base: PlacedBase,
  desired: Extract<DesiredSession, { state: "scheduled" | "cancelled" }>,
  data: CreatedData,
): PlacedBase {
  const finished = base.status === "finished";
  const status: SessionStatus = finished ? "finished" : desired.state;
  return {
    ...base,
    startsAt: finished ? base.startsAt : data.startsAt,
    endsAt: finished ? base.endsAt : data.endsAt,
    status,
    bookingId: desired.bookingId,
  };
}

/** The session's kind and number among the pair's other sessions, and the siblings that move. */
function numberSession(
  next: PlacedBase,
  keep: Session | undefined,
  merged: readonly Session[],
  pairState: PairState | undefined,
  now: string,
) {
  const others = (pairState?.entries ?? []).filter(
    (e) => e.id !== next.id && !merged.some((m) => m.id === e.id),
  );
  const slots = pairState
    ? renumber([...others, { ...next, status: "scheduled" as const, kind: keep?.kind, number: keep?.number }])
    : [{ id: next.id, kind: keep!.kind, ...(keep!.number ? { number: keep!.number } : {}), changed: false }];
  const ownSlot = slots.find((s) => s.id === next.id)!;
  const { number: _previousNumber, ...unnumbered } = next;
  const session: Session = {
    ...unnumbered,
    kind: ownSlot.kind,
    ...(ownSlot.number ? { number: ownSlot.number } : {}),
    updatedAt: now,
    version: next.version + 1,
  };
  const siblingSlots = (next.status === "cancelled" ? renumber(others) : slots).filter(
    (s) => s.id !== next.id && s.changed,
  );
  return { session, others, siblingSlots };
}

/** The client–coach pairs of merged sessions other than the kept session's own. */
function otherPairsOf(next: PlacedBase, merged: readonly Session[]) {
  const pairs = new Map<string, { clientId: string; coachId: string }>();
  for (const m of merged)
    if (m.clientId !== next.clientId || m.coachId !== next.coachId)
      pairs.set(`${m.clientId}#${m.coachId}`, { clientId: m.clientId, coachId: m.coachId });
  return [...pairs.values()];
}

/** Another pair without the merged sessions, and the slots of its sessions that move up. */
function withoutMerged(pair: PairRecord, merged: readonly Session[]) {
  const entries = pair.entries.filter((e) => !merged.some((m) => m.id === e.id));
  return { pair: { ...pair, entries }, slots: renumber(entries).filter((s) => s.changed) };
}

function renumberSiblings(
  stale: readonly Session[],
  slots: readonly { id: string; kind: Session["kind"]; number?: number }[],
  now: string,
): Session[] {
  return stale.flatMap((s) => {
    const slot = slots.find((x) => x.id === s.id);
    if (!slot) return [];
    const { number: _n, ...rest } = s;
    return [
      {
        ...rest,
        kind: slot.kind,
        ...(slot.number ? { number: slot.number } : {}),
        updatedAt: now,
        version: s.version + 1,
      },
    ];
  });
}

const entry = (s: Pick<Session, "id" | "startsAt" | "status" | "kind" | "number">): PairEntry => ({
  id: s.id,
  startsAt: s.startsAt,
  status: s.status,
  kind: s.kind,
  ...(s.number ? { number: s.number } : {}),
});

function pairAfter(
  next: PlacedBase,
  pairState: PairState,
  others: readonly PairEntry[],
  renumbered: readonly Session[],
  session: Session,
): NonNullable<BookingChange["pair"]> {
  return {
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
}

function sameSession(a: Session, b: Session): boolean {
  return (
    a.startsAt === b.startsAt &&
    a.endsAt === b.endsAt &&
    a.status === b.status &&
    a.bookingId === b.bookingId &&
    a.kind === b.kind &&
    a.number === b.number
  );
}

/** Equal content, whatever the key order. */
function sameRecord(a: BookingRecord, b: BookingRecord | undefined): boolean {
  return b !== undefined && stableJson(a) === stableJson(b);
}

export type { MergePlan };
