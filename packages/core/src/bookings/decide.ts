import type { Client } from "../clients/model";
import type { BookingChange, PairEntry, PairRecord, SessionWithItems } from "../ports";
import type { Session } from "../sessions/model";
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
      /** The unverified booking's own profile, when this event created it (decision 0030). */
      booker?: Client;
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
  | {
      id: string;
      clientId: string;
      coachId: string;
      newClient: boolean;
      /**
       * The profile this booking creates, written with its session: a walk-in's (booked without
       * the intake), or an unverified booking's own (`unverified` set, decision 0030).
       */
      profile?: Client;
    }
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
  /**
   * The client–coach pairs whose numbering may change, as read: the session's own first, then
   * the pairs of sessions merged away from another pair (a round-robin reschedule across hosts).
   */
  pairs?: PairRecord[];
  /** The pairs' sessions whose kind or number changes, as stored. */
  siblings?: Session[];
}

export type ChainStep =
  | { need: "sessions"; ids: string[] }
  | { need: "new-session"; data: CreatedData }
  | { need: "pairs"; pairs: { clientId: string; coachId: string; newClient: boolean }[] }
  | { need: "siblings"; ids: string[] }
  | { need?: undefined; change: BookingChange; result: BookingResult };

type Desired = Extract<DesiredSession, { state: "scheduled" | "cancelled" }>;

/** Decides one step further from `facts`: what to read next, or the change to commit. */
export function decideChain(facts: ChainFacts): ChainStep {
  const { stored, event, now } = facts;
  const records = new Map(stored);
  for (const r of applyEvent(stored, event)) records.set(r.bookingId, r);
  const chain = orderChain(records, event.bookingId);
  const desired = desiredSession(chain);
  const ids = [...new Set(chain.flatMap((r) => (r.sessionId ? [r.sessionId] : [])))].sort();
  const sessions = facts.sessions ?? (ids.length ? undefined : []);
  if (!sessions) return { need: "sessions", ids };
  const plan = sessions.length ? planMerge(sessions) : undefined;
  /** The change: the chain's records as they are now in `records`, and the rest. */
  const change = (checked: Session[], rest: Partial<BookingChange> = {}): BookingChange => {
    const latest = chain.map((r) => records.get(r.bookingId)!);
    const same = (r: BookingRecord) => stableJson(r) === stableJson(stored.get(r.bookingId));
    return {
      bookings: latest.filter((r) => !same(r)),
      sessions: [],
      deletedSessions: [],
      unchanged: { bookings: latest.filter((r) => same(r) && r.version > 0), sessions: checked },
      ...rest,
    };
  };

  if (desired.state === "none")
    return {
      change: change(sessions.map((s) => s.session)),
      result: { outcome: "awaiting", reason: "no booking of this chain has been created yet" },
    };
  const data = desired.source.created as CreatedData;
  const fresh = facts.newSession;
  if (!plan && !fresh) return { need: "new-session", data };
  if (!plan && fresh?.coachId === undefined) {
    records.set(desired.source.bookingId, { ...desired.source, unknownCoach: true });
    return {
      change: change([]),
      result: {
        outcome: "unknown-coach",
        organizerEmails: data.organizerEmails,
        bookingId: desired.source.bookingId,
        startsAt: data.startsAt,
        firstTime: !desired.source.unknownCoach,
      },
    };
  }
  const created = fresh as Extract<NewSessionFacts, { id: string }> | undefined;
  const newClient = created?.newClient ?? false;
  const keep = plan?.keep.session;
  const next = placeSession(
    plan?.session ?? {
      id: created!.id,
      clientId: created!.clientId,
      coachId: created!.coachId,
      startsAt: data.startsAt,
      endsAt: data.endsAt,
      status: "scheduled",
      provider: event.provider,
      bookingId: desired.bookingId,
      ...(created?.profile?.unverified ? { unverified: true as const } : {}),
      createdAt: now,
      updatedAt: now,
      version: 0,
    },
    desired,
    data,
  );
  const merged = plan?.merged.map((m) => m.session) ?? [];
  const numbered = numberPairs(facts, next, keep, merged, newClient);
  if ("need" in numbered) return numbered;
  const { session, renumbered, pairs } = numbered;

  for (const r of chain)
    if (r.sessionId !== session.id) records.set(r.bookingId, { ...r, sessionId: session.id });
  const changed =
    !keep ||
    merged.length > 0 ||
    stableJson(entry(keep)) + keep.endsAt + keep.bookingId !==
      stableJson(entry(session)) + session.endsAt + session.bookingId;
  return {
    change: change(!changed && keep ? [keep] : [], {
      sessions: [...(changed ? [session] : []), ...renumbered],
      deletedSessions: merged,
      ...(pairs.length ? { pairs } : {}),
      ...(merged.length ? { merge: plan!.writes } : {}),
      ...(created?.profile ? { profile: created.profile } : {}),
    }),
    result: {
      outcome: "session",
      session: changed ? session : keep!,
      ...(keep ? { before: keep } : {}),
      merged,
      newClient,
      ...(created?.profile?.unverified ? { booker: created.profile } : {}),
    },
  };
}

