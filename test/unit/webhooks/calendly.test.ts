import { describe, expect, it } from "vitest";
import { bookingEventSchema, parseCalendlyWebhook } from "../../../packages/core/src/webhooks";
import { expectValidationError, fixture, setPath } from "./support";

const EVENT_1 = "https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2";
const EVENT_2 = "https://api.calendly.com/scheduled_events/CDEHGE3YHZAJTNQ4";
const INVITEE_1 = `${EVENT_1}/invitees/EBHAAFHDCAEQTSEZ`;
const INVITEE_2 = `${EVENT_2}/invitees/FQGHCC2XYN5DDTGA`;

const parse = (name: string) => parseCalendlyWebhook(fixture("calendly", name));
const bookingFrom = (json: unknown) => {
  const result = parseCalendlyWebhook(json);
  if (result.kind !== "booking") throw new Error(`${result.eventName} was ignored`);
  return result.event;
};
const bookingOf = (name: string) => bookingFrom(fixture("calendly", name));

describe("parseCalendlyWebhook: fixtures", () => {
  it("maps invitee.created to booking.created", () => {
    expect(parse("invitee-created")).toStrictEqual({
      kind: "booking",
      event: {
        type: "booking.created",
        provider: "calendly",
        bookingId: INVITEE_1,
        startsAt: "2026-03-09T16:00:00.000Z",
        endsAt: "2026-03-09T16:30:00.000Z",
        attendee: { name: "Dana Client", email: "dana.client@example.com", timezone: "Europe/Berlin" },
        organizerEmails: ["maya.coach@example.com"],
        correlationToken: "cft_8Kq2mZx7Lp4Wv9Rt",
        answers: [
          {
            question: "What would you like to get out of the intro?",
            answer: "Getting better at delegating to my new team leads.",
          },
        ],
        title: "Intro session with Maya",
        occurredAt: "2026-03-02T14:05:11.000Z",
      },
    });
  });

  it("maps the canceled half of a reschedule to booking.cancelled with its successor", () => {
    expect(bookingOf("invitee-canceled-rescheduled")).toStrictEqual({
      type: "booking.cancelled",
      provider: "calendly",
      bookingId: INVITEE_1,
      rescheduled: true,
      replacedByBookingId: INVITEE_2,
      reason: "Something came up at work, moving us to Thursday.",
      occurredAt: "2026-03-05T09:12:44.000Z",
    });
  });

  it("maps the created half of a reschedule to booking.created that replaces the old invitee", () => {
    expect(bookingOf("invitee-created-rescheduled")).toStrictEqual({
      type: "booking.created",
      provider: "calendly",
      bookingId: INVITEE_2,
      replacesBookingId: INVITEE_1,
      startsAt: "2026-03-12T17:00:00.000Z",
      endsAt: "2026-03-12T17:30:00.000Z",
      attendee: { name: "Dana Client", email: "dana.client@example.com", timezone: "Europe/Berlin" },
      organizerEmails: ["maya.coach@example.com"],
      answers: [
        {
          question: "What would you like to get out of the intro?",
          answer: "Getting better at delegating to my new team leads.",
        },
      ],
      title: "Intro session with Maya",
      occurredAt: "2026-03-05T09:12:45.000Z",
    });
  });

  it("maps a plain cancellation (by the host, with a reason) to booking.cancelled", () => {
    expect(bookingOf("invitee-canceled")).toStrictEqual({
      type: "booking.cancelled",
      provider: "calendly",
      bookingId: INVITEE_2,
      rescheduled: false,
      reason: "Family emergency, I'll reach out to rebook.",
      occurredAt: "2026-03-10T08:01:27.000Z",
    });
  });

  it("links the reschedule pair both ways", () => {
    const original = bookingOf("invitee-created");
    const cancelled = bookingOf("invitee-canceled-rescheduled");
    const replacement = bookingOf("invitee-created-rescheduled");
    if (cancelled.type !== "booking.cancelled" || replacement.type !== "booking.created")
      throw new Error("types");
    expect(cancelled.bookingId).toBe(original.bookingId);
    expect(cancelled.replacedByBookingId).toBe(replacement.bookingId);
    expect(replacement.replacesBookingId).toBe(cancelled.bookingId);
  });

  it("ignores events that are not about invitees", () => {
    expect(parse("routing-form-submission-created")).toEqual({
      kind: "ignored",
      eventName: "routing_form_submission.created",
    });
    const noShow = setPath(fixture("calendly", "invitee-created"), "event", "invitee_no_show.created");
    expect(parseCalendlyWebhook(noShow)).toEqual({ kind: "ignored", eventName: "invitee_no_show.created" });
  });

  it.each([
    "invitee-created",
    "invitee-created-rescheduled",
    "invitee-canceled",
    "invitee-canceled-rescheduled",
  ])("produces an event that satisfies the neutral schema (%s)", (name) => {
    expect(bookingEventSchema.parse(bookingOf(name))).toStrictEqual(bookingOf(name));
  });
});

