import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CONTRACTS,
  getContract,
  getTemplate,
  renderTemplate,
  TEMPLATES,
  toSesTemplate,
} from "../../../packages/core/src/email";

const NAMES = [
  "coach-recommendations",
  "intake-waitlisted",
  "admin-waitlist-alert",
  "booking-confirmation",
  "coach-brief",
  "prework-reminder",
  "agenda-reminder",
  "finish-nudge",
  "admin-unknown-coach",
  "admin-client-erased",
  "admin-unverified-booking",
  "booking-identity-check",
  "session-followup",
  "welcome-pricing",
  "intro-closing",
  "booking-nudge",
  "action-item-reminder",
  "continue-checkin",
  "new-session-link",
  "coach-sign-in",
  "intake-confirm-answers",
  "admin-answers-changed",
  "admin-sign-in",
];

describe("the template registry", () => {
  it("holds exactly the templates whose names are a contract", () => {
    expect(TEMPLATES.map((t) => t.name).sort()).toEqual([...NAMES].sort());
  });

  it("finds a template by name and refuses an unknown one", () => {
    expect(getTemplate("finish-nudge").name).toBe("finish-nudge");
    expect(() => getTemplate("no-such-template")).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(getContract("finish-nudge").name).toBe("finish-nudge");
    expect(() => getContract("no-such-template")).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("gives every contract exactly one template, in the same order, built on the contract itself", () => {
    expect(TEMPLATES.map((t) => t.name)).toEqual(CONTRACTS.map((c) => c.name));
    TEMPLATES.forEach((template, i) => {
      const contract = CONTRACTS[i]!;
      // The same schema and subject fields, not copies: a template's name and schema are written once.
      expect(template.schema).toBe(contract.schema);
      expect(template.subjectFields).toBe(contract.subjectFields);
      expect(getContract(template.name)).toBe(contract);
    });
  });
});

describe.each(TEMPLATES.map((t) => [t.name, t] as const))("template %s", (name, def) => {
  it("renders its sample into a subject, an HTML page and a plain-text body with the footer", () => {
    // Act
    const out = renderTemplate(name, def.sample);

    // Assess
    expect(out.subject.length).toBeGreaterThan(5);
    expect(out.subject).not.toMatch(/[\r\n{}]/);
    expect(out.html).toMatch(/^<!doctype html>/);
    expect(out.html).toContain("Tech Lead Coaching Network · sent by coachflow");
    expect(out.text).toContain("Tech Lead Coaching Network · sent by coachflow");
    expect(`${out.html}${out.text}`).not.toContain("{{");
  });

  it("has a plain-text part a person can read: no markup, no entities, no runs of blank lines", () => {
    const { text } = renderTemplate(name, def.sample);

    expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(text).not.toMatch(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i);
    expect(text).not.toMatch(/\n\s*\n\s*\n/);
    expect(text.split("\n").every((line) => line === line.trimEnd())).toBe(true);
  });

  it("converts to the SESv2 template shape unchanged", () => {
    expect(toSesTemplate(def)).toEqual({
      TemplateName: name,
      TemplateContent: { Subject: def.subject, Html: def.html, Text: def.text },
    });
  });

  it("takes no field for coach notes", () => {
    const schema = z.toJSONSchema(def.schema, { io: "input", unrepresentable: "any" });
    const keys = JSON.stringify(schema).match(/"[A-Za-z]+":/g) ?? [];
    expect(keys.filter((k) => /note/i.test(k))).toEqual([]);
    expect(`${def.subject}${def.html}${def.text}`).not.toMatch(/\{\{\{?[^}]*note/i);
  });
});

describe("template copy", () => {
  it("gives the client the booking link of every recommended coach and explains the intro session", () => {
    const def = getTemplate("coach-recommendations");
    const { html, text } = renderTemplate("coach-recommendations", def.sample);

    for (const coach of def.sample.coaches) {
      expect(text).toContain(coach.bookingUrl);
      expect(html).toContain(`href="${coach.bookingUrl.replaceAll("&", "&amp;")}"`);
    }
    expect(text).toContain("intro session");
  });

  it("describes the 25/25/10 rhythm for a regular session and the fit conversation for an intro", () => {
    const sample = getTemplate("booking-confirmation").sample;

    const intro = renderTemplate("booking-confirmation", { ...sample, kind: "intro" });
    const regular = renderTemplate("booking-confirmation", { ...sample, kind: "regular" });

    expect(intro.text).toContain("good fit");
    expect(intro.text).not.toContain("25 minutes");
    expect(regular.text).toContain("about 25 minutes to understand the problem");
    expect(regular.text).toContain("past two to four weeks");
  });

  it("labels starter sessions with their number", () => {
    const sample = getTemplate("coach-brief").sample;

    const out = renderTemplate("coach-brief", { ...sample, kind: "starter", starterNumber: 3 });

    expect(out.subject).toMatch(/^Coach brief: Starter session 3 of 7, /);
  });

  it("lists SMART goals only when some are documented", () => {
    const sample = getTemplate("coach-brief").sample;

    const without = renderTemplate("coach-brief", { ...sample, smartGoals: [] });
    const withGoals = renderTemplate("coach-brief", sample);

    expect(without.text).not.toContain("SMART");
    expect(withGoals.text).toContain("DOCUMENTED SMART GOALS\n- Delegate the on-call rota.");
  });
});
