import { describe, expect, it } from "vitest";
import { checkSettingsForm } from "../../../packages/core/src/admin/settings-admin";
import {
  idFromLabel,
  settingsCandidate,
  settingsForm,
  settingsFormFromPost,
} from "../../../packages/core/src/admin/settings-form";
import { DEFAULT_PROGRAM_SETTINGS } from "../../../packages/core/src/program/defaults";

describe("the settings form", () => {
  it("gives back exactly the document it was made from: an unchanged save changes nothing", () => {
    const checked = checkSettingsForm(settingsForm(DEFAULT_PROGRAM_SETTINGS));
    expect(checked).toEqual({ ok: true, settings: DEFAULT_PROGRAM_SETTINGS });
  });

  it("leaves out empty rows and rows ticked for removal, and makes a new row's id from its label", () => {
    const form = {
      ...settingsForm(DEFAULT_PROGRAM_SETTINGS),
      "coachingStyles.1.remove": "yes",
      "coachingStyles.8.label": "Tech Lead Manager ",
      "coachingStyles.8.id": "",
      "coachingStyles.8.aliases": "TLM, , tech lead mgr",
      "coachingStyles.9.label": "",
      "coachingStyles.9.id": " ",
      "coachingStyles.9.aliases": "",
    };
    const checked = checkSettingsForm(form);
    expect(checked.ok).toBe(true);
    const styles = checked.ok ? checked.settings.coachingStyles : [];
    expect(styles.map((s) => s.id)).toEqual([
      "supportive",
      "structured",
      "exploratory",
      "practical",
      "reflective",
      "directive",
      "holistic",
      "tech-lead-manager",
    ]);
    expect(styles.at(-1)).toEqual({
      id: "tech-lead-manager",
      label: "Tech Lead Manager",
      aliases: ["TLM", "tech lead mgr"],
    });
  });

  it("numbers its messages by the form's rows, and names the input each belongs to", () => {
    const form = {
      ...settingsForm(DEFAULT_PROGRAM_SETTINGS),
      // Row 2 is removed, so the document's third style is the form's fourth row.
      "coachingStyles.1.remove": "yes",
      "coachingStyles.3.label": "",
      "topics.4.keywords": `ok, ${"x".repeat(61)}`,
      "matchingWeights.topics": "lots",
      "agendaTemplates.intro.sections.2.points": `fine\n${"y".repeat(501)}`,
      "emailCopy.welcomeIntro": "  ",
    };
    const checked = checkSettingsForm(form);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.errors).toEqual([
      { field: "coachingStyles.3.label", message: "Enter the label of coaching style 4" },
      { field: "topics.4.keywords", message: "Topic 5: keyword 2 must be 60 characters or fewer" },
      { field: "matchingWeights.topics", message: "The weight of topics must be a number" },
      {
        field: "agendaTemplates.intro.sections.2.points",
        message: "Intro agenda section 3: point 2 must be 500 characters or fewer",
      },
      { field: "emailCopy.welcomeIntro", message: "Enter the opening of the welcome email" },
    ]);
  });

  it("puts the rule of the weights as a whole at the load's weight", () => {
    const checked = checkSettingsForm({
      ...settingsForm(DEFAULT_PROGRAM_SETTINGS),
      "matchingWeights.load": "0",
    });
    expect(checked.ok ? [] : checked.errors).toEqual([
      {
        field: "matchingWeights.load",
        message:
          "Matching weights must give load a weight above 0, so that every score has something to weigh",
      },
    ]);
  });

  it("refuses a list left empty, at the list's first row", () => {
    const form = settingsForm(DEFAULT_PROGRAM_SETTINGS);
    for (let i = 0; i < DEFAULT_PROGRAM_SETTINGS.seniorityLevels.length; i++)
      form[`seniorityLevels.${i}.remove`] = "yes";
    const checked = checkSettingsForm(form);
    expect(checked.ok ? [] : checked.errors).toEqual([
      { field: "seniorityLevels.0.id", message: "Choose at least one of the seniority levels" },
    ]);
  });

  it("keeps only the settings' own fields of a post, and no row beyond the longest list", () => {
    const form = settingsFormFromPost({
      "coachingStyles.0.label": "Warm",
      "coachingStyles.0.colour": "red",
      "coachingStyles.999.label": "Far",
      "skills.0.name": ["Delegation", "ignored"],
      "agendaTemplates.intro.sections.1.points": "a\nb",
      "agendaTemplates.nope.title": "x",
      "matchingWeights.load": "10",
      version: '"v3"',
    });
    expect(form).toEqual({
      "coachingStyles.0.label": "Warm",
      "skills.0.name": "Delegation",
      "agendaTemplates.intro.sections.1.points": "a\nb",
      "matchingWeights.load": "10",
    });
    expect(settingsCandidate(form).candidate.coachingStyles).toEqual([{ id: "warm", label: "Warm" }]);
  });

  it("makes slugs of labels", () => {
    expect(idFromLabel("Tech Lead Manager")).toBe("tech-lead-manager");
    expect(idFromLabel("  Échange — ouvert! ")).toBe("echange-ouvert");
    expect(idFromLabel("???")).toBe("");
  });
});
