import type { Clock } from "../clock";
import { AppError, ConditionFailedError, notFound } from "../errors";
import type { LinkPayload } from "../links/signed-links";
import type { BookingStore, ClientRepository, Logger, PairEntry, PairState, UnverifiedStore } from "../ports";
import type { Session } from "../sessions/model";
import { renumber } from "../sessions/sequence";

/*
 * Unverified bookings (decision 0030): a booking matched by email alone to a client whose coaches
 * do not include its coach is held by a profile of its own (`Client.unverified`) until the owner
 * of the address confirms it ("is this you?" link) or an admin links or rejects it. Linking moves
 * the session to the client, numbered in their pair, and removes the booking's own profile.
 * Loaded on first use (a chunk of its own): only these decisions and the admin's list need it.
 */

import { type UnverifiedBooking, unverifiedBooking } from "./unverified-row";

export type { UnverifiedBooking };

export interface UnverifiedDeps {
  bookings: BookingStore;
  clients: ClientRepository;
  unverified: UnverifiedStore;
  clock: Clock;
  logger: Logger;
}

/** The unverified bookings waiting for a decision, oldest first: one Query, one BatchGetItem. */
export async function listUnverified(deps: UnverifiedDeps): Promise<UnverifiedBooking[]> {
  const bookers = await deps.unverified.pending();
  const sessions = bookers.length
    ? await deps.bookings.getSessions(bookers.map((b) => b.unverified!.sessionId))
    : [];
  return bookers.flatMap((b) => {
    const s = sessions.find((x) => x.id === b.unverified!.sessionId);
    return s ? [unverifiedBooking(b, s)] : [];
  });
}

/** The session and its profile when the booking still waits for a decision (and, for a client's link, was made with their address). */
async function waiting(deps: UnverifiedDeps, sessionId: string, clientId?: string) {
  const [session] = await deps.bookings.getSessions([sessionId]);
  const booker = session?.unverified ? await deps.clients.get(session.clientId) : undefined;
  const pending = booker?.unverified;
  if (!session || !booker || !pending || pending.rejectedAt || pending.sessionId !== session.id)
    return undefined;
  if (clientId !== undefined && pending.clientId !== clientId) return undefined;
  return { session, booker, clientId: pending.clientId };
}

/**
 * Who decides, and for which client: the client's own confirmation (the client the signed link
 * names), or an admin, from the API (any waiting booking) or from a client's console page (only
 * a booking made with that client's address: `clientId`).
 */
export interface DecisionScope {
  by: "client" | "admin";
  /** Decide only a booking made with this client's address; else 404. */
  clientId?: string;
}

/**
 * "It is theirs": attaches the booking to the client whose address it was made with, by the
 * client's confirmation or an admin (`scope`). From then on the coach has the client as any booked
 * coach does. 404 when nothing waits under this id (for the scope's client).
 */
export async function linkUnverified(
  deps: UnverifiedDeps,
  sessionId: string,
  scope: DecisionScope = { by: "admin" },
  attempt = 1,
): Promise<Session> {
  const found = await waiting(deps, sessionId, scope.clientId);
  if (!found) throw notFound("unverified booking");
  const { session, booker, clientId } = found;
  if (!(await deps.clients.get(clientId)))
    throw new AppError("conflict", "the client this booking was made for no longer exists");
  const pair = await pairOf(deps.bookings, clientId, session.coachId);
  const now = deps.clock.now().toISOString();
  const plan = planAttach(session, clientId, pair, now);
  const siblings = plan.moving.length ? await deps.bookings.getSessions(plan.moving.map((m) => m.id)) : [];
  const renumbered = siblings.map((s) => {
    const { number: _n, ...rest } = s;
    const slot = plan.moving.find((m) => m.id === s.id)!;
    return {
      ...rest,
      kind: slot.kind,
      ...(slot.number ? { number: slot.number } : {}),
      updatedAt: now,
      version: s.version + 1,
    };
  });
  try {
    await deps.unverified.attach({
      session: plan.session,
      renumbered,
      pair: { clientId, coachId: session.coachId, entries: plan.entries, version: pair.version },
      booker,
    });
  } catch (error) {
    // A booking event of the chain, or the other decision, won the race: decide again from what is stored.
    if (error instanceof ConditionFailedError && attempt < 3)
      return linkUnverified(deps, sessionId, scope, attempt + 1);
    throw error;
  }
  deps.logger.info("unverified booking linked", {
    sessionId,
    clientId,
    by: scope.by,
    kind: plan.session.kind,
  });
  return plan.session;
}

