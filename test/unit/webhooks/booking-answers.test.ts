import { describe, expect, it } from "vitest";
import {
  bookingEventSchema,
  parseCalcomWebhook,
  parseCalendlyWebhook,
} from "../../../packages/core/src/webhooks";
import { fixture, type Json, setPath } from "./support";

/*
 * What the person wrote in the booking form travels with the booking (decision 0030): it is all
 * a coach sees of someone who booked without the intake, or whose booking is unverified. An odd
 * form never fails a delivery: what is not text is left out, what is long is cut.
 */

const created = (parse: (json: unknown) => ReturnType<typeof parseCalendlyWebhook>, json: Json) => {
  const result = parse(json);
  if (result.kind !== "booking" || result.event.type !== "booking.created") throw new Error("not created");
  expect(bookingEventSchema.safeParse(result.event).success).toBe(true);
  return result.event;
};

describe("Calendly questions_and_answers", () => {
  const withQa = (qa: Json) =>
    setPath(fixture("calendly", "invitee-created"), "payload.questions_and_answers", qa);

  it("keeps each answered question, trimmed, in order", () => {
    const event = created(
      parseCalendlyWebhook,
      withQa([
        { question: " What brings you here? ", answer: " A new team ", position: 0 },
        { question: "Anything else?", answer: "", position: 1 },
        { question: "Company size", answer: "50", position: 2 },
      ]),
    );
    expect(event.answers).toEqual([
      { question: "What brings you here?", answer: "A new team" },
      { question: "Company size", answer: "50" },
    ]);
  });

  it("leaves out what is not there or not text, and never fails the delivery for it", () => {
    for (const qa of [
      null,
      "text",
      7,
      [],
      [null],
      [{ question: 3, answer: "x" }],
      [{ question: "Q", answer: {} }],
    ])
      expect(created(parseCalendlyWebhook, withQa(qa)).answers, JSON.stringify(qa)).toBeUndefined();
  });

  it("cuts long questions and answers and keeps at most 20", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      question: `Q${i} ${"q".repeat(300)}`,
      answer: "a".repeat(5000),
      position: i,
    }));
    const answers = created(parseCalendlyWebhook, withQa(many)).answers!;
    expect(answers).toHaveLength(20);
    expect(answers[0]!.question).toHaveLength(200);
    expect(answers[0]!.answer).toHaveLength(2000);
  });
});

describe("Cal.com responses", () => {
  const withResponses = (responses: Json) =>
    setPath(fixture("calcom", "booking-created"), "payload.responses", responses);

  it("keeps the form's own fields and the notes, not the name, email or location every booking has", () => {
    const event = created(
      parseCalcomWebhook,
      withResponses({
        name: { label: "your_name", value: "Dana Client" },
        email: { label: "email_address", value: "dana@example.com" },
        location: { label: "location", value: { optionValue: "", value: "integrations:daily" } },
        guests: { label: "additional_guests", value: ["x@example.com"] },
        notes: { label: "additional_notes", value: "Please call me Dee" },
        goals: { label: "What do you want from coaching?", value: "Speak up in planning" },
        topics: { label: "Topics", value: ["delegation", "feedback"] },
        firstTime: { label: "First coaching?", value: true },
        empty: { label: "Empty", value: "" },
        odd: "not an object",
      }),
    );
    expect(event.answers).toEqual([
      { question: "Additional notes", answer: "Please call me Dee" },
      { question: "What do you want from coaching?", answer: "Speak up in planning" },
      { question: "Topics", answer: "delegation, feedback" },
      { question: "First coaching?", answer: "true" },
    ]);
  });

  it("has no answers when the form asked nothing beyond the standard fields (the fixture)", () => {
    expect(created(parseCalcomWebhook, fixture("calcom", "booking-created")).answers).toBeUndefined();
    expect(created(parseCalcomWebhook, withResponses(null)).answers).toBeUndefined();
  });
});
