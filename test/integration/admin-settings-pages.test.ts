import { beforeAll, describe, expect, it } from "vitest";
import { SesTemplatePreview } from "../../packages/core/src/adapters/ses/template-preview";
import { settingsForm } from "../../packages/core/src/admin/settings-form";
import { emailPreviewData, emailPreviewInput } from "../../packages/core/src/admin/settings-preview";
import { renderTemplate } from "../../packages/core/src/email";
import { DEFAULT_PROGRAM_SETTINGS } from "../../packages/core/src/program/defaults";
import { adminBrowser, fieldErrorOf, inputValue, isChecked, summaryOf, textOf } from "../support/admin-app";
import { addCoach } from "../support/coaching";
import { call } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import type { WebBrowser } from "../support/web";

/**
 * The admin console's settings page (issue 13) on the Hono app against DynamoDB Local and the SES
 * emulator: the program's words in one form without JavaScript, previewed before saving through
 * the real templates, saved with the API's If-Match rule and its 409 for a word still in use.
 */

let stack: TestStack;
let admin: WebBrowser;

beforeAll(async () => {
  stack = await startTestStack();
  admin = adminBrowser(stack);
});

/** The settings page's form as the browser would post it back: every input as shown. */
async function openSettings(): Promise<{ form: Record<string, string>; version: string; html: string }> {
  const page = await admin.get("/admin/settings");
  expect(page.status).toBe(200);
  const version = /name="version" value="([^"]*)"/.exec(page.text)?.[1];
  const program = await call(stack.app, "GET", "/v1/program", undefined, adminHeaders);
  const { version: _v, updatedAt: _u, ...settings } = program.body;
  return {
    form: settingsForm(settings),
    version: (version ?? "").replace(/&quot;/g, '"'),
    html: page.text,
  };
}

const readSettings = async () => (await call(stack.app, "GET", "/v1/program", undefined, adminHeaders)).body;
const styleRow = (form: Record<string, string>, id: string) =>
  Number(
    Object.entries(form)
      .find(([k, v]) => /^coachingStyles\.\d+\.id$/.test(k) && v === id)![0]
      .split(".")[1],
  );