/**
 * "It is not theirs" (an admin): off the list; the session stays with its own profile, still
 * unverified. With `clientId` (a client's console page), only a booking made with their address.
 * When another decision lands between the read and the write, it decides again from what is
 * stored: a booking rejected or linked meanwhile answers 404, as it would a moment later.
 */
export async function rejectUnverified(
  deps: UnverifiedDeps,
  sessionId: string,
  clientId?: string,
  attempt = 1,
): Promise<void> {
  const found = await waiting(deps, sessionId, clientId);
  if (!found) throw notFound("unverified booking");
  try {
    await deps.unverified.reject(found.booker, deps.clock.now().toISOString());
  } catch (error) {
    if (error instanceof ConditionFailedError && attempt < 3)
      return rejectUnverified(deps, sessionId, clientId, attempt + 1);
    throw error;
  }
  deps.logger.info("unverified booking rejected", { sessionId, clientId: found.clientId });
}

/** The client's answer to "is this you?" through their signed link: the page's words. */
export async function confirmBooking(deps: UnverifiedDeps, link: LinkPayload) {
  if (!link.r) return undefined;
  const [session] = await deps.bookings.getSessions([link.r]);
  // Pressed again after it worked: it is theirs already.
  if (session && session.clientId === link.c && !session.unverified) return CONFIRMED;
  try {
    await linkUnverified(deps, link.r, { by: "client", clientId: link.c });
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
  return CONFIRMED;
}

const CONFIRMED = {
  title: "Thank you",
  message: "Your booking is confirmed: your coach can now prepare with the profile you gave us.",
};

/** The pair's sessions as its record lists them, or (no record yet) as the client's sessions say. */
async function pairOf(bookings: BookingStore, clientId: string, coachId: string): Promise<PairState> {
  const state = await bookings.getPair(clientId, coachId);
  if (state.version > 0) return state;
  const sessions = (await bookings.sessionsOfClient(clientId)).filter((s) => s.coachId === coachId);
  return { version: 0, entries: sessions.map(entryOf) };
}

const entryOf = (s: PairEntry): PairEntry => ({
  id: s.id,
  startsAt: s.startsAt,
  status: s.status,
  ...(s.kind ? { kind: s.kind } : {}),
  ...(s.number ? { number: s.number } : {}),
});

/**
 * Pure: the session as it becomes the client's (its kind and number among the pair's sessions in
 * start order, as a booking would number it), the pair's record, and the siblings that move.
 */
export function planAttach(session: Session, clientId: string, pair: PairState, now: string) {
  const others = pair.entries.filter((e) => e.id !== session.id);
  const slots = renumber([...others, { ...session, status: "scheduled" }]);
  const own = slots.find((s) => s.id === session.id)!;
  const moving = (session.status === "cancelled" ? renumber(others) : slots).filter(
    (s) => s.id !== session.id && s.changed,
  );
  const { number: _n, unverified: _u, ...rest } = session;
  const next: Session = {
    ...rest,
    clientId,
    kind: own.kind,
    ...(own.number ? { number: own.number } : {}),
    updatedAt: now,
    version: session.version + 1,
  };
  const entries = [
    ...others.map((e) => {
      const m = moving.find((x) => x.id === e.id);
      const { number: _en, ...base } = e;
      return m ? entryOf({ ...base, kind: m.kind, ...(m.number ? { number: m.number } : {}) }) : e;
    }),
    entryOf(next),
  ];
  return { session: next, moving, entries };
}
