/**
 * Every key the code writes, one function per item type. The access patterns they serve are
 * listed in docs/data-model.md; keep the two in step.
 */
export const keys = {
  coach: (id: string) => ({ pk: `COACH#${id}`, sk: "PROFILE" }),
  /** All coaches, by id (gsi1) — admin listing. */
  coachListing: (id: string) => ({ gsi1pk: "COACHES", gsi1sk: id }),
  /** Active coaches only (sparse gsi2) — the candidates for matching. */
  activeCoachListing: (id: string) => ({ gsi2pk: "COACHES#ACTIVE", gsi2sk: id }),
  /** A coach's own Cal.com webhook key (decision 0031), next to the profile: both in one read. */
  coachWebhook: (id: string) => ({ pk: `COACH#${id}`, sk: "WEBHOOK" }),
  /** One per coach email: makes the email unique and finds a coach by it. */
  coachEmail: (email: string) => ({ pk: `COACHEMAIL#${email}`, sk: "COACH" }),

  client: (id: string) => ({ pk: `CLIENT#${id}`, sk: "PROFILE" }),
  /** All clients by id, oldest first (gsi1): kept for an admin listing; nothing reads it yet. */
  clientListing: (id: string) => ({ gsi1pk: "CLIENTS", gsi1sk: id }),
  /**
   * Unverified bookings, oldest first: sparse gsi2 on each one's own client profile, which goes
   * once it is linked; a rejected one stays, with `unverified.rejectedAt` (decision 0030).
   */
  unverifiedBooking: (createdAt: string, clientId: string) => ({
    gsi2pk: "UNVERIFIED",
    gsi2sk: `${createdAt}#${clientId}`,
  }),
  /** One per client email: makes the email unique and answers a resubmission in one read. */
  clientEmail: (email: string) => ({ pk: `CLIENTEMAIL#${email}`, sk: "INTAKE" }),
  /** Clients of a phase by intake time (gsi3, keys only): the admin console's lists and counts. */
  clientPhase: (phase: string, createdAt: string, id: string) => ({
    gsi3pk: `CLIENTS#${phase}`,
    gsi3sk: `${createdAt}#${id}`,
  }),
  /** Clients by folded name (gsi2, on the profile): the admin console's search by name. */
  clientName: (foldedName: string, id: string) => ({ gsi2pk: "CLIENTNAMES", gsi2sk: `${foldedName}#${id}` }),
  /** Clients by address (gsi2, on the email record): the admin console's search by email. */
  clientEmailListing: (email: string) => ({ gsi2pk: "CLIENTEMAILS", gsi2sk: email }),
  /** The program settings document of the stage (one item). */
  programSettings: () => ({ pk: "PROGRAM", sk: "SETTINGS" }),
  /** The agenda templates in force from `at` on (history, newest last), for session snapshots. */
  programAgendas: (at: string, version: number) => ({
    pk: "PROGRAM",
    sk: `AGENDAS#${at}#${String(version).padStart(9, "0")}`,
  }),
  /**
   * Changed intake answers waiting for the address's owner to confirm them, by the random id the
   * emailed link names (decision 0029); TTL. Also on the client's responses (gsi1), so an erasure
   * finds them.
   */
  pendingAnswers: (id: string) => ({ pk: `PENDING#${id}`, sk: "ANSWERS" }),
  /** A stored response for an `Idempotency-Key`, expiring by TTL. */
  idempotency: (scope: string, key: string) => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: "RESPONSE" }),

  /** Everything known about one provider booking (a reschedule chain links these). */
  booking: (provider: string, bookingId: string) => ({
    pk: `BOOKING#${provider}#${bookingId}`,
    sk: "BOOKING",
  }),
  session: (id: string) => ({ pk: `SESSION#${id}`, sk: "SESSION" }),
  /** Sessions of a client by start time (gsi1). */
  clientSessions: (clientId: string, startsAt: string, id: string) => ({
    gsi1pk: `CLIENT#${clientId}#SESSIONS`,
    gsi1sk: `${startsAt}#${id}`,
  }),
  /**
   * Scheduled and finished sessions by start (gsi3, keys only; cancelled ones are not listed):
   * the console's sessions this week and meetings left unfinished. The end is in the key, so
   * "ended before" needs no item read.
   */
  sessionsByStatus: (status: string, startsAt: string, endsAt: string, id: string) => ({
    gsi3pk: `SESSIONS#${status}`,
    gsi3sk: `${startsAt}#${endsAt}#${id}`,
  }),
  /** Sessions of a coach by start time (gsi2). */
  coachSessions: (coachId: string, startsAt: string, id: string) => ({
    gsi2pk: `COACH#${coachId}#SESSIONS`,
    gsi2sk: `${startsAt}#${id}`,
  }),
  /**
   * One per client–coach pair: the pair's sessions with start, status, kind and number, read
   * consistently, so numbering (intro, starter 1–7, regular) never rests on a lagging index.
   */
  pair: (clientId: string, coachId: string) => ({ pk: `PAIR#${clientId}#${coachId}`, sk: "PAIR" }),
  /** One per logical email send: claimed by a conditional write before sending. */
  ledger: (key: string) => ({ pk: `SEND#${key}`, sk: "LEDGER" }),
  delivery: (id: string) => ({ pk: `DELIVERY#${id}`, sk: "DELIVERY" }),
  /** Webhook deliveries by outcome and provider (gsi3, keys only): the console's filter and count. */
  deliveriesByProvider: (outcome: string, provider: string, receivedAt: string, id: string) => ({
    gsi3pk: `DELIVERIES#${outcome}#${provider}`,
    gsi3sk: `${receivedAt}#${id}`,
  }),
  /** Suppressed addresses by when (gsi3, keys only): the console counts them. */
  suppressionListing: (at: string, email: string) => ({ gsi3pk: "SUPPRESSIONS", gsi3sk: `${at}#${email}` }),
  /** Webhook deliveries by outcome, newest last (gsi1). */
  deliveriesByOutcome: (outcome: string, receivedAt: string, id: string) => ({
    gsi1pk: `DELIVERIES#${outcome}`,
    gsi1sk: `${receivedAt}#${id}`,
  }),
  actionItem: (id: string) => ({ pk: `ACTION#${id}`, sk: "ACTION" }),
  /** Action items of a client by due date (gsi1). */
  clientActionItems: (clientId: string, dueDate: string, id: string) => ({
    gsi1pk: `CLIENT#${clientId}#ACTIONS`,
    gsi1sk: `${dueDate}#${id}`,
  }),
  /** A coach's private notes on a session: an item of its own, read only by that coach's routes. */
  sessionNotes: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: "NOTES" }),
  /** The coach's own talking points for a session: one item, private to that coach. */
  talkingPoints: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: "TALKINGPOINTS" }),
  /** Open action items of a coach's clients by due date (sparse gsi2: only while not done). */
  coachOpenActionItems: (coachId: string, dueDate: string, id: string) => ({
    gsi2pk: `COACH#${coachId}#OPENACTIONS`,
    gsi2sk: `${dueDate}#${id}`,
  }),
  /** An emailed sign-in link, by the SHA-256 of its token (the token is never stored); TTL. */
  signInToken: (tokenHash: string) => ({ pk: `SIGNIN#${tokenHash}`, sk: "TOKEN" }),
  /** A coach's signed-in browser, by the SHA-256 of its cookie's id; TTL. */
  webSession: (idHash: string) => ({ pk: `WEBSESSION#${idHash}`, sk: "WEBSESSION" }),
  /** The web sessions of a coach (gsi1), so deactivation ends them all. */
  coachWebSessions: (coachId: string, createdAt: string, idHash: string) => ({
    gsi1pk: `COACH#${coachId}#WEBSESSIONS`,
    gsi1sk: `${createdAt}#${idHash}`,
  }),
  /** A rate-limit counter: one per key (scope and hashed value) and fixed window; TTL. */
  rateCounter: (key: string, windowStartMs: number) => ({ pk: `RATE#${key}`, sk: `WINDOW#${windowStartMs}` }),

  /**
   * One of the console's counter shards (decision 0035): clients per phase, suppressed addresses,
   * failed deliveries per day; all of them are the partition `FIGURES`.
   */
  figureShard: (n: number) => ({ pk: "FIGURES", sk: `SHARD#${n}` }),

  /** What is left of an erased client: its id and when (no personal data). */
  tombstone: (clientId: string) => ({ pk: `CLIENT#${clientId}`, sk: "TOMBSTONE" }),
  /** Stored intake responses of a client (sparse gsi1), so an erasure finds them. */
  clientResponses: (clientId: string, key: string) => ({
    gsi1pk: `CLIENT#${clientId}#RESPONSES`,
    gsi1sk: key,
  }),
  /** Ledger entries by what they are about, a client, session or action item id (sparse gsi1). */
  sendsOf: (ref: string, key: string) => ({ gsi1pk: `SENDS#${ref}`, gsi1sk: key }),
  /** Webhook deliveries of a session (sparse gsi2): the deliveries of a client, through its sessions. */
  sessionDeliveries: (sessionId: string, receivedAt: string, id: string) => ({
    gsi2pk: `SESSION#${sessionId}#DELIVERIES`,
    gsi2sk: `${receivedAt}#${id}`,
  }),
} as const;

export type Key = { pk: string; sk: string };

/**
 * Removes the storage-only attributes from an item so that domain objects never carry them
 * (`phaseKey`: a client's later phase, written by bookings and engagements, decision 0033).
 */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, phaseKey, expiresAt, type, ...rest } = item;
  return rest as T;
}