describe("the settings form", () => {
  it("shows the stored settings in fields, with the version the save will send as If-Match", async () => {
    const { html, version } = await openSettings();
    expect(version).toBe('"v0"');
    expect(inputValue(html, "coachingStyles-0-label")).toBe("Supportive");
    expect(inputValue(html, "coachingStyles-0-aliases")).toBe("encouraging, empathetic");
    expect(inputValue(html, "matchingWeights-topics")).toBe("35");
    expect(textOf(html, "agendaTemplates-intro-sections-0-points")).toContain(
      "Review the client's background",
    );
    expect(textOf(html, "emailCopy-welcomeIntro")).toContain("{{coach}} enjoyed getting to know you");
    // One empty row to add a style, labelled for what it is.
    const next = DEFAULT_PROGRAM_SETTINGS.coachingStyles.length;
    expect(inputValue(html, `coachingStyles-${next}-label`)).toBe("");
    expect(html).toContain(`<span class="visually-hidden"> of coaching style ${next + 1}</span>`);
  });

  it("saves an edited style, and the coach form and the coaches API then accept it", async () => {
    const { form, version } = await openSettings();
    const next = DEFAULT_PROGRAM_SETTINGS.coachingStyles.length;
    const supportive = styleRow(form, "supportive");
    const res = await admin.post("/admin/settings", {
      ...form,
      version,
      [`coachingStyles.${supportive}.label`]: "Warm and supportive",
      [`coachingStyles.${next}.label`]: "Socratic",
      [`coachingStyles.${next}.id`]: "",
      [`coachingStyles.${next}.aliases`]: "question-led, by questions",
    });
    expect(
      res.status,
      summaryOf(res.text)
        .map((e) => e.text)
        .join("; "),
    ).toBe(303);
    expect(res.location).toBe("/admin/settings?saved=1");
    expect((await admin.get(res.location!)).text).toContain("The settings are saved (version 1).");

    const stored = await readSettings();
    expect(stored.version).toBe(1);
    expect(stored.coachingStyles).toContainEqual({
      id: "socratic",
      label: "Socratic",
      aliases: ["question-led", "by questions"],
    });
    expect(stored.coachingStyles[supportive].label).toBe("Warm and supportive");

    // The coach form offers the new style and creates a coach with it.
    const newCoach = await admin.get("/admin/coaches/new");
    expect(newCoach.text).toContain('<option value="socratic">Socratic</option>');
    expect(newCoach.text).toContain('<option value="supportive">Warm and supportive</option>');
    const created = await admin.post("/admin/coaches/new", {
      name: "Sofia Petrova",
      email: uniqueEmail("sofia"),
      bio: "Asks the questions that move you.",
      specialties: ["leadership"],
      languages: "en",
      timezone: "UTC",
      capacity: "4",
      style: "socratic",
      seniorityLevels: ["lead"],
      bookingProvider: "calendly",
      bookingUrl: "https://calendly.com/sofia/intro",
      pricingUrl: "https://sofia.example/pricing",
      active: "yes",
    });
    expect(
      created.status,
      summaryOf(created.text)
        .map((e) => e.text)
        .join("; "),
    ).toBe(303);
    // The API takes the new label and its aliases too.
    const api = await addCoach(stack, { style: "By Questions" });
    const apiCoach = await call(stack.app, "GET", `/v1/coaches/${api.id}`, undefined, adminHeaders);
    expect(apiCoach.body.style).toBe("socratic");
    const warm = await addCoach(stack, { style: "warm and supportive" });
    expect((await call(stack.app, "GET", `/v1/coaches/${warm.id}`, undefined, adminHeaders)).body.style).toBe(
      "supportive",
    );
  });

  it("refuses a save over a version someone else saved meanwhile (412), saying so and keeping what was typed", async () => {
    const { form, version } = await openSettings();
    // Another admin saves through the API first.
    const other = await readSettings();
    const { version: _v, updatedAt: _u, ...settings } = other;
    const put = await call(
      stack.app,
      "PUT",
      "/v1/program",
      { ...settings, emailCopy: { ...settings.emailCopy, followupIntro: "Their words." } },
      { ...adminHeaders, "if-match": version },
    );
    expect(put.status).toBe(200);

    const res = await admin.post("/admin/settings", {
      ...form,
      version,
      "emailCopy.followupIntro": "My words, typed carefully.",
      "coachingStyles.0.label": "Kind",
    });
    expect(res.status).toBe(412);
    const [stale] = summaryOf(res.text);
    expect(stale!.text).toMatch(
      /^Someone saved the program settings after you opened this page, so yours were not saved/,
    );
    expect(stale!.href).toBe("reload-settings");
    expect(res.text).toContain('id="reload-settings"');
    expect(res.text).toContain('<a href="/admin/settings">Open the current settings</a>');
    expect(textOf(res.text, "emailCopy-followupIntro")).toBe("My words, typed carefully.");
    expect(inputValue(res.text, "coachingStyles-0-label")).toBe("Kind");
    // The version stays the one read: pressing Save again is refused again, not a silent overwrite.
    expect(res.text).toContain(`name="version" value="${version.replace(/"/g, "&quot;")}"`);

    const now = await readSettings();
    expect(now.emailCopy.followupIntro).toBe("Their words.");
    expect(now.version).toBe(other.version + 1);
  });

  it("refuses to remove a style coaches use with the API's 409, in words at the row's Remove box", async () => {
    const coach = await addCoach(stack, { style: "socratic" });
    const { form, version } = await openSettings();
    const row = styleRow(form, "socratic");
    const res = await admin.post("/admin/settings", {
      ...form,
      version,
      [`coachingStyles.${row}.remove`]: "yes",
    });

    expect(res.status).toBe(409);
    const message =
      /^The coaching style "Socratic" is used by \d+ coaches and 0 clients: keep it, or change those first$/;
    const [error] = summaryOf(res.text);
    expect(error!.text).toMatch(message);
    expect(error!.href).toBe(`coachingStyles-${row}-remove`);
    expect(fieldErrorOf(res.text, `coachingStyles-${row}-remove`)).toMatch(message);
    expect(isChecked(res.text, `coachingStyles-${row}-remove`)).toBe(true);
    expect((await readSettings()).coachingStyles.map((s: { id: string }) => s.id)).toContain("socratic");
    expect(coach.id).toBeTruthy();
  });

  it("shows invalid settings at their fields, numbered as the page numbers its rows, and saves nothing", async () => {
    const { form, version } = await openSettings();
    const before = (await readSettings()).version;
    const res = await admin.post("/admin/settings", {
      ...form,
      version,
      "seniorityLevels.2.label": "",
      "matchingWeights.style": "a lot",
      "agendaTemplates.regular.title": "",
    });
    expect(res.status).toBe(400);
    expect(summaryOf(res.text)).toEqual([
      { href: "seniorityLevels-2-label", text: "Enter the label of seniority level 3" },
      { href: "matchingWeights-style", text: "The weight of coaching style must be a number" },
      { href: "agendaTemplates-regular-title", text: "Enter the title of the regular session agenda" },
    ]);
    expect(fieldErrorOf(res.text, "matchingWeights-style")).toBe(
      "The weight of coaching style must be a number",
    );
    expect(inputValue(res.text, "matchingWeights-style")).toBe("a lot");
    expect((await readSettings()).version).toBe(before);
  });
});

