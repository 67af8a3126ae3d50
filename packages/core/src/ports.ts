import type { Client } from "./clients/model";
import type { Coach, CoachInput, CoachPatch } from "./coaches/schema";

/** Storage of coaches. Implementations translate storage errors into domain errors. */
export interface CoachRepository {
  create(coach: Coach): Promise<void>;
  get(id: string): Promise<Coach | undefined>;
  update(id: string, patch: CoachPatch, now: string): Promise<Coach>;
  list(opts?: { limit?: number; cursor?: string }): Promise<{ items: Coach[]; cursor?: string }>;
  /** Every active coach: the candidates for matching. */
  listActive(): Promise<Coach[]>;
  findByEmail(email: string): Promise<Coach | undefined>;
}
export type { CoachInput };

/** What an intake read finds for one email: the client's last accepted answers and result. */
export interface IntakeRecord {
  clientId: string;
  answersHash: string;
  response: unknown;
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
  ): Promise<{ record?: IntakeRecord; idempotent?: StoredIdempotentResponse }>;
  /**
   * Writes the client, its email record and (optionally) an idempotent response in one transaction.
   * `expectedVersion` undefined means "create: the email must be new".
   */
  save(
    client: Client,
    opts: { expectedVersion?: number; response: unknown; idempotency?: { key: string } & StoredIdempotentResponse },
  ): Promise<void>;
}

/** Sends a templated email. `data` has already been validated against the template's schema. */
export interface EmailSender {
  send(message: { to: string; template: string; data: Record<string, unknown>; headers?: Record<string, string> }): Promise<{
    messageId: string;
  }>;
}
