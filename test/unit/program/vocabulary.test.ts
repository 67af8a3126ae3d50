import { describe, expect, it } from "vitest";
import { AppError } from "../../../packages/core/src/errors";
import { INTAKE_LABELS } from "../../../packages/core/src/intake/schema";
import { resolveIntakeTerms } from "../../../packages/core/src/intake/service";
import { DEFAULT_PROGRAM_SETTINGS, defaultProgram } from "../../../packages/core/src/program/defaults";
import { Program } from "../../../packages/core/src/program/program";
import { TermResolver } from "../../../packages/core/src/program/resolve";
import { programSettingsSchema, termKey } from "../../../packages/core/src/program/schema";
import * as z from "../../../packages/core/src/shared/zod";
import { sampleIntake } from "../../../packages/local/src/demo/intake";

const program = new Program(
  {
    ...DEFAULT_PROGRAM_SETTINGS,
    coachingStyles: [
      { id: "reflective", label: "Reflective", aliases: ["introspective"] },
      { id: "directive", label: "Directive" },
    ],
  },
  3,
  "2026-03-01T00:00:00.000Z",
);

describe("termKey", () => {
  it("makes case, spacing, hyphens and underscores one word", () => {
    const keys = ["Tech Lead", "tech-lead", "tech lead", "  TECH_LEAD ", "Tech–Lead", "techlead"].map(
      termKey,
    );

    expect(new Set(keys)).toEqual(new Set(["techlead"]));
    expect(termKey("Tech Lead")).not.toBe(termKey("Tech Leads"));
  });
});

describe("Program.resolve", () => {
  it("finds the id by id, label or alias, in any spelling", () => {
    for (const word of ["lead", "Tech Lead", "tech-lead", "TEAM LEAD", "technical_lead"]) {
      expect(defaultProgram.resolve("seniorityLevels", word), word).toBe("lead");
    }
    expect(program.resolve("coachingStyles", "Introspective")).toBe("reflective");
    expect(defaultProgram.resolve("topics", "Handling conflict")).toBe("conflict");
  });

  it("knows only the program's words", () => {
    expect(program.resolve("coachingStyles", "supportive")).toBeUndefined();
    expect(defaultProgram.resolve("seniorityLevels", "wizard")).toBeUndefined();
  });
});

describe("TermResolver", () => {
  it("answers ids, dropping words that name the same id twice", () => {
    const terms = new TermResolver(defaultProgram);

    expect(terms.many("seniorityLevels", ["Tech Lead", "lead", "Senior"], ["seniorityLevels"])).toEqual([
      "lead",
      "senior",
    ]);
    expect(terms.topics(["Managing up", "kubernetes-operations"])).toEqual([
      "managing-up",
      "kubernetes-operations",
    ]);
    expect(() => terms.check({})).not.toThrow();
  });

  it("refuses an unknown style with the field's label and every accepted label, through the issue messages", () => {
    const terms = new TermResolver(program);
    terms.one("coachingStyles", "Supportive", ["preferences", "style"]);

    const error = (() => {
      try {
        terms.check(INTAKE_LABELS);
      } catch (e) {
        return e;
      }
    })();

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation_failed");
    expect((error as AppError).fields).toEqual([
      {
        path: "preferences.style",
        label: "Coaching style",
        message: "Choose coaching style: Reflective or Directive",
      },
    ]);
  });
});

describe("resolveIntakeTerms", () => {
  it("stores ids for the style, seniority and topics typed in any spelling", () => {
    const input = sampleIntake("sam@example.com", { seniority: "Tech-Lead" });
    const typed = {
      ...input,
      preferences: { ...input.preferences, style: "INTROSPECTIVE", topics: ["Delegation"] },
    };

    const resolved = resolveIntakeTerms(program, typed as never);

    expect(resolved.seniority).toBe("lead");
    expect(resolved.preferences.style).toBe("reflective");
    expect(resolved.preferences.topics).toEqual(["delegation"]);
  });

  it("names every unknown word at once", () => {
    const input = sampleIntake("sam@example.com", { seniority: "wizard" });
    const typed = { ...input, preferences: { ...input.preferences, style: "loud" } };

    expect(() => resolveIntakeTerms(program, typed as never)).toThrow(
      /Choose seniority: Junior engineer, .* or Engineering executive; Choose coaching style: Reflective or Directive/,
    );
  });
});

describe("programSettingsSchema", () => {
  const parse = (settings: unknown) => z.safeParse(programSettingsSchema, settings);
  const paths = (settings: unknown) => {
    const r = parse(settings);
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };

  it("accepts the defaults as they are", () => {
    expect(parse(DEFAULT_PROGRAM_SETTINGS).success).toBe(true);
  });

  it("refuses ids that are not lowercase slugs, and one word for two entries", () => {
    const levels = (list: unknown) => ({ ...DEFAULT_PROGRAM_SETTINGS, seniorityLevels: list });

    expect(paths(levels([{ id: "Tech Lead", label: "Tech lead" }]))).toEqual(["seniorityLevels.0.id"]);
    expect(
      paths(
        levels([
          { id: "lead", label: "Lead" },
          { id: "tech-lead", label: "Tech lead", aliases: ["LEAD"] },
        ]),
      ),
    ).toEqual(["seniorityLevels"]);
    expect(paths(levels([]))).toEqual(["seniorityLevels"]);
  });

  it("refuses weights out of range and a load that weighs nothing", () => {
    const weights = (w: object) => ({
      ...DEFAULT_PROGRAM_SETTINGS,
      matchingWeights: { ...DEFAULT_PROGRAM_SETTINGS.matchingWeights, ...w },
    });

    expect(paths(weights({ topics: -1, diversity: 1.5 }))).toEqual([
      "matchingWeights.topics",
      "matchingWeights.diversity",
    ]);
    expect(paths(weights({ load: 0 }))).toEqual(["matchingWeights"]);
  });

  it("refuses two skills with one id and an agenda template without sections", () => {
    const skill = { id: "influence", name: "Influence", description: "Moving decisions without authority." };
    const templates = {
      ...DEFAULT_PROGRAM_SETTINGS.agendaTemplates,
      regular: { title: "Session", sections: [] },
    };

    expect(paths({ ...DEFAULT_PROGRAM_SETTINGS, skills: [skill, skill] })).toEqual(["skills"]);
    expect(paths({ ...DEFAULT_PROGRAM_SETTINGS, agendaTemplates: templates })).toEqual([
      "agendaTemplates.regular.sections",
    ]);
  });
});
