import { type HandleBookingDeps, handleBookingEvent } from "../bookings/handle";
import type { Clock } from "../clock";
import type { Coach } from "../coaches/schema";
import { acceptedSecrets, type CoachWebhookStore } from "../coaches/webhook";
import { AppError, notFound } from "../errors";
import { isId, newId } from "../ids";
import { describeError } from "../shared/describe-error";
import type { BookingEvent, Provider } from "./booking-event";
import { parseCalcomWebhook } from "./calcom";
import { parseCalendlyWebhook } from "./calendly";
import { isCoachsEvent } from "./coach-scope";
import type { Delivery, DeliveryLog } from "./deliveries";
import {
  bodyHash,
  calcomHeaderProblem,
  type SignatureCheck,
  verifyCalcomSignature,
  verifyCalendlySignature,
} from "./signatures";

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

/** What the caller gets: the logged delivery's outcome, or a refusal that left no trace in the table. */
export interface ReceiveAnswer {
  status: number;
  body:
    | {
        deliveryId: string;
        outcome: Delivery["outcome"];
        sessionId?: string;
        error?: { code: string; message: string; fields?: { path: string; message: string }[] };
      }
    | { error: { code: string; message: string } };
}

/** A coach's own endpoint also reads the coaches' webhook keys. */
export interface CoachReceiveDeps extends ReceiveDeps {
  coachKeys: Pick<CoachWebhookStore, "read">;
}

/** Refusals since this instance started, by provider and reason: each log line carries its count. */
const refusals = new Map<string, number>();

/**
 * A request refused before anything is written (decision 0031): unsigned, wrongly signed, of
 * another content type, for an unknown coach, or for another coach's bookings. The table gets
 * nothing, so a flood of them costs no writes; one log line each says what and how many, never
 * the body, a header or anything personal.
 */
