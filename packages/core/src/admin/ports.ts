import type { UnverifiedBooking } from "../bookings/unverified";
import type { Session } from "../sessions/model";
import type { WebSession } from "../web-auth/model";
import type { Provider } from "../webhooks/booking-event";
import type { Delivery, DeliveryOutcome } from "../webhooks/deliveries";
import type { ClientPhase } from "./phases";

/** The counted figures: clients per phase, suppressed addresses, failed webhook deliveries. */
export type Figures = Record<ClientPhase | "suppressed" | "failed", number>;

/** One client in a list: what the list shows, and its phase. */
export interface ClientRow {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  phase: ClientPhase;
}

export interface Page<T> {
  items: T[];
  /** Opaque: the next page's start, when there is one. */
  cursor?: string;
}

/** An email the program sent (or tried to) about a client: a send-ledger entry. */
export interface EmailLogEntry {
  key: string;
  status: string;
  at: string;
  job?: string;
}

/**
 * The console's reads (adapters/dynamodb/admin-store.ts), every one a Query on an index or a key
 * read, never a Scan (decision 0033). Clients per phase and suppressions are counters (0035);
 * the other counts are `Select: COUNT` queries of bounded ranges on gsi3, whose entries hold keys
 * only.
 */
export interface AdminReads {
  /** A web session by its key, read on its own before each console page (decision 0033). */
  webSession(idHash: string): Promise<WebSession | undefined>;
  /**
   * The counted figures (decision 0035): clients per phase, suppressed addresses and failed
   * webhook deliveries received from the day `failedFrom` (YYYY-MM-DD) on, kept by the writes
   * that move them, read in one call at any size.
   */
  figures(failedFrom: string): Promise<Figures>;
  /** The client who entered the phase's list first (its oldest intake). */
  oldestClient(phase: ClientPhase): Promise<{ id: string; createdAt: string } | undefined>;
  /** Waitlisted and matched oldest first (who waited longest); the others newest first. */
  listClients(
    phase: ClientPhase | undefined,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ClientRow>>;
  /** Clients whose name, or address, starts with `query` (folded), at most `limit`. */
  searchClients(query: string, limit: number): Promise<ClientRow[]>;
  /** Scheduled and finished sessions that start in [from, to). */
  countSessions(from: string, to: string): Promise<number>;
  /** Scheduled (not finished) sessions that ended before `endedBefore`. */
  unfinishedSessions(endedBefore: string, limit: number): Promise<{ count: number; sessions: Session[] }>;
  /** Unverified bookings waiting for a decision (gsi2 `UNVERIFIED`, not rejected; decision 0030). */
  countUnverified(): Promise<number>;
  /**
   * Unverified bookings waiting for a decision, oldest first, each with its session: all of them,
   * or those made with one client's address (`unverified.clientId`). One Query of gsi2
   * `UNVERIFIED` (filtered: decision 0036) and one BatchGetItem of their sessions.
   */
  unverifiedBookings(clientId?: string): Promise<UnverifiedBooking[]>;
  listDeliveries(
    filter: { outcome: DeliveryOutcome; provider?: Provider },
    page: { limit: number; cursor?: string },
  ): Promise<Page<Delivery>>;
  /** The client's send-ledger entries and those of `refs`: their sessions and action items. */
  emailLog(clientId: string, refs: readonly string[]): Promise<EmailLogEntry[]>;
}
