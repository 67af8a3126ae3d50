import { randomBytes } from "node:crypto";
import type { Clock } from "../clock";
import { ConditionFailedError, conflict, notFound } from "../errors";
import { CALCOM_SIGNATURE_HEADER } from "../webhooks/signatures";
import type { Coach } from "./schema";

/**
 * A coach's own Cal.com webhook (decision 0031): `POST /v1/webhooks/calcom/{coachId}`, signed with
 * a key of that coach alone, so a coach who sets up a webhook can sign events for their own
 * bookings and nobody else's. The key is made here, on first use, and kept in the table.
 */
export interface CoachWebhookKey {
  coachId: string;
  secret: string;
  /** The key the last rotation replaced: still accepted until `previousUntil` (wall clock). */
  previousSecret?: string;
  previousUntil?: string;
  createdAt: string;
  rotatedAt?: string;
  /** 1 when made; each rotation adds one (the store's condition on a replace). */
  version: number;
}

export interface CoachWebhookStore {
  /** The coach and their webhook key, in one read (either may be missing). */
  read(coachId: string): Promise<{ coach?: Coach; key?: CoachWebhookKey }>;
  /** Stores a coach's first key; ConditionFailedError when they have one already. */
  create(key: CoachWebhookKey): Promise<void>;
  /** Writes `next` over `previous`; ConditionFailedError when `previous` is no longer stored. */
  replace(next: CoachWebhookKey, previous: CoachWebhookKey): Promise<void>;
}

export interface CoachWebhookDeps {
  store: CoachWebhookStore;
  /** Key ages and the rotation window are transport security: the wall clock (decision 0018). */
  wallClock: Clock;
  publicBaseUrl: string;
}

/** What to paste into the coach's Cal.com webhook: the subscriber URL, the secret, the triggers. */
export interface CoachWebhookSetup {
  coachId: string;
  url: string;
  secret: string;
  signatureHeader: string;
  /** Cal.com's names of the triggers to tick (webhooks/calcom.ts parses these three). */
  events: string[];
  createdAt: string;
  rotatedAt?: string;
  /** Until when the key the last rotation replaced is still accepted. */
  previousSecretValidUntil?: string;
}

/** How long the key a rotation replaced keeps working: time for the coach to paste the new one. */
export const PREVIOUS_KEY_DAYS = 7;
const CALCOM_EVENTS = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"];

/** 32 random bytes as hex: what Cal.com's "Secret" field takes and HMACs with. */
const newSecret = () => randomBytes(32).toString("hex");

/** The coach's subscriber URL on this deployment. */
export const coachWebhookUrl = (publicBaseUrl: string, coachId: string) =>
  `${publicBaseUrl}/v1/webhooks/calcom/${coachId}`;

/** The keys a delivery may be signed with now: the current one, and the previous one in its window. */
export function acceptedSecrets(key: CoachWebhookKey, now: Date): string[] {
  const previousValid = key.previousSecret && key.previousUntil && now.toISOString() < key.previousUntil;
  return previousValid ? [key.secret, key.previousSecret!] : [key.secret];
}

function setupOf(deps: CoachWebhookDeps, key: CoachWebhookKey): CoachWebhookSetup {
  const previousValid = acceptedSecrets(key, deps.wallClock.now()).length > 1;
  return {
    coachId: key.coachId,
    url: coachWebhookUrl(deps.publicBaseUrl, key.coachId),
    secret: key.secret,
    signatureHeader: CALCOM_SIGNATURE_HEADER,
    events: CALCOM_EVENTS,
    createdAt: key.createdAt,
    ...(key.rotatedAt ? { rotatedAt: key.rotatedAt } : {}),
    ...(previousValid ? { previousSecretValidUntil: key.previousUntil } : {}),
  };
}

/**
 * The coach's webhook URL and secret (admin; the admin console shows the same). The first call
 * for a coach makes their key; a concurrent first call that lost the race reads the winner's.
 */
export async function coachWebhookSetup(deps: CoachWebhookDeps, coachId: string): Promise<CoachWebhookSetup> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const { coach, key } = await deps.store.read(coachId);
    if (!coach) throw notFound("coach");
    if (key) return setupOf(deps, key);
    const made: CoachWebhookKey = {
      coachId,
      secret: newSecret(),
      createdAt: deps.wallClock.now().toISOString(),
      version: 1,
    };
    try {
      await deps.store.create(made);
      return setupOf(deps, made);
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
    }
  }
  throw conflict("the coach's webhook key changed meanwhile; ask again");
}

/**
 * A new key for the coach's webhook. The one it replaces is still accepted for PREVIOUS_KEY_DAYS,
 * so deliveries keep arriving while the coach pastes the new secret into Cal.com; a second
 * rotation within that window ends the first key's grace at once.
 */
export async function rotateCoachWebhookKey(
  deps: CoachWebhookDeps,
  coachId: string,
): Promise<CoachWebhookSetup> {
  const current = await deps.store.read(coachId);
  if (!current.coach) throw notFound("coach");
  if (!current.key) return coachWebhookSetup(deps, coachId);
  const now = deps.wallClock.now();
  const next: CoachWebhookKey = {
    ...current.key,
    secret: newSecret(),
    previousSecret: current.key.secret,
    previousUntil: new Date(now.getTime() + PREVIOUS_KEY_DAYS * 86_400_000).toISOString(),
    rotatedAt: now.toISOString(),
    version: current.key.version + 1,
  };
  try {
    await deps.store.replace(next, current.key);
  } catch (error) {
    if (error instanceof ConditionFailedError) throw conflict("the key was rotated meanwhile; read it again");
    throw error;
  }
  return setupOf(deps, next);
}
