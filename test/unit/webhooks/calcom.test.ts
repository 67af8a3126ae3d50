import { describe, expect, it } from "vitest";
import { bookingEventSchema, parseCalcomWebhook } from "../../../packages/core/src/webhooks";
import { expectValidationError, fixture, setPath } from "./support";

const FIRST_UID = "k3Ztq8WmP2xVnR7cLd4HsA";
const MOVED_UID = "9pQvT2eXbN6mJ4rYw8LcKs";

const parse = (name: string) => parseCalcomWebhook(fixture("calcom", name));
const bookingFrom = (json: unknown) => {
  const result = parseCalcomWebhook(json);
  if (result.kind !== "booking") throw new Error(`${result.eventName} was ignored`);
  return result.event;
};
const bookingOf = (name: string) => bookingFrom(fixture("calcom", name));

describe("parseCalcomWebhook: fixtures", () => {
  it("maps BOOKING_CREATED to booking.created, hosts from organizer and team members", () => {
    expect(parse("booking-created")).toStrictEqual({
      kind: "booking",
      event: {
        type: "booking.created",
        provider: "calcom",
        bookingId: FIRST_UID,
        startsAt: "2026-03-09T16:00:00.000Z",
        endsAt: "2026-03-09T16:30:00.000Z",
        attendee: { name: "Dana Client", email: "dana.client@example.com", timezone: "Europe/Berlin" },
        organizerEmails: ["maya.coach@example.com", "leo.cocoach@example.com"],
        correlationToken: "cft_8Kq2mZx7Lp4Wv9Rt",
        title: "Intro session between Maya Coach and Dana Client",
        occurredAt: "2026-03-02T14:05:10.538Z",
      },
    });
  });

  it("maps BOOKING_RESCHEDULED to booking.created of the new uid, replacing rescheduleUid", () => {
    expect(bookingOf("booking-rescheduled")).toStrictEqual({
      type: "booking.created",
      provider: "calcom",
      bookingId: MOVED_UID,
      replacesBookingId: FIRST_UID,
      startsAt: "2026-03-12T17:00:00.000Z",
      endsAt: "2026-03-12T17:30:00.000Z",
      attendee: { name: "Dana Client", email: "dana.client@example.com", timezone: "Europe/Berlin" },
      organizerEmails: ["maya.coach@example.com", "leo.cocoach@example.com"],
      title: "Intro session between Maya Coach and Dana Client",
      occurredAt: "2026-03-05T09:12:44.107Z",
    });
  });

  it("maps BOOKING_CANCELLED to booking.cancelled with the reason", () => {
    expect(bookingOf("booking-cancelled")).toStrictEqual({
      type: "booking.cancelled",
      provider: "calcom",
      bookingId: MOVED_UID,
      rescheduled: false,
      reason: "Family emergency, I'll reach out to rebook.",
      occurredAt: "2026-03-10T08:01:26.912Z",
    });
  });

  it("links the reschedule to the booking it replaces, and the cancellation to the new booking", () => {
    const created = bookingOf("booking-created");
    const moved = bookingOf("booking-rescheduled");
    const cancelled = bookingOf("booking-cancelled");
    expect(moved.type === "booking.created" && moved.replacesBookingId).toBe(created.bookingId);
    expect(moved.bookingId).not.toBe(created.bookingId);
    expect(cancelled.bookingId).toBe(moved.bookingId);
  });

  it("ignores triggers that are not booking changes", () => {
    expect(parse("meeting-ended")).toEqual({ kind: "ignored", eventName: "MEETING_ENDED" });
    for (const trigger of ["PING", "BOOKING_REQUESTED", "BOOKING_PAID", "BOOKING_NO_SHOW_UPDATED"]) {
      const json = setPath(fixture("calcom", "booking-created"), "triggerEvent", trigger);
      expect(parseCalcomWebhook(json)).toEqual({ kind: "ignored", eventName: trigger });
    }
  });

  it.each(["booking-created", "booking-rescheduled", "booking-cancelled"])(
    "produces an event that satisfies the neutral schema (%s)",
    (name) => {
      expect(bookingEventSchema.parse(bookingOf(name))).toStrictEqual(bookingOf(name));
    },
  );
});

