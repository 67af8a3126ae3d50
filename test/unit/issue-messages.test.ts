import { describe, expect, it } from "vitest";
import {
  COACH_LABELS,
  COACH_PATCH_LABELS,
  coachInputSchema,
  coachPatchSchema,
} from "../../packages/core/src/coaches/schema";
import {
  actionItemPatchSchema,
  FINISH_LABELS,
  finishInputSchema,
  GOALS_LABELS,
  goalsInputSchema,
  NOTES_LABELS,
  notesInputSchema,
} from "../../packages/core/src/followups/schema";
import { INTAKE_LABELS, intakeInputSchema } from "../../packages/core/src/intake/schema";
import { DEFAULT_PROGRAM_SETTINGS } from "../../packages/core/src/program/defaults";
import { PROGRAM_LABELS, programSettingsSchema } from "../../packages/core/src/program/schema";
import { type FieldLabels, issueMessages, labelFor } from "../../packages/core/src/shared/issue-messages";
import * as z from "../../packages/core/src/shared/zod";
import { MATCHES_LABELS, matchesBodySchema } from "../../packages/functions/src/routes/clients";
import { MINT_LABELS, mintSchema } from "../../packages/functions/src/routes/tokens";
import { sampleIntake } from "../../packages/local/src/demo/intake";

/** What zod's own English messages say; none of it may reach a person. */
const RAW = [">=", "<=", "expected", "Too small", "Too big", "Invalid input", "Invalid option", "received"];

const messagesFor = (schema: z.core.$ZodType, value: unknown, labels: FieldLabels) => {
  const parsed = z.safeParse(schema, value, { reportInput: true });
  if (parsed.success) throw new Error(`accepted: ${JSON.stringify(value)}`);
  return issueMessages(parsed.error.issues, labels);
};

const intake = sampleIntake("corpus@example.com") as Record<string, unknown>;
const prefs = intake.preferences as Record<string, unknown>;
const coach = {
  name: "Alex Rivera",
  email: "alex@coaches.example.com",
  bio: "Former engineering manager.",
  specialties: ["leadership"],
  languages: ["en"],
  timezone: "Europe/London",
  capacity: 10,
  style: "supportive",
  seniorityLevels: ["senior"],
  bookingProvider: "calendly",
  bookingUrl: "https://calendly.com/alex/intro",
  pricingUrl: "https://coaching.example.com/pricing",
};
const finish = {
  takeaways: ["Name the conflict early"],
  actionItems: [{ text: "Book the 1:1", dueDate: "2026-03-01" }],
  next: { type: "ad-hoc" },
};
const goal = {
  text: "Delegate the release",
  measure: "Two releases run by the team",
  targetDate: "2026-06-01",
};

