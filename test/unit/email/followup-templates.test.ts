import { describe, expect, it } from "vitest";
import {
  getTemplate,
  renderTemplate,
  TEMPLATES,
  type TemplateName,
  templateData,
} from "../../../packages/core/src/email";
import { failingFields } from "../../support/email";

const FOLLOWUP_TEMPLATES = [
  "session-followup",
  "welcome-pricing",
  "intro-closing",
  "booking-nudge",
  "action-item-reminder",
  "continue-checkin",
  "new-session-link",
] as const satisfies readonly TemplateName[];

const HOSTILE = "Tom & Jerry\r\nBcc: x@evil.test <script>alert(1)</script>";
const HOSTILE_HTML = "Tom &amp; Jerry\r\nBcc: x@evil.test &lt;script&gt;alert(1)&lt;/script&gt;";

const followup = getTemplate("session-followup").sample;
const [firstItem] = followup.actionItems;

describe("the finishing-a-meeting templates", () => {
  it("are registered after the existing ones, in a stable order", () => {
    // The coach workspace's sign-in email came right after them (then the intake confirmation's, 0029).
    const signIn = TEMPLATES.findIndex((t) => t.name === "coach-sign-in");
    expect(TEMPLATES.slice(signIn - FOLLOWUP_TEMPLATES.length, signIn).map((t) => t.name)).toEqual([
      ...FOLLOWUP_TEMPLATES,
    ]);
    expect(TEMPLATES.slice(signIn + 1).map((t) => t.name)).toEqual([
      "intake-confirm-answers",
      "admin-answers-changed",
    ]);
  });

  it.each(FOLLOWUP_TEMPLATES)("%s renders its sample with a fixed subject and the client's name", (name) => {
    const def = getTemplate(name);

    const out = renderTemplate(name, def.sample);

    expect(def.subjectFields).toEqual([]);
    expect(def.subject).not.toContain("{{");
    expect(out.subject).toBe(def.subject);
    expect(out.html).toMatch(/^<!doctype html>/);
    expect(out.html).toContain("Sam Rivera");
    expect(out.text).toContain("Sam Rivera");
    expect(out.text).toContain("Ada Mensah");
    expect(`${out.html}${out.text}`).not.toContain("{{");
  });

  it.each(FOLLOWUP_TEMPLATES)(
    "%s keeps hostile names out of the subject and escapes them in the HTML",
    (name) => {
      const def = getTemplate(name);

      const out = renderTemplate(name, { ...def.sample, clientName: HOSTILE, coachName: HOSTILE });

      expect(out.subject).toBe(def.subject);
      expect(out.subject).not.toMatch(/Tom|Bcc|evil|script|[\r\n]/);
      expect(out.html).not.toContain("<script>");
      expect(out.html).toContain(HOSTILE_HTML);
      expect(out.text).toContain(HOSTILE);
    },
  );
});

