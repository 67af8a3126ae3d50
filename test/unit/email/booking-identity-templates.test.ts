import { describe, expect, it } from "vitest";
import { getTemplate, renderTemplate } from "../../../packages/core/src/email";

/*
 * The emails of an unverified booking and the booking form's answers in the coach brief
 * (decision 0030): what the person typed when booking is untrusted text, escaped in HTML, kept
 * out of every subject, shown plainly in the text part.
 */

const EVE = "Eve\r\nBcc: x@evil.test <script>alert(1)</script>";
const EVE_HTML = "Eve\r\nBcc: x@evil.test &lt;script&gt;alert(1)&lt;/script&gt;";

describe("the booking identity emails", () => {
  it.each(["booking-identity-check", "admin-unverified-booking"] as const)(
    "%s escapes the name given on the booking and keeps it out of the subject",
    (name) => {
      const def = getTemplate(name);
      const out = renderTemplate(name, { ...def.sample, bookedName: EVE });
      expect(out.html).not.toContain("<script>");
      expect(out.html).toContain(EVE_HTML);
      expect(out.text).toContain(EVE);
      expect(out.subject).toBe(def.subject);
      expect(out.subject).not.toMatch(/Eve|script/);
    },
  );

  it("asks the address's owner with the signed link and says nothing is shared otherwise", () => {
    const def = getTemplate("booking-identity-check");
    const out = renderTemplate("booking-identity-check", def.sample);
    expect(out.text).toContain(def.sample.confirmUrl);
    expect(out.html).toContain(`href="${def.sample.confirmUrl}"`);
    expect(out.text).toContain("nothing of yours is shared");
  });

  it("shows the booking form's answers in the coach brief, escaped, and nothing when there are none", () => {
    const def = getTemplate("coach-brief");
    const answers = [{ question: "What brings you here?", answer: EVE }];
    const withAnswers = renderTemplate("coach-brief", { ...def.sample, bookingAnswers: answers });
    expect(withAnswers.html).toContain("What they wrote when booking");
    expect(withAnswers.html).toContain(EVE_HTML);
    expect(withAnswers.html).not.toContain("<script>");
    expect(withAnswers.text).toContain(`What brings you here?\n${EVE}`);
    const without = renderTemplate("coach-brief", def.sample);
    expect(without.html).not.toContain("What they wrote when booking");
    expect(without.text).not.toContain("WHAT THEY WROTE WHEN BOOKING");
  });
});