describe("the preview", () => {
  it("renders an agenda and an email from what was typed, through the stored template, and stores nothing", async () => {
    const { form, version } = await openSettings();
    const before = await readSettings();
    const res = await admin.post("/admin/settings/preview", {
      ...form,
      version,
      "agendaTemplates.starterMiddle.title": "{{session}}: our own way",
      "skills.0.name": "Delegation",
      "skills.0.description": "Handing work off & letting it go.",
      "emailCopy.followupIntro": "Thanks from {{coach}} — “see you” <soon>.",
      previewAgenda: "starter-3",
      previewEmail: "session-followup",
    });
    expect(res.status).toBe(200);
    const preview = /<section id="preview"[\s\S]*?<\/section>/.exec(res.text)?.[0] ?? "";
    expect(preview).toContain("Starter session 3 of 7: our own way");
    expect(preview).toContain("Skill: Delegation — Handing work off &amp; letting it go.");
    expect(preview).toContain("Subject</dt><dd>Thank you for today&#39;s session</dd>");
    // The coach's name in place of {{coach}}, the text escaped once on the page.
    expect(preview).toContain("Thanks from Ada Mensah — “see you” &lt;soon&gt;.");
    // The typed values stay in the form, and nothing was saved.
    expect(textOf(res.text, "emailCopy-followupIntro")).toBe("Thanks from {{coach}} — “see you” <soon>.");
    expect(res.text).toMatch(/<option value="starter-3" selected="">/);
    expect((await readSettings()).version).toBe(before.version);
  });

  it("shows the settings' errors instead of a preview when they are not valid", async () => {
    const { form, version } = await openSettings();
    const res = await admin.post("/admin/settings/preview", {
      ...form,
      version,
      "emailCopy.welcomeIntro": "",
    });
    expect(res.status).toBe(400);
    expect(summaryOf(res.text)).toEqual([
      { href: "emailCopy-welcomeIntro", text: "Enter the opening of the welcome email" },
    ]);
    expect(res.text).not.toContain('id="preview"');
  });

  it("shows what SES renders, the same bytes as the local renderer of npm run templates:preview", async () => {
    const settings = {
      ...DEFAULT_PROGRAM_SETTINGS,
      emailCopy: {
        followupIntro: "Café — “quotes” & <b>tags</b> {{coach}}",
        welcomeIntro: "Welcome, from {{coach}}.",
      },
      skills: [{ id: "feedback", name: "Feedback", description: "Giving it kindly." }],
    };
    const ses = new SesTemplatePreview(stack.deps.aws.ses);
    for (const which of ["session-followup", "welcome-pricing"] as const) {
      const { input, footer } = emailPreviewInput(settings, which, "Tech Lead Coaching Network");
      const local = renderTemplate(which, input, footer);
      const rendered = await ses.render(
        which,
        emailPreviewData(settings, which, "Tech Lead Coaching Network"),
      );
      expect(rendered.subject).toBe(local.subject);
      expect(rendered.text.trim()).toBe(local.text.trim());
      expect(rendered.html?.trim()).toBe(local.html.trim());
    }
  });
});

describe("the preview when SES cannot render", () => {
  it("still previews the agenda, says the email is not available, and logs why without the copy", async () => {
    const offline = await startTestStack({ env: { SES_ENDPOINT: "http://127.0.0.1:9" }, templates: false });
    const browser = adminBrowser(offline);
    const form = settingsForm(DEFAULT_PROGRAM_SETTINGS);
    const res = await browser.post("/admin/settings/preview", {
      ...form,
      version: '"v0"',
      "emailCopy.followupIntro": "Private words of the program.",
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Intro session");
    expect(res.text).toContain("The email preview is not available right now");
    const warning = offline.logs.find((l) => l.includes("email preview failed"));
    expect(warning).toBeDefined();
    expect(warning).not.toContain("Private words");
    await offline.scheduler.stop();
  });
});
