import type { BookingRecord } from "./bookings/model";
import type { Client, ClientStatus, Match } from "./clients/model";
import type { Coach, CoachInput } from "./coaches/schema";
import type { ActionItem, Engagement } from "./followups/model";
import type { Program } from "./program/program";
import type { AgendaTemplates, ProgramSettings } from "./program/schema";
import type { Goal, Session, SessionKind, SessionStatus } from "./sessions/model";
import type { Provider } from "./webhooks/booking-event";

/** Storage of coaches. Implementations translate storage errors into domain errors. */
export interface CoachRepository {
  create(coach: Coach): Promise<void>;
  get(id: string): Promise<Coach | undefined>;
  /** Writes `next` over `previous`; fails with ConditionFailedError if `previous` is stale or the email is taken. */
  replace(next: Coach, previous: Coach): Promise<void>;
  list(opts?: { limit?: number; cursor?: string }): Promise<{ items: Coach[]; cursor?: string }>;
  /** Every active coach: the candidates for matching. */
  listActive(): Promise<Coach[]>;
  findByEmail(email: string): Promise<Coach | undefined>;
  /** The id of the coach with this email, in one read. */
  findIdByEmail(email: string): Promise<string | undefined>;
}
export type { CoachInput };

/** What an intake read finds for one email: the client's last accepted answers and result. */
export interface IntakeRecord {
  clientId: string;
  answersHash: string;
  status: ClientStatus;
  matches: Match[];
  version: number;
  createdAt: string;
  /** The intake's email could not be sent: the same answers are processed again (`markForRetry`). */
  retry?: boolean;
}

export interface StoredIdempotentResponse {
  requestHash: string;
  status: number;
  body: unknown;
}

/** Storage of clients and their matches. */
export interface ClientRepository {
  get(id: string): Promise<Client | undefined>;
  /** One read for an intake: the email's record and, when a key is given, the idempotent response. */
  readForIntake(
    email: string,
    idempotencyKey?: string,
  ): Promise<{ record?: IntakeRecord; idempotent?: StoredIdempotentResponse; suppressed?: boolean }>;
  /**
   * Writes the client, its email record and (optionally) an idempotent response in one transaction.
   * `client.version === 1` means "create: the email must be new"; otherwise the stored version must
   * be `client.version - 1`. A lost race throws ConditionFailedError.
   */
  /**
   * `from`: the status the client was read with, when it was (the phase counters' guess, decision
   * 0035: a wrong or missing one costs one more write call, never a wrong count).
   */
  save(
    client: Client,
    opts?: {
      idempotency?: { key: string } & StoredIdempotentResponse;
      /** Writes of another store made in the same transaction (the email log's, decision 0036). */
      also?: StoreWrites;
      from?: Client["status"];
    },
  ): Promise<void>;
  /**
   * Marks an email's record for a retry (and deletes the stored response of `idempotencyKey`), so
   * that the same answers are processed again; its answers hash is kept, so other answers still
   * need the owner's confirmation.
   */
  markForRetry(email: string, clientId: string, idempotencyKey?: string): Promise<void>;
  /** Replaces the client's documented SMART goals. */
  setGoals(clientId: string, goals: Goal[], now: string): Promise<void>;
  /** Turns nudges off (or on) for a client. */
  setNudgesOff(clientId: string, off: boolean, now: string): Promise<void>;
}

/** Sends a templated email. `data` has already been validated against the template's schema. */
export interface EmailSender {
  send(message: {
    to: string;
    template: string;
    data: Record<string, unknown>;
    headers?: Record<string, string>;
  }): Promise<{
    messageId: string;
  }>;
}

/** Structured logging. Context carries ids only: never names, emails, answers or notes. */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** One-time schedules that invoke the dispatcher later. Inputs carry ids only, never personal data. */
export interface JobScheduler {
  /** Creates the one-time schedule `name`, or moves it when it exists with another time or input. */
  upsert(job: {
    name: string;
    at: string /* ISO UTC, whole seconds */;
    input: Record<string, string | number>;
  }): Promise<"created" | "updated" | "unchanged">;
  /** Deletes the schedule; one that does not exist is fine. */
  remove(name: string): Promise<"deleted" | "absent">;
  /** Pending schedules whose names start with `prefix`, soonest first. */
  list(prefix: string): Promise<{ name: string; at: string; input: Record<string, unknown> }[]>;
}

/** A session as its client–coach pair's numbering sees it. */
export interface PairEntry {
  id: string;
  startsAt: string;
  status: SessionStatus;
  kind?: SessionKind;
  number?: number;
}

