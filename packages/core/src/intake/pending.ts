import type { Client } from "../clients/model";
import type { StoredIdempotentResponse, StoreWrites } from "../ports";
import type { IntakeInput } from "./schema";

/** How long changed answers wait for the address's owner, and their link works (decision 0029). */
export const PENDING_ANSWERS_HOURS = 24;

/**
 * Changed intake answers from the address of a known client, kept until its owner confirms them
 * through the emailed link, or for {@link PENDING_ANSWERS_HOURS} (then DynamoDB's TTL deletes them).
 */
export interface PendingAnswers {
  /** Random, unguessable; the signed link names it. */
  id: string;
  clientId: string;
  answers: Omit<IntakeInput, "consent">;
  answersHash: string;
  /** When they were sent, with the consent to be contacted (the profile's `consentAt` once confirmed). */
  submittedAt: string;
  expiresAt: string;
}

/** Storage of pending answers. A confirmation consumes them in the transaction that saves the client. */
export interface PendingAnswersStore {
  /** Stores them and, with `idempotency`, the response of that key, in one write (with `also`'s). */
  put(
    pending: PendingAnswers,
    idempotency?: { key: string } & StoredIdempotentResponse,
    also?: StoreWrites,
  ): Promise<void>;
  /** The pending answers and the profile of the client they are for, in one consistent read. */
  read(id: string, clientId: string): Promise<{ pending?: PendingAnswers; client?: Client }>;
  /**
   * Saves `client` (as `ClientRepository.save`: the version read must still be stored) and deletes
   * the pending answers, in one transaction: "used" when they were gone already (the link was
   * used, or they expired or were erased); ConditionFailedError when the client changed meanwhile.
   * `from`: the status the client was read with (the phase counters' guess, decision 0035).
   */
  confirm(
    id: string,
    client: Client,
    also?: StoreWrites,
    from?: Client["status"],
  ): Promise<"confirmed" | "used">;
  /** Deletes them and the stored response of `idempotencyKey`: their email could not be sent. */
  drop(id: string, idempotencyKey?: string): Promise<void>;
}