describe("session-followup", () => {
  it("thanks the client and lists the takeaways and each action item with its due date and done link", () => {
    const { html, text } = renderTemplate("session-followup", followup);

    expect(text).toContain("Thank you for your time");
    expect(text).toContain("Starter session 3 of 7 with Ada Mensah");
    for (const takeaway of followup.takeaways) expect(text).toContain(`- ${takeaway}`);
    for (const item of followup.actionItems) {
      expect(text).toContain(`- ${item.text}\n  Due ${item.dueLabel}. Mark as done:\n  ${item.doneUrl}\n`);
      expect(html).toContain(`<time datetime="${item.dueDate}">${item.dueLabel}</time>`);
      expect(html).toContain(`<a href="${item.doneUrl}">Mark as done</a>`);
    }
    expect(text).toContain("plans slip");
  });

  it("escapes a hostile takeaway and action item in the HTML and shows them as written in the text", () => {
    const data = {
      ...followup,
      takeaways: [HOSTILE],
      actionItems: [{ ...firstItem!, text: HOSTILE }],
    };

    const out = renderTemplate("session-followup", data);

    expect(out.html).not.toContain("<script>");
    expect(out.html.split(HOSTILE_HTML)).toHaveLength(3);
    expect(out.text).toContain(`- ${HOSTILE}\n`);
    expect(out.text).toContain(`- ${HOSTILE}\n  Due ${firstItem!.dueLabel}.`);
    expect(out.text).not.toContain("&amp;");
    expect(out.subject).toBe("Thank you for today's session");
  });

  it("asks a recurring client to book around the suggested date", () => {
    const { html, text } = renderTemplate("session-followup", followup);

    expect(text).toContain("You meet Ada Mensah every two weeks");
    expect(text).toContain("book your next session for around Tuesday, 16 June 2026");
    expect(text).toContain("https://cal.com/ada-mensah/session?name=Sam%20Rivera&email=sam%40example.com");
    expect(html).toContain(
      'href="https://cal.com/ada-mensah/session?name=Sam%20Rivera&amp;email=sam%40example.com"',
    );
    expect(text).not.toContain("monthly coaching package");
    expect(text).not.toContain("last session together");
  });

  it("suggests the monthly package to an ad-hoc client", () => {
    const url = "https://coachflow.example/packages/monthly?coach=ada";

    const { html, text } = renderTemplate("session-followup", {
      ...followup,
      next: { type: "ad-hoc", monthlyPackageUrl: url },
    });

    expect(text).toContain("monthly coaching package");
    expect(text).toContain(`See the monthly package:\n${url}\n`);
    expect(html).toContain(`href="${url}"`);
    expect(text).not.toContain("Book your next session");
    expect(text).not.toContain("last session together");
  });

  it("closes warmly when the coaching ends", () => {
    const { html, text } = renderTemplate("session-followup", { ...followup, next: { type: "end" } });

    expect(text).toContain("This was your last session together for now.");
    expect(html).toContain("This was your last session together for now.");
    expect(text).not.toContain("Book your next session");
    expect(text).not.toContain("monthly");
  });

  it("leaves out the takeaway and action item sections when there are none, without stray blank lines", () => {
    const { skill: _skill, ...withoutSkill } = followup;
    const { html, text } = renderTemplate("session-followup", {
      ...withoutSkill,
      takeaways: [],
      actionItems: [],
    });

    expect(text).not.toContain("KEY TAKEAWAYS");
    expect(text).not.toContain("ACTION ITEMS");
    expect(html).not.toContain("Mark as done");
    expect(text).toContain("in one place.\n\nWHAT COMES NEXT\n");
    expect(text).not.toMatch(/\n\s*\n\s*\n/);
  });

  it("opens with the program's intro and names the skill explored, escaped", () => {
    const { html, text } = renderTemplate("session-followup", {
      ...followup,
      intro: "Great work today <3",
      skill: "Delegation & trust",
    });

    expect(html).toContain("Great work today &lt;3");
    expect(html).toContain("The skill you explored today: <strong>Delegation &amp; trust</strong>.");
    expect(text).toContain("Great work today <3\n\nThe skill you explored today: Delegation & trust.\n");
  });

  it("rejects a done link that is not http(s), naming the field", () => {
    const data = { ...followup, actionItems: [{ ...firstItem!, doneUrl: "javascript:alert(1)" }] };

    expect(failingFields("session-followup", data)).toEqual(["actionItems.0.doneUrl"]);
  });

  it("rejects more than 50 action items and more than 20 takeaways", () => {
    const items = Array.from({ length: 51 }, () => firstItem!);
    const takeaways = Array.from({ length: 21 }, () => "x");

    expect(failingFields("session-followup", { ...followup, actionItems: items })).toEqual(["actionItems"]);
    expect(failingFields("session-followup", { ...followup, takeaways })).toEqual(["takeaways"]);
    expect(() =>
      templateData("session-followup", { ...followup, actionItems: items.slice(1) }),
    ).not.toThrow();
  });

  it("rejects a due date that is not an ISO date and an overlong takeaway", () => {
    const data = {
      ...followup,
      takeaways: ["x".repeat(501)],
      actionItems: [{ ...firstItem!, dueDate: "next Friday" }],
    };

    expect(failingFields("session-followup", data).sort()).toEqual(["actionItems.0.dueDate", "takeaways.0"]);
  });

  it("rejects an unknown next step, a recurring one without its booking link, and a starter without its number", () => {
    expect(failingFields("session-followup", { ...followup, next: { type: "pause" } })).toEqual([
      "next.type",
    ]);
    const { bookingUrl: _, ...noLink } = followup.next as { bookingUrl: string };
    expect(failingFields("session-followup", { ...followup, next: noLink })).toEqual(["next.bookingUrl"]);
    const { starterNumber: __, ...noNumber } = followup;
    expect(failingFields("session-followup", noNumber)).toEqual(["starterNumber"]);
  });

  it("refuses a due label that would break a line", () => {
    const data = { ...followup, actionItems: [{ ...firstItem!, dueLabel: "Friday\r\nBcc: x@evil.test" }] };

    expect(failingFields("session-followup", data)).toEqual(["actionItems.0.dueLabel"]);
  });
});