/**
 * Kind and number of the session, and of the siblings that move, in the session's own pair and in
 * the pairs of sessions merged away from another pair; or what still has to be read for that.
 */
function numberPairs(
  facts: ChainFacts,
  next: PlacedBase,
  keep: Session | undefined,
  merged: readonly Session[],
  newClient: boolean,
):
  | Extract<ChainStep, { need: "pairs" | "siblings" }>
  | { session: Session; renumbered: Session[]; pairs: PairRecord[] } {
  const gone = (id: string) => id === next.id || merged.some((m) => m.id === id);

  // Kind and number follow each pair's non-cancelled sessions in start order; they can only
  // change when a session appears, moves, changes status, or sessions merge.
  const renumberNeeded =
    !keep ||
    keep.startsAt !== next.startsAt ||
    keep.endsAt !== next.endsAt ||
    keep.status !== next.status ||
    merged.length > 0;
  const pairKeys = renumberNeeded ? pairsOf(next, merged, newClient) : [];
  if (pairKeys.length && !facts.pairs) return { need: "pairs", pairs: pairKeys };
  const [own, ...others] = renumberNeeded ? (facts.pairs ?? []) : [];
  const ownOthers = (own?.entries ?? []).filter((e) => !gone(e.id));
  const slots = own
    ? renumber([
        ...ownOthers,
        { ...next, status: "scheduled" as const, kind: keep?.kind, number: keep?.number },
      ])
    : [{ id: next.id, kind: keep!.kind, number: keep!.number }];
  const { kind, number } = slots.find((s) => s.id === next.id)!;
  const { number: _n, ...unnumbered } = next;
  const session: Session = {
    ...unnumbered,
    kind,
    ...(number ? { number } : {}),
    updatedAt: facts.now,
    version: next.version + 1,
  };
  const left = others.map((p) => ({ ...p, entries: p.entries.filter((e) => !gone(e.id)) }));
  const moving = [
    ...(next.status === "cancelled" ? renumber(ownOthers) : slots),
    ...left.flatMap((p) => renumber(p.entries)),
  ].filter((s) => s.id !== next.id && (s as { changed?: boolean }).changed);
  if (moving.length && !facts.siblings) return { need: "siblings", ids: moving.map((s) => s.id) };
  const renumbered = (facts.siblings ?? []).map((s) => {
    const { number: _old, ...rest } = s;
    const slot = moving.find((x) => x.id === s.id)!;
    return {
      ...rest,
      kind: slot.kind,
      ...(slot.number ? { number: slot.number } : {}),
      updatedAt: facts.now,
      version: s.version + 1,
    };
  });
  const relist = (entries: readonly PairEntry[]) =>
    entries.map((e) => entry(renumbered.find((r) => r.id === e.id) ?? e));
  const pairs = own
    ? [
        { ...own, entries: [...relist(ownOthers), entry(session)] },
        ...left.map((p) => ({ ...p, entries: relist(p.entries) })),
      ]
    : [];

  return { session, renumbered, pairs };
}

type PlacedBase = Omit<Session, "kind" | "number"> & Partial<Pick<Session, "kind" | "number">>;

/**
 * The session at the chain's desired state: at the newest booking's time, scheduled or cancelled
 * as the last booking says. A finished session keeps its status and time: the meeting happened.
 */
export function placeSession(base: PlacedBase, desired: Desired, data: CreatedData): PlacedBase {
  const finished = base.status === "finished";
  return {
    ...base,
    startsAt: finished ? base.startsAt : data.startsAt,
    endsAt: finished ? base.endsAt : data.endsAt,
    status: finished ? "finished" : desired.state,
    bookingId: desired.bookingId,
  };
}

/** The session's own pair, then those of merged sessions from other pairs. */
function pairsOf(next: PlacedBase, merged: readonly Session[], newClient: boolean) {
  const pairs = new Map([
    [`${next.clientId}#${next.coachId}`, { clientId: next.clientId, coachId: next.coachId, newClient }],
  ]);
  for (const m of merged) {
    const key = `${m.clientId}#${m.coachId}`;
    if (!pairs.has(key)) pairs.set(key, { clientId: m.clientId, coachId: m.coachId, newClient: false });
  }
  return [...pairs.values()];
}

/** A session as its pair's record lists it. */
export const entry = (s: PairEntry): PairEntry => ({
  id: s.id,
  startsAt: s.startsAt,
  status: s.status,
  kind: s.kind,
  ...(s.number ? { number: s.number } : {}),
});

export type { MergePlan };
