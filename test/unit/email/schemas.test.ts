import { describe, expect, it } from "vitest";
import { getTemplate, templateData } from "../../../packages/core/src/email";
import type { AppError } from "../../../packages/core/src/errors";
import { failingFields } from "../../support/email";

const recommendations = getTemplate("coach-recommendations").sample;
const [firstCoach] = recommendations.coaches;

describe("template data validation", () => {
  it("rejects a booking link that is not http(s), naming the field", () => {
    const data = { ...recommendations, coaches: [{ ...firstCoach, bookingUrl: "javascript:alert(1)" }] };

    expect(failingFields("coach-recommendations", data)).toEqual(["coaches.0.bookingUrl"]);
  });

  it("rejects an empty list and more than three coaches", () => {
    expect(failingFields("coach-recommendations", { ...recommendations, coaches: [] })).toEqual(["coaches"]);
    const four = Array.from({ length: 4 }, () => firstCoach);
    expect(failingFields("coach-recommendations", { ...recommendations, coaches: four })).toEqual([
      "coaches",
    ]);
  });

  it("rejects a missing name and a missing program name", () => {
    const { clientName: _, programName: __, ...rest } = getTemplate("intake-waitlisted").sample;

    expect(failingFields("intake-waitlisted", rest).sort()).toEqual(["clientName", "programName"]);
  });

  it("requires the number of a starter session", () => {
    const sample = getTemplate("booking-confirmation").sample;

    expect(failingFields("booking-confirmation", { ...sample, kind: "starter" })).toEqual(["starterNumber"]);
  });

  it("rejects a session time that would break a subject line", () => {
    const sample = getTemplate("prework-reminder").sample;

    expect(
      failingFields("prework-reminder", { ...sample, sessionTime: "Tue 17:00\r\nBcc: x@evil.test" }),
    ).toEqual(["sessionTime"]);
  });

  it("rejects what is not a client id in the admin alert", () => {
    const sample = getTemplate("admin-waitlist-alert").sample;

    expect(failingFields("admin-waitlist-alert", { ...sample, clientId: "Eve <eve@evil.test>" })).toEqual([
      "clientId",
    ]);
  });

  it("rejects a malformed agenda and SMART goal date in the coach brief", () => {
    const sample = getTemplate("coach-brief").sample;
    const data = {
      ...sample,
      agenda: { title: "x", sections: [{ heading: "", points: [] }] },
      smartGoals: [{ text: "a", measure: "b", targetDate: "next month" }],
    };

    expect(failingFields("coach-brief", data).sort()).toEqual([
      "agenda.sections.0.heading",
      "smartGoals.0.targetDate",
    ]);
  });

  it("does not echo the rejected value in the error", () => {
    const sample = getTemplate("admin-unknown-coach").sample;

    try {
      templateData("admin-unknown-coach", { ...sample, organizerEmail: "not-an-email secret@x" });
      expect.unreachable();
    } catch (error) {
      expect(JSON.stringify({ m: (error as Error).message, f: (error as AppError).fields })).not.toContain(
        "secret",
      );
    }
  });

  it("returns the validated values and an HTML-escaped copy for SES", () => {
    const sample = getTemplate("intake-waitlisted").sample;

    const data = templateData("intake-waitlisted", { ...sample, clientName: "Tom & Jerry" });

    expect(data.text.clientName).toBe("Tom & Jerry");
    expect(data.html.clientName).toBe("Tom &amp; Jerry");
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
