import { AppError } from "../errors";
import { isIanaTimeZone } from "../shared/validators";
import * as z from "../shared/zod";

/**
 * The one booking event the rest of the system sees. Provider payloads (Calendly, Cal.com) are
 * translated into it at the edge by `parseCalendlyWebhook` / `parseCalcomWebhook`.
 */
export const PROVIDERS = ["calendly", "calcom"] as const;
export const providerSchema = z.enum(PROVIDERS);
export type Provider = z.infer<typeof providerSchema>;

/** The longest question and answer of a booking form kept (`answersFrom`). */
const MAX_QUESTION = 200;
const MAX_ANSWER = 2000;

/** An instant already normalized to ISO 8601 UTC with millisecond precision (`…T16:00:00.000Z`). */
const utcInstantSchema = z.iso.datetime({ precision: 3 });

export const bookingCreatedSchema = z.object({
  type: z.literal("booking.created"),
  provider: providerSchema,
  /** The provider's id for this booking (Calendly: invitee URI; Cal.com: booking uid). */
  bookingId: z.string().check(z.minLength(1)),
  /** Set when this booking is the new half of a reschedule: the booking it replaces. */
  replacesBookingId: z.optional(z.string().check(z.minLength(1))),
  startsAt: utcInstantSchema,
  endsAt: utcInstantSchema,
  attendee: z.object({
    name: z.string().check(z.minLength(1)),
    email: z.string().check(z.minLength(3)),
    timezone: z.optional(z.string()),
  }),
  organizerEmails: z.array(z.string().check(z.minLength(3))).check(z.minLength(1)),
  /** Our own token, carried through the booking link (Calendly utm_content, Cal.com metadata). */
  correlationToken: z.optional(z.string().check(z.minLength(1))),
  /** What the person wrote in the booking form (`answersFrom`). */
  answers: z.optional(
    z.array(
      z.object({
        question: z.string().check(z.maxLength(MAX_QUESTION)),
        answer: z.string().check(z.maxLength(MAX_ANSWER)),
      }),
    ),
  ),
  title: z.optional(z.string()),
  /** When the provider says the change happened (the webhook's own timestamp). */
  occurredAt: utcInstantSchema,
});

export const bookingCancelledSchema = z.object({
  type: z.literal("booking.cancelled"),
  provider: providerSchema,
  bookingId: z.string().check(z.minLength(1)),
  /** True when the cancellation is the old half of a reschedule. */
  rescheduled: z.boolean(),
  replacedByBookingId: z.optional(z.string().check(z.minLength(1))),
  reason: z.optional(z.string()),
  occurredAt: utcInstantSchema,
});

export const bookingEventSchema = z.discriminatedUnion("type", [
  bookingCreatedSchema,
  bookingCancelledSchema,
]);
export type BookingEvent = z.infer<typeof bookingEventSchema>;
export type BookingCreated = z.infer<typeof bookingCreatedSchema>;
export type BookingCancelled = z.infer<typeof bookingCancelledSchema>;
export type BookingAnswer = NonNullable<BookingCreated["answers"]>[number];

/** What a provider parser returns: a booking event, or the name of an event we do not act on. */
export type WebhookParseResult =
  | { kind: "booking"; event: BookingEvent }
  | { kind: "ignored"; eventName: string };

// ---- building blocks shared by the provider parsers ------------------------------------------

/** A provider timestamp with a zone designator (Z or ±hh:mm, any fraction), normalized to UTC `Z`. */
export const providerInstantSchema = z.pipe(
  z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone" }),
  z.transform((s: string) => new Date(s).toISOString()),
);

/** Adds an issue on `endKey` when the end is not strictly after the start. */
export function endAfterStart<K extends string>(startKey: K, endKey: K) {
  return (value: Record<K, string>, ctx: z.core.$RefinementCtx) => {
    if (Date.parse(value[endKey]) <= Date.parse(value[startKey])) {
      ctx.addIssue({ code: "custom", path: [endKey], message: `must be after ${startKey}` });
    }
  };
}

/** Parses `json` with `schema`, or throws `validation_failed` whose field paths name the bad fields. */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, json: unknown, what: string): z.output<S> {
  const result = z.safeParse(schema, json);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  throw new AppError("validation_failed", `invalid ${what} webhook payload`, fields);
}

/**
 * The booking form's answers as `[question, answer]` pairs from a provider payload: text, numbers,
 * yes/no and lists of text kept (trimmed, cut to length, at most 20), anything else left out, so an
 * odd form never fails a delivery.
 */
export function answersFrom(pairs: readonly (readonly [unknown, unknown])[]): BookingAnswer[] | undefined {
  const answers = pairs.flatMap(([q, a]) => {
    const value = Array.isArray(a) ? a.filter((x) => typeof x === "string").join(", ") : a;
    const answer = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    const question = typeof q === "string" ? q.trim() : "";
    const text = answer ? String(value).trim() : "";
    return question && text
      ? [{ question: question.slice(0, MAX_QUESTION), answer: text.slice(0, MAX_ANSWER) }]
      : [];
  });
  return answers.length > 0 ? answers.slice(0, 20) : undefined;
}

const TOKEN = /^[A-Za-z0-9._~-]{1,256}$/;

/** Our correlation token when `value` looks like one (URL-safe, bounded); anything else is ignored. */
export function correlationTokenFrom(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const token = value.trim();
  return TOKEN.test(token) ? token : undefined;
}

/** The attendee's time zone when it is one the runtime knows; an odd value is dropped, not fatal. */
export function timeZoneFrom(value: string | null | undefined): string | undefined {
  const zone = value?.trim();
  return zone && isIanaTimeZone(zone) ? zone : undefined;
}

/** Trimmed non-empty text, else undefined. */
export function textFrom(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/** The same object without keys whose value is undefined (so events compare and store cleanly). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