describe("parseCalcomWebhook: details", () => {
  it("uses only the organizer when the event has no team", () => {
    const json = setPath(fixture("calcom", "booking-created"), "payload.team", undefined);
    expect(bookingFrom(json)).toMatchObject({ organizerEmails: ["maya.coach@example.com"] });
  });

  it("accepts team members as plain strings (the docs' String[]) and keeps only emails", () => {
    const json = setPath(fixture("calcom", "booking-created"), "payload.team.members", [
      "Leo.Cocoach@example.com",
      "Leo Cocoach",
      { name: "Maya again", email: "maya.coach@example.com" },
      { name: "No email" },
    ]);
    expect(bookingFrom(json)).toMatchObject({
      organizerEmails: ["maya.coach@example.com", "leo.cocoach@example.com"],
    });
  });

  it("takes the first attendee; guests after it are not the client", () => {
    const json = fixture("calcom", "booking-created");
    setPath(json, "payload.attendees.1", { name: "Guest", email: "guest@example.com", timeZone: "UTC" });
    expect(bookingFrom(json)).toMatchObject({ attendee: { email: "dana.client@example.com" } });
  });

  it("ignores a metadata token that is not a URL-safe string", () => {
    for (const value of [42, true, null, "", "two words"]) {
      const json = setPath(fixture("calcom", "booking-created"), "payload.metadata.coachflow", value);
      expect(bookingFrom(json)).not.toHaveProperty("correlationToken");
    }
    const noMetadata = setPath(fixture("calcom", "booking-created"), "payload.metadata", undefined);
    expect(bookingFrom(noMetadata)).not.toHaveProperty("correlationToken");
  });

  it("normalizes times with an offset to UTC", () => {
    const json = fixture("calcom", "booking-created");
    setPath(json, "payload.startTime", "2026-03-09T17:00:00+01:00");
    setPath(json, "payload.endTime", "2026-03-09T16:30:00.000Z");
    expect(bookingFrom(json)).toMatchObject({
      startsAt: "2026-03-09T16:00:00.000Z",
      endsAt: "2026-03-09T16:30:00.000Z",
    });
  });

  it("does not read rescheduleUid on BOOKING_CREATED", () => {
    const json = setPath(fixture("calcom", "booking-created"), "payload.rescheduleUid", "zzz");
    expect(bookingFrom(json)).not.toHaveProperty("replacesBookingId");
  });

  it("links a cancellation that names its successor in rescheduledToUid", () => {
    const json = setPath(fixture("calcom", "booking-cancelled"), "payload.rescheduledToUid", "nextUid123");
    expect(bookingFrom(json)).toMatchObject({ rescheduled: true, replacedByBookingId: "nextUid123" });
  });

  it("treats a host's request to reschedule as a plain cancellation (no successor exists yet)", () => {
    const json = setPath(fixture("calcom", "booking-cancelled"), "payload.requestReschedule", true);
    setPath(json, "payload.rescheduledToUid", null);
    expect(bookingFrom(json)).toMatchObject({ rescheduled: false });
    expect(bookingFrom(json)).not.toHaveProperty("replacedByBookingId");
  });

  it("leaves out a blank cancellation reason", () => {
    const json = setPath(fixture("calcom", "booking-cancelled"), "payload.cancellationReason", "   ");
    expect(bookingFrom(json)).not.toHaveProperty("reason");
  });
});

describe("parseCalcomWebhook: invalid payloads", () => {
  it.each([
    ["booking-created", "payload.uid"],
    ["booking-created", "payload.startTime"],
    ["booking-created", "payload.endTime"],
    ["booking-created", "payload.organizer"],
    ["booking-created", "payload.organizer.email"],
    ["booking-created", "payload.attendees"],
    ["booking-created", "payload.attendees.0.email"],
    ["booking-created", "createdAt"],
    ["booking-rescheduled", "payload.rescheduleUid"],
    ["booking-rescheduled", "payload.startTime"],
    ["booking-cancelled", "payload.uid"],
    ["booking-cancelled", "createdAt"],
  ])("%s without %s is rejected naming that field", (name, path) => {
    const json = setPath(fixture("calcom", name), path, undefined);
    expectValidationError(() => parseCalcomWebhook(json), path);
  });

  it.each([
    ["payload.attendees", []],
    ["payload.attendees.0.email", "dana"],
    ["payload.startTime", "2026-03-09 16:00"],
    ["payload.uid", ""],
    ["payload.metadata", "not an object"],
  ])("rejects %s = %j", (path, value) => {
    const json = setPath(fixture("calcom", "booking-created"), path, value);
    expectValidationError(() => parseCalcomWebhook(json), path);
  });

  it.each([
    ["booking-created", "2026-03-09T15:59:59Z"],
    ["booking-created", "2026-03-09T16:00:00Z"],
    ["booking-rescheduled", "2026-03-12T16:00:00Z"],
  ])("%s with endTime %s (not after the start) is rejected on payload.endTime", (name, end) => {
    const json = setPath(fixture("calcom", name), "payload.endTime", end);
    expectValidationError(() => parseCalcomWebhook(json), "payload.endTime");
  });

  it.each([
    [null, ""],
    [[], ""],
    [{ payload: {} }, "triggerEvent"],
    [{ triggerEvent: "" }, "triggerEvent"],
  ])("rejects %j, which is no Cal.com envelope (path %j)", (json, path) => {
    expectValidationError(() => parseCalcomWebhook(json), path);
  });
});