/** The sessions of one client–coach pair, at the version they were read (0: no record yet). */
export interface PairState {
  entries: PairEntry[];
  version: number;
}

/**
 * An item of a session's partition other than the session itself (`sk` NOTES, TALKINGPOINTS, …):
 * coach-owned work that a merge carries over. `data` is the item without its keys.
 */
export interface SessionPartItem {
  sk: string;
  data: Record<string, unknown>;
}

/** A session with every other item of its partition, read consistently. */
export interface SessionWithItems {
  session: Session;
  items: SessionPartItem[];
}

/** What a merge writes besides the sessions: the carried-over items and re-pointed action items. */
export interface MergeWrites {
  /** Items to write into the kept session's partition (combined or moved). */
  puts: { sessionId: string; item: SessionPartItem }[];
  /** Items to delete from the partitions of the sessions merged away. */
  deletes: { sessionId: string; sk: string }[];
  /** Action items whose `sessionId` now names the kept session. */
  actionItems: { id: string; sessionId: string }[];
}

/** One client–coach pair's record as read (version 0: none stored yet). */
export type PairRecord = { clientId: string; coachId: string } & PairState;

/** One booking-processing step written atomically (see bookings/process.ts). */
export interface BookingChange {
  /** Records to write; each carries the version it was read at (0 = new). */
  bookings: BookingRecord[];
  /** Sessions to write; `version` is the new version (1 = create). */
  sessions: Session[];
  /** Sessions merged away (a chain that briefly had two sessions keeps one), at their read version. */
  deletedSessions: Session[];
  /** The coach work a merge carries over to the kept session (bookings/merge.ts). */
  merge?: MergeWrites;
  /**
   * What the change was computed from but does not write: each must still be at the version it
   * was read at, or the whole change fails (so a decision made on a stale read never lands).
   */
  unchanged?: { bookings: BookingRecord[]; sessions: Session[] };
  /**
   * The pairs' new entries, each written over the version it was read at: the session's own pair,
   * and the pair of a session merged away from another pair.
   */
  pairs?: PairRecord[];
  /**
   * A client profile created with the chain's first session: a walk-in's (with its email record,
   * so two deliveries of a new address cannot both create one), or an unverified booking's own.
   */
  profile?: Client;
}

/** Storage of provider bookings and the sessions they hold. */
export interface BookingStore {
  getBookings(provider: Provider, bookingIds: readonly string[]): Promise<BookingRecord[]>;
  getSessions(ids: readonly string[]): Promise<Session[]>;
  /**
   * A session and, in the same read (one BatchGetItem, consistent), the client and coach with
   * these ids: what a schedule firing needs, in one round trip. Each is absent when not stored.
   */
  getSessionWithPeople(
    sessionId: string,
    people: { clientId: string; coachId: string },
  ): Promise<{ session?: Session; client?: Client; coach?: Coach }>;
  /** Sessions with every other item of their partitions, read consistently (one Query each). */
  getSessionsWithItems(ids: readonly string[]): Promise<SessionWithItems[]>;
  sessionsOfClient(clientId: string): Promise<Session[]>;
  sessionsOfCoach(coachId: string, range?: { from?: string; to?: string }): Promise<Session[]>;
  /** The pair's sessions, read consistently. */
  getPair(clientId: string, coachId: string): Promise<PairState>;
  /** Writes the change in one transaction; a lost race throws ConditionFailedError. */
  commit(change: BookingChange): Promise<void>;
}

/**
 * Linking an unverified booking to the client whose address it was made with (decision 0030), in
 * one transaction: the session moves to the client's pair (numbered there), the pair's sessions
 * whose kind or number moves are written, and the booking's own profile (and its pair) goes.
 */
export interface AttachChange {
  /** The session as it becomes; `version` is the new version. */
  session: Session;
  /** The pair's other sessions whose kind or number changes; `version` is the new version. */
  renumbered: Session[];
  /** The client–coach pair's record as it becomes, at the version it was read (0: none yet). */
  pair: PairRecord;
  /** The booking's own profile, as read: deleted if it is still at that version. */
  booker: Client;
}

/** Unverified bookings: the admin's list and the writes of a decision (decision 0030). */
export interface UnverifiedStore {
  /** The profiles of unverified bookings waiting for a decision, oldest first. */
  pending(): Promise<Client[]>;
  /** Writes the change in one transaction; a lost race throws ConditionFailedError. */
  attach(change: AttachChange): Promise<void>;
  /** Takes the booking off the list as not the client's (`rejectedAt`), if `booker` is as read. */
  reject(booker: Client, at: string): Promise<void>;
}

