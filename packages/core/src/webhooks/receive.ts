import { type HandleBookingDeps, handleBookingEvent } from "../bookings/handle";
import type { Clock } from "../clock";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";
import { describeError } from "../shared/describe-error";
import type { Provider } from "./booking-event";
import { parseCalcomWebhook } from "./calcom";
import { parseCalendlyWebhook } from "./calendly";
import type { Delivery, DeliveryLog } from "./deliveries";
import { keptHeaders } from "./headers";
import { bodyHash, type SignatureCheck, verifyCalcomSignature, verifyCalendlySignature } from "./signatures";

export interface ReceiveDeps {
  booking: HandleBookingDeps;
  deliveries: DeliveryLog;
  /** Judges a signature's age: the machine's time, never the program's movable clock. */
  wallClock: Clock;
  /** The keys, each with the value it replaces during a rotation (either one verifies). */
  secrets: {
    calendlySigningKey: string;
    calendlySigningKeyPrevious?: string | undefined;
    calcomSecret: string;
    calcomSecretPrevious?: string | undefined;
    toleranceSeconds: number;
  };
}

export interface ReceiveAnswer {
  status: number;
  body: {
    deliveryId: string;
    outcome: Delivery["outcome"];
    sessionId?: string;
    error?: { code: string; message: string; fields?: { path: string; message: string }[] };
  };
}

function checkSignature(
  deps: ReceiveDeps,
  provider: Provider,
  rawBody: Uint8Array,
  header: string | undefined,
) {
  const { secrets } = deps;
  const calendly = provider === "calendly";
  const check = (key: string): SignatureCheck =>
    calendly
      ? verifyCalendlySignature({
          rawBody,
          header,
          signingKey: key,
          nowSeconds: Math.floor(deps.wallClock.now().getTime() / 1000),
          toleranceSeconds: secrets.toleranceSeconds,
        })
      : verifyCalcomSignature({ rawBody, header, secret: key });
  const [key, previous] = calendly
    ? [secrets.calendlySigningKey, secrets.calendlySigningKeyPrevious]
    : [secrets.calcomSecret, secrets.calcomSecretPrevious];
  const first = check(key);
  // During a rotation a provider may still sign with the key being replaced.
  return !first.ok && first.reason === "mismatch" && previous ? check(previous) : first;
}

/**
 * A webhook delivery end to end: the signature is checked on the raw body, the bytes exactly as
 * they arrived, before anything is decoded or parsed; then the payload becomes one booking event
 * and is applied. Every delivery, whatever its end, leaves one entry in the delivery log (the body,
 * decoded as UTF-8, only when the signature was valid).
 */
export async function receiveWebhook(
  deps: ReceiveDeps,
  provider: Provider,
  rawBody: Uint8Array,
  signatureHeader: string | undefined,
  contentType = "application/json",
  headers: Record<string, string | undefined> = {},
): Promise<ReceiveAnswer> {
  const now = deps.booking.clock.now().toISOString();
  const kept = keptHeaders(headers);
  const delivery: Delivery = {
    id: newId("delivery", Date.parse(now)),
    provider,
    receivedAt: now,
    ...(Object.keys(kept).length > 0 ? { headers: kept } : {}),
    outcome: "rejected",
    httpStatus: 401,
    bodyHash: bodyHash(rawBody),
    attempts: 1,
    lastAttemptAt: now,
  };
  if (contentType !== "application/json") {
    await deps.deliveries.put({ ...delivery, httpStatus: 415, reason: "unsupported content type" });
    return {
      status: 415,
      body: {
        deliveryId: delivery.id,
        outcome: "rejected",
        error: { code: "unsupported_media_type", message: "webhooks are application/json" },
      },
    };
  }
  const signature = checkSignature(deps, provider, rawBody, signatureHeader);
  if (!signature.ok) {
    await deps.deliveries.put({ ...delivery, reason: `signature ${signature.reason}` });
    deps.booking.logger.warn("webhook rejected", {
      provider,
      deliveryId: delivery.id,
      reason: signature.reason,
    });
    return {
      status: 401,
      body: {
        deliveryId: delivery.id,
        outcome: "rejected",
        error: { code: "unauthorized", message: `signature ${signature.reason}` },
      },
    };
  }
  return apply(deps, { ...delivery, body: new TextDecoder().decode(rawBody) });
}

/** Runs a stored delivery again (admin), without its signature, which is not kept. */
export async function replayDelivery(deps: ReceiveDeps, id: string): Promise<ReceiveAnswer> {
  const stored = await deps.deliveries.get(id);
  if (!stored) throw notFound("delivery");
  if (stored.body === undefined)
    throw new AppError("conflict", "this delivery was rejected and its body was not kept");
  const now = deps.booking.clock.now().toISOString();
  const { reason: _r, ...rest } = stored;
  return apply(deps, { ...rest, body: stored.body, attempts: stored.attempts + 1, lastAttemptAt: now });
}

async function apply(deps: ReceiveDeps, delivery: Delivery & { body: string }): Promise<ReceiveAnswer> {
  const log = { provider: delivery.provider, deliveryId: delivery.id };
  const finish = async (d: Delivery, extra: Partial<ReceiveAnswer["body"]> = {}): Promise<ReceiveAnswer> => {
    await deps.deliveries.put(d);
    return {
      status: d.httpStatus,
      body: {
        deliveryId: d.id,
        outcome: d.outcome,
        ...(d.sessionId ? { sessionId: d.sessionId } : {}),
        ...extra,
      },
    };
  };
  let parsed: ReturnType<typeof parseCalendlyWebhook>;
  try {
    const json: unknown = JSON.parse(delivery.body);
    parsed = delivery.provider === "calendly" ? parseCalendlyWebhook(json) : parseCalcomWebhook(json);
  } catch (error) {
    const fields = error instanceof AppError ? error.fields : undefined;
    deps.booking.logger.warn("webhook payload refused", { ...log, fields: fields?.map((f) => f.path) });
    return finish(
      {
        ...delivery,
        outcome: "rejected",
        httpStatus: 400,
        reason: fields ? "invalid payload" : "malformed JSON",
      },
      {
        error: {
          code: fields ? "validation_failed" : "malformed_json",
          message: fields ? "invalid payload" : "the body is not valid JSON",
          ...(fields ? { fields } : {}),
        },
      },
    );
  }
  if (parsed.kind === "ignored") {
    return finish({ ...delivery, eventName: parsed.eventName, outcome: "ignored", httpStatus: 202 });
  }
  const eventName = parsed.event.type;
  try {
    const handled = await handleBookingEvent(deps.booking, parsed.event);
    return finish({
      ...delivery,
      eventName,
      outcome: "processed",
      httpStatus: handled.status,
      ...(handled.sessionId ? { sessionId: handled.sessionId } : {}),
    });
  } catch (error) {
    const info = describeError(error);
    deps.booking.logger.error("webhook processing failed", { ...log, eventName, ...info });
    // 500 asks the provider to deliver again; an admin can also replay it from the log.
    return finish(
      {
        ...delivery,
        eventName,
        outcome: "failed",
        httpStatus: 500,
        reason: info.errorCode ?? info.errorName,
      },
      {
        error: { code: "internal_error", message: "the delivery could not be processed; it has been logged" },
      },
    );
  }
}
