import type { Provider } from "./booking-event";

export const DELIVERY_OUTCOMES = ["processed", "ignored", "rejected", "failed"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/**
 * One webhook delivery as received: when, from whom, what it was and how it ended. The body is
 * kept (for replay) only when its signature was valid; never the signature or any secret.
 */
export interface Delivery {
  id: string;
  provider: Provider;
  receivedAt: string;
  /** The provider's event name, once the body could be read. */
  eventName?: string;
  outcome: DeliveryOutcome;
  httpStatus: number;
  /** Why a delivery was rejected or failed: a short code, never input or personal data. */
  reason?: string;
  bodyHash: string;
  body?: string;
  sessionId?: string;
  /** The request's headers a person may read (no signature, token or secret: `keptHeaders`). */
  headers?: Record<string, string>;
  attempts: number;
  lastAttemptAt: string;
}

export interface DeliveryLog {
  put(delivery: Delivery): Promise<void>;
  get(id: string): Promise<Delivery | undefined>;
  listByOutcome(
    outcome: DeliveryOutcome,
    opts?: { limit?: number; cursor?: string },
  ): Promise<{ items: Delivery[]; cursor?: string }>;
}