/**
 * "claimed": this call owns the send (the key is new); "busy": another sender holds a live claim;
 * "done": it was sent, or failed or ended unknown for good, before; "expired": a sender claimed it
 * and its lease ran out without a record of the outcome (it died between claim and record, maybe
 * after SES sent): the ledger has just recorded the outcome as unknown, and it is never sent again.
 */
export type ClaimResult = "claimed" | "busy" | "done" | "expired";

/**
 * At-most-once sending: a send happens only after its key is claimed, and the claim is the last
 * step before the email is handed to SES (`sendOnce`). Statuses: claimed, sent, failed (SES said
 * no, for good), unknown (SES may or may not have sent it: never repeated, decision 0012).
 */
export interface SendLedger {
  claim(key: string, context: Record<string, string>): Promise<ClaimResult>;
  /** Closes a claim: the email went out. */
  complete(key: string, outcome: "sent"): Promise<void>;
  /** Gives the key back after a failure that proves nothing was sent. */
  release(key: string): Promise<void>;
  /**
   * Closes a claim whose send may or may not have happened (no answer from SES): status
   * `unknown`, reason `outcome-unknown`; never sent again.
   */
  markUnknown(key: string): Promise<void>;
  /** Keeps the key claimed and records why the send failed for good. */
  markFailed(key: string, reason: string): Promise<void>;
}

/**
 * An email sent to or about a client that no ledger claim guards (the intake's, matching's and
 * confirmations' sends, decision 0036): what the client's email log shows. No address, name or
 * answer: the client's id, the template, when, and the outcome.
 */
export interface SentEmail {
  /** Unique per send: `<clientId>:<template>:<at>`. */
  key: string;
  clientId: string;
  /** The template's name, e.g. `coach-recommendations`. */
  kind: string;
  at: string;
  /** `sent`: handed to SES (recorded as it is decided, in the write that decides it). */
  status: "sent" | "suppressed" | "failed";
}

/** Writes a store gives another store's transaction: opaque to the domain, which only passes them on. */
export type StoreWrites = readonly unknown[];

/** The email log of the sends above (adapters/dynamodb/email-log.ts), loaded on first use. */
export interface EmailLogStore {
  /** The writes that record these emails, for the transaction that decides to send them. */
  writes(emails: readonly SentEmail[]): Promise<StoreWrites>;
  /** Corrects entries whose email did not go out as recorded (suppressed, failed): one write. */
  correct(emails: readonly SentEmail[]): Promise<void>;
}

/** Why an address gets no more email: a permanent bounce or a complaint reported by SES. */
export type SuppressionReason = "bounce" | "complaint";

/** Addresses that must not be sent to again. Emails are compared case-insensitively. */
export interface Suppressions {
  isSuppressed(email: string): Promise<boolean>;
  suppress(email: string, reason: SuppressionReason): Promise<void>;
}

/** The writes of finishing a meeting, made in one transaction. */
export interface FinishChange {
  /** The session with its `finish`; `version` is the new version. */
  session: Session;
  actionItems: ActionItem[];
  /** `expectedVersion`: the notes' version the coach's text was written over (absent: written blind). */
  notes?: { sessionId: string; coachId: string; notes: string; expectedVersion?: number };
  engagement?: EngagementChange;
}

/**
 * A client's engagement moving from `previous` (as read, at `version`) to `next`. The store
 * derives the coaches' load from the two states (−1 for a coach whose active engagement ends or
 * passes to another coach, +1 for one whose starts) and refuses the change if the engagement
 * changed since it was read, so the load can neither drift nor count twice.
 */
export interface EngagementChange {
  clientId: string;
  previous?: Engagement;
  next: Engagement;
  /** The client's `engagementVersion` when `previous` was read (0: none yet). */
  version: number;
}