describe("parseCalendlyWebhook: details", () => {
  it("takes utm_content as the token only when utm_source is coachflow", () => {
    const json = setPath(fixture("calendly", "invitee-created"), "payload.tracking.utm_source", "newsletter");
    expect(bookingFrom(json)).not.toHaveProperty("correlationToken");
    const noTracking = setPath(fixture("calendly", "invitee-created"), "payload.tracking", null);
    expect(bookingFrom(noTracking)).not.toHaveProperty("correlationToken");
  });

  it("drops a token that is not URL-safe rather than passing it on", () => {
    const json = setPath(fixture("calendly", "invitee-created"), "payload.tracking.utm_content", "<script>");
    expect(bookingFrom(json)).not.toHaveProperty("correlationToken");
  });

  it("normalizes times with an offset to UTC", () => {
    const json = fixture("calendly", "invitee-created");
    setPath(json, "payload.scheduled_event.start_time", "2026-03-09T17:00:00+01:00");
    setPath(json, "payload.scheduled_event.end_time", "2026-03-09T12:30:00-04:00");
    expect(bookingFrom(json)).toMatchObject({
      startsAt: "2026-03-09T16:00:00.000Z",
      endsAt: "2026-03-09T16:30:00.000Z",
    });
  });

  it("lists every host once, lower-cased", () => {
    const json = setPath(
      fixture("calendly", "invitee-created"),
      "payload.scheduled_event.event_memberships",
      [
        { user: "https://api.calendly.com/users/HDBFAGAHHGGBCDEF", user_email: "Maya.Coach@example.com" },
        { user: "https://api.calendly.com/users/JKLMNPQRSTVWXYZ2", user_email: "leo.cocoach@example.com" },
        { user: "https://api.calendly.com/users/HDBFAGAHHGGBCDEF", user_email: "maya.coach@example.com" },
      ],
    );
    expect(bookingFrom(json)).toMatchObject({
      organizerEmails: ["maya.coach@example.com", "leo.cocoach@example.com"],
    });
  });

  it("falls back to first/last name, then the email's local part, when name is empty", () => {
    const json = setPath(fixture("calendly", "invitee-created"), "payload.name", null);
    setPath(json, "payload.first_name", "Dana");
    setPath(json, "payload.last_name", "Client");
    expect(bookingFrom(json)).toMatchObject({ attendee: { name: "Dana Client" } });
    setPath(json, "payload.first_name", null);
    setPath(json, "payload.last_name", null);
    expect(bookingFrom(json)).toMatchObject({ attendee: { name: "dana.client" } });
  });

  it("drops an unknown time zone instead of rejecting the booking", () => {
    const json = setPath(fixture("calendly", "invitee-created"), "payload.timezone", "Mars/Olympus_Mons");
    expect(bookingFrom(json)).toMatchObject({
      attendee: { name: "Dana Client", email: "dana.client@example.com" },
    });
    expect((bookingFrom(json) as { attendee: object }).attendee).not.toHaveProperty("timezone");
  });
});

describe("parseCalendlyWebhook: invalid payloads", () => {
  it.each([
    ["invitee-created", "payload.scheduled_event.start_time"],
    ["invitee-created", "payload.scheduled_event.end_time"],
    ["invitee-created", "payload.scheduled_event.event_memberships"],
    ["invitee-created", "payload.scheduled_event"],
    ["invitee-created", "payload.uri"],
    ["invitee-created", "payload.email"],
    ["invitee-created", "created_at"],
    ["invitee-canceled", "payload.rescheduled"],
    ["invitee-canceled", "payload.uri"],
    ["invitee-canceled", "created_at"],
  ])("%s without %s is rejected naming that field", (name, path) => {
    const json = setPath(fixture("calendly", name), path, undefined);
    expectValidationError(() => parseCalendlyWebhook(json), path);
  });

  it.each([
    ["payload.scheduled_event.start_time", "next Monday"],
    ["payload.scheduled_event.start_time", "2026-03-09T16:00:00"],
    ["payload.email", "not-an-email"],
    ["payload.uri", "not a uri"],
    ["payload.old_invitee", "http://insecure.example.com/invitees/X"],
    ["payload.scheduled_event.event_memberships", []],
    ["payload.scheduled_event.event_memberships.0.user_email", "maya"],
  ])("rejects %s = %j", (path, value) => {
    const json = setPath(fixture("calendly", "invitee-created"), path, value);
    expectValidationError(() => parseCalendlyWebhook(json), path);
  });

  it.each([
    ["before", "2026-03-09T15:30:00.000000Z"],
    ["equal to", "2026-03-09T16:00:00.000000Z"],
  ])("rejects an end %s the start, on the end field", (_label, end) => {
    const json = setPath(fixture("calendly", "invitee-created"), "payload.scheduled_event.end_time", end);
    const error = expectValidationError(() => parseCalendlyWebhook(json), "payload.scheduled_event.end_time");
    expect(error.fields).toHaveLength(1);
  });

  it.each([
    [null, ""],
    ["invitee.created", ""],
    [[], ""],
    [{}, "event"],
    [{ event: "" }, "event"],
    [{ event: 7 }, "event"],
  ])("rejects %j, which is no Calendly envelope (path %j)", (json, path) => {
    expectValidationError(() => parseCalendlyWebhook(json), path);
  });
});