// Every input schema of the API, each with inputs that break each of its kinds of rule.
const corpus: [string, z.core.$ZodType, FieldLabels, unknown[]][] = [
  [
    "intake",
    intakeInputSchema,
    INTAKE_LABELS,
    [
      {},
      "not an object",
      { ...intake, name: "" },
      { ...intake, name: 42 },
      { ...intake, name: "x".repeat(121) },
      { ...intake, email: "not-an-email" },
      { ...intake, timezone: "Europe/Atlantis" },
      // An unknown level is the program's to refuse (program/resolve.ts), not the schema's.
      { ...intake, seniority: 7 },
      { ...intake, challenge: "x".repeat(4001), goals: 7 },
      { ...intake, consent: false },
      { ...intake, consent: undefined, preferences: undefined },
      { ...intake, preferences: "weekly" },
      { ...intake, preferences: { ...prefs, topics: [] } },
      { ...intake, preferences: { ...prefs, topics: "leadership" } },
      { ...intake, preferences: { ...prefs, topics: Array.from({ length: 11 }, (_, i) => `t${i}`) } },
      { ...intake, preferences: { ...prefs, topics: ["!!"], languages: ["xx", 3] } },
      { ...intake, preferences: { ...prefs, languages: [], style: "loud", cadence: "daily" } },
    ],
  ],
  [
    "coach create",
    coachInputSchema,
    COACH_LABELS,
    [
      {},
      { ...coach, capacity: 2.5 },
      { ...coach, capacity: -1, active: "yes" },
      { ...coach, capacity: 501, bookingProvider: "zoom" },
      { ...coach, bookingUrl: "ftp://x", pricingUrl: "not a url", sessionBookingUrl: "mailto:a@b" },
      { ...coach, specialties: [], languages: "en", seniorityLevels: ["boss"] },
      { ...coach, specialties: Array.from({ length: 21 }, (_, i) => `s${i}`) },
      { ...coach, bio: "x".repeat(2001), timezone: "" },
    ],
  ],
  [
    "program settings",
    programSettingsSchema,
    PROGRAM_LABELS,
    [
      {},
      { ...DEFAULT_PROGRAM_SETTINGS, coachingStyles: [] },
      { ...DEFAULT_PROGRAM_SETTINGS, coachingStyles: [{ id: "Reflective Style", label: "" }] },
      {
        ...DEFAULT_PROGRAM_SETTINGS,
        seniorityLevels: [
          { id: "lead", label: "Tech lead" },
          { id: "tech-lead", label: "Tech Lead" },
        ],
      },
      {
        ...DEFAULT_PROGRAM_SETTINGS,
        matchingWeights: { ...DEFAULT_PROGRAM_SETTINGS.matchingWeights, load: 0 },
      },
      { ...DEFAULT_PROGRAM_SETTINGS, skills: [{ id: "x", name: "", description: 3 }] },
      {
        ...DEFAULT_PROGRAM_SETTINGS,
        agendaTemplates: { ...DEFAULT_PROGRAM_SETTINGS.agendaTemplates, intro: {} },
      },
    ],
  ],
  [
    "coach patch",
    coachPatchSchema,
    COACH_PATCH_LABELS,
    [{}, { capacity: "ten" }, { email: "nope", bookingUrl: "" }, { sessionBookingUrl: 5 }],
  ],
  [
    "finish",
    finishInputSchema,
    FINISH_LABELS,
    [
      {},
      { ...finish, takeaways: "x" },
      { ...finish, takeaways: "x".repeat(40) },
      { ...finish, takeaways: Array.from({ length: 21 }, () => "t") },
      { ...finish, takeaways: ["", "x".repeat(1001)] },
      { ...finish, actionItems: [{ text: "", dueDate: "2026-13-01" }, { dueDate: 3 }] },
      { ...finish, actionItems: Array.from({ length: 51 }, () => finish.actionItems[0]) },
      { ...finish, actionItems: "call Sam" },
      { ...finish, next: "end" },
      { ...finish, next: { type: "sometimes" } },
      { ...finish, next: { type: "recurring", cadence: "daily" } },
      { ...finish, next: { type: "recurring" }, workTogether: "yes", privateNotes: 1 },
    ],
  ],
  [
    "goals",
    goalsInputSchema,
    GOALS_LABELS,
    [
      {},
      { goals: "ship it" },
      { goals: Array.from({ length: 21 }, () => goal) },
      { goals: [goal, { ...goal, text: "", targetDate: "June" }, { measure: 1 }] },
    ],
  ],
  ["action item", actionItemPatchSchema, {}, [{}, { done: "yes" }, null]],
  ["notes", notesInputSchema, NOTES_LABELS, [{}, { notes: 5 }, []]],
  [
    "matches override",
    matchesBodySchema,
    MATCHES_LABELS,
    [
      {},
      { coachIds: [] },
      { coachIds: "coa_1" },
      { coachIds: ["a", "b", "c", "d"] },
      { coachIds: ["a", "a", ""] },
    ],
  ],
  [
    "coach token",
    mintSchema,
    MINT_LABELS,
    [{}, { coachId: "" }, { coachId: "x".repeat(65), ttlSeconds: 10 }, { coachId: "c", ttlSeconds: 1e9 }],
  ],
];