/** Storage of what follows a session: action items, private notes, engagements. */
export interface FollowupStore {
  commitFinish(change: FinishChange, now: string): Promise<void>;
  getActionItem(id: string): Promise<ActionItem | undefined>;
  actionItemsOfClient(clientId: string): Promise<ActionItem[]>;
  /** These action items, read consistently (right after they were written, the index may lag). */
  getActionItems(ids: readonly string[]): Promise<ActionItem[]>;
  /** Writes `item` over the stored one at `item.version - 1`. */
  saveActionItem(item: ActionItem): Promise<void>;
  getNotes(sessionId: string): Promise<string | undefined>;
  /** The notes with their version (0: none saved yet); every save and every merge moves the version. */
  readNotes(sessionId: string): Promise<{ notes?: string; version: number }>;
  /**
   * Saves the notes, in one transaction with a bump of the session's version. NotFound when the
   * session is gone (merged away); with `expectedVersion`, ConditionFailedError when the notes are no
   * longer at that version (saved or joined by a merge since they were read).
   */
  putNotes(
    sessionId: string,
    coachId: string,
    notes: string,
    now: string,
    expectedVersion?: number,
  ): Promise<void>;
  setEngagement(change: EngagementChange, now: string): Promise<void>;
}

/** One stored version of the program settings. */
export interface StoredProgramSettings {
  settings: ProgramSettings;
  version: number;
  updatedAt: string;
}

/** Storage of the program settings (one item per stage) and of the clients' use of its words. */
export interface ProgramSettingsStore {
  read(): Promise<StoredProgramSettings | undefined>;
  /**
   * Stores `next` (version `previousVersion + 1`) and its agenda templates' history entry;
   * ConditionFailedError when the stored version is not `previousVersion` (0: none stored).
   */
  write(next: StoredProgramSettings, previousVersion: number): Promise<void>;
  /** The agenda templates in force at `at` (the newest stored at or before it), if any were stored. */
  agendaTemplatesAt(at: string): Promise<AgendaTemplates | undefined>;
  /**
   * How many clients use each style and level, keyed `<vocabulary>#<id>`: counted from the clients'
   * own profiles through the client listing index, every page (a rare admin request, decision 0024).
   */
  clientUses(): Promise<Record<string, number>>;
}

/**
 * The one way matching, agendas and emails read the program's settings: a warm function keeps
 * them for a short TTL, a cold start pays one read.
 */
export interface ProgramSource {
  current(): Promise<Program>;
  /** The templates a session created at `createdAt` was given: those in force then. */
  agendaTemplatesAt(createdAt: string): Promise<AgendaTemplates>;
}

/**
 * Everything stored about one client, found through keys and indexes (never a Scan): what an
 * export shows and an erasure deletes. `refs` are opaque to the domain: the store's own handles
 * on every item listed here (and on items it deletes blindly, such as the suppression of the
 * client's address).
 */
export interface ClientFootprint {
  client: Client;
  sessions: Session[];
  /** Coach-owned items of the client's session partitions (notes, talking points, parked work). */
  coachWork: { sessionId: string; sk: string; data: Record<string, unknown> }[];
  actionItems: ActionItem[];
  pairs: Record<string, unknown>[];
  bookings: BookingRecord[];
  /** Send-ledger entries about the client, its sessions or its action items. */
  sends: Record<string, unknown>[];
  /** Webhook deliveries that made or changed the client's sessions, bodies included. */
  deliveries: Record<string, unknown>[];
  /** Stored intake responses (`Idempotency-Key`) still kept, and pending answers. */
  storedResponses: number;
  /** Changed intake answers sent with the client's address, not confirmed (yet): decision 0029. */
  pendingAnswers?: Record<string, unknown>[];
  /**
   * The sessions of unverified bookings made with the client's address (decision 0030): erased
   * with the client (their items are in `refs`), not exported, since they may be someone else's.
   */
  heldSessions: Session[];
  /** The webhook deliveries of those sessions: erased with them (counted where failed), not exported. */
  heldDeliveries: Record<string, unknown>[];
  refs: readonly unknown[];
}

/** A client that was erased: only the id and when, so old links and firings find nothing. */
export interface Tombstone {
  clientId: string;
  erasedAt: string;
}

/** Storage side of data protection: the footprint of a client, its erasure, the retention list. */
export interface PrivacyStore {
  /** The client's footprint, or undefined when there is no client by that id (erased or never). */
  footprint(clientId: string): Promise<ClientFootprint | undefined>;
  /**
   * Deletes every item of the footprint, the client's profile last (with the engaged coach's load
   * in the same transaction), after writing the tombstone: a crash half way leaves the profile,
   * so an erasure run again finds and finishes the rest. ConditionFailedError when the client's
   * engagement changed since the footprint was read (its profile is then still there).
   */
  erase(footprint: ClientFootprint, tombstone: Tombstone): Promise<void>;
  /** Every client profile, for the daily retention sweep (a Query of the client listing index). */
  allClients(): Promise<Client[]>;
}
