import type { Provider } from "./booking-event";

/** How long the delivery log keeps a delivery (its TTL): the console counts failures over it. */
export const DELIVERY_RETENTION_DAYS = 30;

/** The first day (YYYY-MM-DD) of receipt the console's failed deliveries count, on the day of `now`. */
export const failedSince = (now: Date) =>
  new Date(now.getTime() - (DELIVERY_RETENTION_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);

export const DELIVERY_OUTCOMES = ["processed", "ignored", "rejected", "failed"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/**
 * One webhook delivery as received: when, from whom, what it was and how it ended. Only deliveries
 * whose signature was valid are logged, with their body (for replay); never the signature or any
 * secret. Refused requests are counted in log lines instead (decision 0031).
 */
export interface Delivery {
  id: string;
  provider: Provider;
  /** Set when it came to a coach's own endpoint (`/v1/webhooks/calcom/{coachId}`): that coach. */
  coachId?: string;
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