describe("issueMessages over every input schema", () => {
  for (const [name, schema, labels, inputs] of corpus) {
    it(`words every ${name} issue in plain language, naming the field by its label`, () => {
      for (const input of inputs) {
        const messages = messagesFor(schema, input, labels);
        expect(messages.length, JSON.stringify(input)).toBeGreaterThan(0);
        for (const m of messages) {
          for (const raw of RAW) expect(m.message, `${name} ${m.path}`).not.toContain(raw);
          expect(m.message.toLowerCase(), `${name} ${m.path}`).toContain(m.label.toLowerCase());
          // Every field these inputs reach has a label of its own or its parent's.
          expect(m.label, `${name} ${m.path}`).toBe(
            labelFor(m.path ? m.path.split(".").map(segment) : [], labels),
          );
        }
        // One message per field.
        expect(new Set(messages.map((m) => m.path)).size).toBe(messages.length);
      }
    });
  }
});

const segment = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);

describe("issueMessages", () => {
  it("answers takeaways sent as a string with one message about the list, not also about its length", () => {
    for (const takeaways of ["x", "x".repeat(40)]) {
      expect(messagesFor(finishInputSchema, { ...finish, takeaways }, FINISH_LABELS)).toEqual([
        { path: "takeaways", label: "Takeaways", message: "Takeaways must be a list" },
      ]);
    }
  });

  it("numbers list items from 1 in their labels", () => {
    const messages = messagesFor(
      finishInputSchema,
      { ...finish, actionItems: [finish.actionItems[0], { text: "Call Sam", dueDate: "next week" }] },
      FINISH_LABELS,
    );
    expect(messages).toEqual([
      {
        path: "actionItems.1.dueDate",
        label: "Action item 2: due date",
        message: "Action item 2: due date must be a date like 2026-03-01",
      },
    ]);
  });

  it("says what to do for a missing or empty answer, and tells a wrong type from a missing one", () => {
    const byPath = (input: unknown) =>
      Object.fromEntries(
        messagesFor(intakeInputSchema, input, INTAKE_LABELS).map((m) => [m.path, m.message]),
      );
    expect(byPath({ ...intake, name: "", company: undefined, role: 7 })).toMatchObject({
      name: "Enter your name",
      company: "Enter company",
      role: "Current role must be text",
    });
    expect(
      byPath({ ...intake, preferences: { ...prefs, topics: [], cadence: "daily" }, consent: false }),
    ).toEqual({
      "preferences.topics": "Choose at least one of the topics",
      "preferences.cadence": "Choose how often you would like to meet: weekly, biweekly, monthly or ad-hoc",
      consent: "Tick the box to give consent to be contacted",
    });
    expect(byPath({ ...intake, timezone: "Mars/Olympus" })).toEqual({
      timezone: "Your time zone must be a time zone name such as Europe/Lisbon",
    });
  });

  it("words limits on lists, text and numbers", () => {
    const finishMessages = messagesFor(
      finishInputSchema,
      { ...finish, takeaways: Array.from({ length: 21 }, () => "t"), next: { type: "someday" } },
      FINISH_LABELS,
    );
    expect(finishMessages.map((m) => m.message)).toEqual([
      "Add at most 20 takeaways",
      "Choose next step: recurring, ad-hoc or end",
    ]);
    const tokenMessages = messagesFor(mintSchema, { coachId: "x".repeat(65), ttlSeconds: 10 }, MINT_LABELS);
    expect(tokenMessages.map((m) => m.message)).toEqual([
      "Coach id must be 64 characters or fewer",
      "Lifetime in seconds must be at least 60",
    ]);
  });

  it("labels the whole input, and falls back to a path's name in words", () => {
    expect(messagesFor(coachPatchSchema, {}, COACH_PATCH_LABELS)).toEqual([
      { path: "", label: "The update", message: "The update must change at least one field" },
    ]);
    expect(labelFor(["preferences", "topics", 2], INTAKE_LABELS)).toBe("Topic 3");
    expect(labelFor(["nextSessionAt"], {})).toBe("Next session at");
    expect(labelFor([], {})).toBe("This input");
  });
});