function refuse(
  deps: ReceiveDeps,
  status: number,
  code: string,
  message: string,
  log: { provider: Provider; reason: string; coachId?: string },
): ReceiveAnswer {
  const key = `${log.provider} ${log.reason}`;
  const count = (refusals.get(key) ?? 0) + 1;
  refusals.set(key, count);
  deps.booking.logger.warn("webhook refused", { ...log, status, count });
  return { status, body: { error: { code, message } } };
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

/** A new log entry for a delivery whose signature matched: received now, body kept for replay. */
function signedDelivery(
  deps: ReceiveDeps,
  provider: Provider,
  rawBody: Uint8Array,
): Delivery & { body: string } {
  const now = deps.booking.clock.now().toISOString();
  return {
    id: newId("delivery", Date.parse(now)),
    provider,
    receivedAt: now,
    outcome: "rejected",
    httpStatus: 400,
    bodyHash: bodyHash(rawBody),
    attempts: 1,
    lastAttemptAt: now,
    // Decoded (UTF-8, BOM dropped, invalid sequences replaced) only now that the bytes are proven.
    body: new TextDecoder().decode(rawBody),
  };
}

const unsupported = (deps: ReceiveDeps, provider: Provider) =>
  refuse(deps, 415, "unsupported_media_type", "webhooks are application/json", {
    provider,
    reason: "content type",
  });

/**
 * A webhook delivery end to end: the signature is checked on the raw body, the bytes exactly as
 * they arrived, before anything is decoded or parsed; then the payload becomes one booking event
 * and is applied. A request without a valid signature is refused and leaves nothing in the table
 * (a log line counts it); every signed delivery, whatever its end, leaves one entry in the
 * delivery log, with its body, for replay.
 */
export async function receiveWebhook(
  deps: ReceiveDeps,
  provider: Provider,
  rawBody: Uint8Array,
  signatureHeader: string | undefined,
  contentType = "application/json",
): Promise<ReceiveAnswer> {
  if (contentType !== "application/json") return unsupported(deps, provider);
  const signature = checkSignature(deps, provider, rawBody, signatureHeader);
  if (!signature.ok) {
    return refuse(deps, 401, "unauthorized", `signature ${signature.reason}`, {
      provider,
      reason: `signature ${signature.reason}`,
    });
  }
  return apply(deps, signedDelivery(deps, provider, rawBody));
}

/**
 * A delivery to a coach's own Cal.com endpoint (`/v1/webhooks/calcom/{coachId}`): signed with
 * that coach's key (or, for a week after a rotation, the key it replaced), and about that coach's
 * bookings only; anything else is refused with nothing written. The cheap checks come first, so
 * a request without a signature costs no read at all.
 */
export async function receiveCoachWebhook(
  deps: CoachReceiveDeps,
  coachId: string,
  rawBody: Uint8Array,
  signatureHeader: string | undefined,
  contentType = "application/json",
): Promise<ReceiveAnswer> {
  const provider = "calcom";
  if (contentType !== "application/json") return unsupported(deps, provider);
  const shape = calcomHeaderProblem(signatureHeader);
  if (shape) {
    return refuse(deps, 401, "unauthorized", `signature ${shape}`, {
      provider,
      reason: `signature ${shape}`,
    });
  }
  const { coach, key } = isId("coach", coachId) ? await deps.coachKeys.read(coachId) : {};
  if (!coach) return refuse(deps, 404, "not_found", "coach not found", { provider, reason: "unknown coach" });
  const log = { provider, coachId } as const;
  if (!key) {
    return refuse(deps, 401, "unauthorized", "this coach has no webhook secret yet", {
      ...log,
      reason: "no key",
    });
  }
  const signed = acceptedSecrets(key, deps.wallClock.now()).some(
    (secret) => verifyCalcomSignature({ rawBody, header: signatureHeader, secret }).ok,
  );
  if (!signed)
    return refuse(deps, 401, "unauthorized", "signature mismatch", { ...log, reason: "signature mismatch" });
  return apply(
    deps,
    { ...signedDelivery(deps, provider, rawBody), coachId },
    onlyCoachs(deps, coachId, coach),
  );
}

/** The scope of a coach's endpoint: an event about another coach's bookings is refused (403). */
const onlyCoachs =
  (deps: ReceiveDeps, coachId: string, coach: Coach | undefined) =>
  async (event: BookingEvent): Promise<ReceiveAnswer | undefined> =>
    coach && (await isCoachsEvent(deps.booking, coach, event))
      ? undefined
      : refuse(deps, 403, "forbidden", "this event is about another coach's booking", {
          provider: "calcom",
          coachId,
          reason: "other coach",
        });

/** Runs a stored delivery again (admin), without its signature, which is not kept. */
export async function replayDelivery(deps: ReceiveDeps, id: string): Promise<ReceiveAnswer> {
  const stored = await deps.deliveries.get(id);
  if (!stored) throw notFound("delivery");
  if (stored.body === undefined)
    throw new AppError("conflict", "this delivery was rejected and its body was not kept");
  const now = deps.booking.clock.now().toISOString();
  const { reason: _r, ...rest } = stored;
  const again = { ...rest, body: stored.body, attempts: stored.attempts + 1, lastAttemptAt: now };
  if (!stored.coachId) return apply(deps, again);
  // From a coach's endpoint: still only about that coach's bookings (a body refused as unreadable
  // when it came was never checked).
  const coach = await deps.booking.coaches.get(stored.coachId);
  return apply(deps, again, onlyCoachs(deps, stored.coachId, coach));
}

/**
 * Parses and applies a signed delivery, logging it. `scope`, on a coach's endpoint, may refuse the
 * event once it is read: then nothing is written.
 */
async function apply(
  deps: ReceiveDeps,
  delivery: Delivery & { body: string },
  scope?: (event: BookingEvent) => Promise<ReceiveAnswer | undefined>,
): Promise<ReceiveAnswer> {
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
  const refused = await scope?.(parsed.event);
  if (refused) return refused;
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