describe("the other finishing-a-meeting emails", () => {
  it("welcome-pricing links the pricing guide and the first booking", () => {
    const sample = getTemplate("welcome-pricing").sample;

    const { html, text } = renderTemplate("welcome-pricing", sample);

    expect(text).toContain(`Read the pricing guide:\n${sample.pricingUrl}\n`);
    expect(text).toContain("Book your first session:");
    expect(html).toContain(`href="${sample.pricingUrl}"`);
    expect(html).toContain(`href="${sample.bookingUrl.replaceAll("&", "&amp;")}"`);
    expect(failingFields("welcome-pricing", { ...sample, pricingUrl: "ftp://x.example/p" })).toEqual([
      "pricingUrl",
    ]);
  });

  it("intro-closing offers other coaches, with the application link only when there is one", () => {
    const { applyUrl, ...sample } = getTemplate("intro-closing").sample;

    const withLink = renderTemplate("intro-closing", { ...sample, applyUrl });
    const without = renderTemplate("intro-closing", sample);

    expect(withLink.text).toContain(`apply again with anything you would like to add:\n${applyUrl}\n`);
    expect(without.text).toContain("we will send you new recommendations.\n\nWe wish you");
    expect(without.html).not.toContain("apply again");
    expect(without.text).not.toMatch(/\n\s*\n\s*\n/);
  });

  it("booking-nudge and action-item-reminder end with a way to stop the reminders", () => {
    for (const name of ["booking-nudge", "action-item-reminder"] as const) {
      const sample = getTemplate(name).sample;

      const { html, text } = renderTemplate(name, sample);

      const footer = text.indexOf("\n--\n");
      expect(
        text.slice(0, footer).trimEnd().endsWith(`Stop these reminders:\n${sample.unsubscribeUrl}`),
      ).toBe(true);
      expect(html).toContain(`<a href="${sample.unsubscribeUrl.replaceAll("&", "&amp;")}"`);
      expect(failingFields(name, { ...sample, unsubscribeUrl: "javascript:void(0)" })).toEqual([
        "unsubscribeUrl",
      ]);
    }
  });

  it("action-item-reminder shows the item, its due date, the done link and that a slip is fine", () => {
    const sample = getTemplate("action-item-reminder").sample;

    const out = renderTemplate("action-item-reminder", {
      ...sample,
      item: { ...sample.item, text: HOSTILE },
    });

    expect(out.text).toContain(`- ${HOSTILE}\n  Due ${sample.item.dueLabel}\n`);
    expect(out.html).toContain(HOSTILE_HTML);
    expect(out.text).toContain(`Mark as done:\n${sample.doneUrl}\n`);
    expect(out.text).toContain("Bring it to your next session");
    expect(out.subject).toBe("Reminder: an action item is due soon");
  });

  it("continue-checkin offers two clear choices", () => {
    const sample = getTemplate("continue-checkin").sample;

    const { html, text } = renderTemplate("continue-checkin", sample);

    expect(text).toContain(`Yes, let's continue:\n${sample.continueUrl}\n`);
    expect(text).toContain(`I'd like to wrap up:\n${sample.endUrl}\n`);
    expect(html).toContain(`href="${sample.continueUrl}"`);
    expect(html).toContain(`href="${sample.endUrl}"`);
    expect(text).toContain("no wrong answer");
  });

  it("new-session-link and booking-nudge carry the booking link", () => {
    for (const name of ["new-session-link", "booking-nudge"] as const) {
      const sample = getTemplate(name).sample;

      const { text } = renderTemplate(name, sample);

      expect(text).toContain(`:\n${sample.bookingUrl}\n`);
      expect(failingFields(name, { ...sample, bookingUrl: "javascript:alert(1)" })).toEqual(["bookingUrl"]);
    }
  });
});
