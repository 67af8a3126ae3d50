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
 * Cal.com webhook (payload version 2021-10-20, the only one in its builder registry) → BookingEvent.
 * The envelope is `{ triggerEvent, createdAt, payload }`, the payload a serialized CalendarEvent
 * plus trigger extras. A reschedule is ONE delivery, BOOKING_RESCHEDULED, whose `uid` is the new
 * booking and `rescheduleUid` the old one.
 */

export const CALCOM_BOOKING_CREATED = "BOOKING_CREATED";
export const CALCOM_BOOKING_RESCHEDULED = "BOOKING_RESCHEDULED";
export const CALCOM_BOOKING_CANCELLED = "BOOKING_CANCELLED";
/** The booking-metadata key our booking links set (`?metadata[coachflow]=<token>`). */
export const COACHFLOW_METADATA_KEY = "coachflow";

const envelopeSchema = z.looseObject({ triggerEvent: z.string().check(z.minLength(1)) });

const bookingPayloadObject = z
  .looseObject({
    uid: z.string().check(z.minLength(1)),
    title: z.nullish(z.string()),
    startTime: providerInstantSchema,
    endTime: providerInstantSchema,
    organizer: z.looseObject({ email: emailSchema }),
    attendees: z
      .array(
        z.looseObject({ name: z.nullish(z.string()), email: emailSchema, timeZone: z.nullish(z.string()) }),
      )
      .check(z.minLength(1, { message: "must list the person who booked" })),
    // Collective team events: the other hosts. Cal.com's docs call these String[], its types say
    // TeamMember objects; accept both and keep only what parses as an email.
    team: z.nullish(z.looseObject({ members: z.nullish(z.array(z.unknown())) })),
    metadata: z.nullish(z.record(z.string(), z.unknown())),
    rescheduleUid: z.nullish(z.string().check(z.minLength(1))),
  })
  .check(z.superRefine(endAfterStart("startTime", "endTime")));

const bookingSchema = z.looseObject({
  triggerEvent: z.enum([CALCOM_BOOKING_CREATED, CALCOM_BOOKING_RESCHEDULED]),
  createdAt: providerInstantSchema,
  payload: bookingPayloadObject,
});

/** A reschedule must say which booking it replaces. */
const rescheduledSchema = z.extend(bookingSchema, {
  payload: bookingPayloadObject.check(
    z.refine((p) => p.rescheduleUid, {
      path: ["rescheduleUid"],
      message: "is required for BOOKING_RESCHEDULED",
    }),
  ),
});

const cancelledSchema = z.looseObject({
  triggerEvent: z.literal(CALCOM_BOOKING_CANCELLED),
  createdAt: providerInstantSchema,
  payload: z.looseObject({
    uid: z.string().check(z.minLength(1)),
    cancellationReason: z.nullish(z.string()),
    rescheduledToUid: z.nullish(z.string().check(z.minLength(1))),
  }),
});

type BookingPayload = z.output<typeof bookingPayloadObject>;

/** A team member's email: the member itself (docs' String[]) or its `email` (TeamMember). */
function memberEmail(member: unknown): string | undefined {
  const candidate =
    member !== null && typeof member === "object" ? (member as { email?: unknown }).email : member;
  const email = emailSchema.safeParse(candidate);
  return email.success ? email.data : undefined;
}

function organizerEmails(p: BookingPayload): string[] {
  const teamEmails = (p.team?.members ?? []).map(memberEmail).filter((e) => e !== undefined);
  return [...new Set([p.organizer.email, ...teamEmails])];
}

/** The booking form's own fields; name, email and the other fields every booking has are known already. */
const STANDARD_FIELDS = new Set([
  "name",
  "email",
  "location",
  "guests",
  "rescheduleReason",
  "attendeePhoneNumber",
]);

/** The answers of the booking form (`responses`: `{ [field]: { label, value } }`), as question and answer. */
function bookingAnswers(responses: unknown) {
  if (responses === null || typeof responses !== "object") return undefined;
  return answersFrom(
    Object.entries(responses).flatMap(([field, r]) => {
      if (STANDARD_FIELDS.has(field) || r === null || typeof r !== "object") return [];
      const { label, value } = r as { label?: unknown; value?: unknown };
      return [[field === "notes" ? "Additional notes" : label, value] as const];
    }),
  );
}

/** Maps a parsed Cal.com webhook body to a booking event, or says which trigger it ignored. */
export function parseCalcomWebhook(json: unknown): WebhookParseResult {
  const { triggerEvent } = parseOrThrow(envelopeSchema, json, "Cal.com");

  if (triggerEvent === CALCOM_BOOKING_CREATED || triggerEvent === CALCOM_BOOKING_RESCHEDULED) {
    const schema = triggerEvent === CALCOM_BOOKING_RESCHEDULED ? rescheduledSchema : bookingSchema;
    const { createdAt, payload: p } = parseOrThrow(schema, json, "Cal.com");
    const [attendee] = p.attendees as [BookingPayload["attendees"][number]];
    return {
      kind: "booking",
      event: withoutUndefined({
        type: "booking.created",
        provider: "calcom",
        bookingId: p.uid,
        replacesBookingId:
          triggerEvent === CALCOM_BOOKING_RESCHEDULED ? (p.rescheduleUid ?? undefined) : undefined,
        startsAt: p.startTime,
        endsAt: p.endTime,
        attendee: withoutUndefined({
          name: textFrom(attendee.name) ?? attendee.email.slice(0, attendee.email.indexOf("@")),
          email: attendee.email,
          timezone: timeZoneFrom(attendee.timeZone),
        }),
        organizerEmails: organizerEmails(p),
        correlationToken: correlationTokenFrom(p.metadata?.[COACHFLOW_METADATA_KEY]),
        answers: bookingAnswers(p.responses),
        title: textFrom(p.title),
        occurredAt: createdAt,
      }),
    };
  }

  if (triggerEvent === CALCOM_BOOKING_CANCELLED) {
    const { createdAt, payload: p } = parseOrThrow(cancelledSchema, json, "Cal.com");
    return {
      kind: "booking",
      event: withoutUndefined({
        type: "booking.cancelled",
        provider: "calcom",
        bookingId: p.uid,
        // A reschedule normally arrives only as BOOKING_RESCHEDULED of the new booking. Should a
        // cancellation name its successor (`rescheduledToUid`, cal.com issue #28543), link it. A host's
        // "request reschedule" (`requestReschedule: true`) has no successor yet: a plain cancellation.
        rescheduled: p.rescheduledToUid != null,
        replacedByBookingId: p.rescheduledToUid ?? undefined,
        reason: textFrom(p.cancellationReason),
        occurredAt: createdAt,
      }),
    };
  }

  return { kind: "ignored", eventName: triggerEvent };
}
