import { emailSchema } from "../shared/validators";
import * as z from "../shared/zod";
import {
  answersFrom,
  correlationTokenFrom,
  endAfterStart,
  parseOrThrow,
  providerInstantSchema,
  textFrom,
  timeZoneFrom,
  type WebhookParseResult,
  withoutUndefined,
} from "./booking-event";

/**
 * Calendly webhook (API v2) → BookingEvent. The envelope is `{ event, created_at, created_by,
 * payload }`; for `invitee.*` the payload is the Invitee with its `scheduled_event` embedded.
 * A reschedule arrives as two deliveries: `invitee.canceled` (rescheduled: true, new_invitee) and
 * `invitee.created` (old_invitee). Schemas check only the fields we use and let the rest through.
 */

export const CALENDLY_INVITEE_CREATED = "invitee.created";
export const CALENDLY_INVITEE_CANCELED = "invitee.canceled";
/** The `utm_source` our booking links carry; only then is `utm_content` our correlation token. */
export const COACHFLOW_UTM_SOURCE = "coachflow";

const uriSchema = z.url({ protocol: /^https$/, message: "must be an https URI" });

const envelopeSchema = z.looseObject({ event: z.string().check(z.minLength(1)) });

const createdSchema = z.looseObject({
  event: z.literal(CALENDLY_INVITEE_CREATED),
  created_at: providerInstantSchema,
  payload: z.looseObject({
    uri: uriSchema,
    email: emailSchema,
    name: z.nullish(z.string()),
    first_name: z.nullish(z.string()),
    last_name: z.nullish(z.string()),
    timezone: z.nullish(z.string()),
    old_invitee: z.nullish(uriSchema),
    tracking: z.nullish(
      z.looseObject({ utm_source: z.nullish(z.string()), utm_content: z.nullish(z.string()) }),
    ),
    scheduled_event: z
      .looseObject({
        name: z.nullish(z.string()),
        start_time: providerInstantSchema,
        end_time: providerInstantSchema,
        event_memberships: z
          .array(z.looseObject({ user_email: emailSchema }))
          .check(z.minLength(1, { message: "must list at least one host" })),
      })
      .check(z.superRefine(endAfterStart("start_time", "end_time"))),
  }),
});

const canceledSchema = z.looseObject({
  event: z.literal(CALENDLY_INVITEE_CANCELED),
  created_at: providerInstantSchema,
  payload: z.looseObject({
    uri: uriSchema,
    rescheduled: z.boolean(),
    new_invitee: z.nullish(uriSchema),
    cancellation: z.nullish(z.looseObject({ reason: z.nullish(z.string()) })),
  }),
});

type CreatedPayload = z.output<typeof createdSchema>["payload"];

/** Calendly always sends `name`; older payloads sometimes had only first/last, or null. */
function attendeeName(p: CreatedPayload): string {
  return (
    textFrom(p.name) ??
    textFrom([p.first_name, p.last_name].filter(Boolean).join(" ")) ??
    p.email.slice(0, p.email.indexOf("@"))
  );
}

/** Maps a parsed Calendly webhook body to a booking event, or says which event it ignored. */
export function parseCalendlyWebhook(json: unknown): WebhookParseResult {
  const { event: eventName } = parseOrThrow(envelopeSchema, json, "Calendly");

  if (eventName === CALENDLY_INVITEE_CREATED) {
    const { created_at, payload: p } = parseOrThrow(createdSchema, json, "Calendly");
    const tracking = p.tracking;
    const event = p.scheduled_event;
    return {
      kind: "booking",
      event: withoutUndefined({
        type: "booking.created",
        provider: "calendly",
        bookingId: p.uri,
        replacesBookingId: p.old_invitee ?? undefined,
        startsAt: event.start_time,
        endsAt: event.end_time,
        attendee: withoutUndefined({
          name: attendeeName(p),
          email: p.email,
          timezone: timeZoneFrom(p.timezone),
        }),
        organizerEmails: [...new Set(event.event_memberships.map((m) => m.user_email))],
        correlationToken:
          tracking?.utm_source?.trim() === COACHFLOW_UTM_SOURCE
            ? correlationTokenFrom(tracking.utm_content)
            : undefined,
        answers: answersFrom(
          (Array.isArray(p.questions_and_answers) ? p.questions_and_answers : []).map((x) => [
            x?.question,
            x?.answer,
          ]),
        ),
        title: textFrom(event.name),
        occurredAt: created_at,
      }),
    };
  }

  if (eventName === CALENDLY_INVITEE_CANCELED) {
    const { created_at, payload: p } = parseOrThrow(canceledSchema, json, "Calendly");
    return {
      kind: "booking",
      event: withoutUndefined({
        type: "booking.cancelled",
        provider: "calendly",
        bookingId: p.uri,
        rescheduled: p.rescheduled,
        replacedByBookingId: p.new_invitee ?? undefined,
        reason: textFrom(p.cancellation?.reason),
        occurredAt: created_at,
      }),
    };
  }

  return { kind: "ignored", eventName };
}
