import { describe, expect, it } from "vitest";
import { DEFAULT_AGENDA_TEMPLATES } from "../../../packages/core/src/program/agenda-defaults";
import { agendaFor } from "../../../packages/core/src/sessions/agendas";
import type { Goal, SessionSlot } from "../../../packages/core/src/sessions/model";
// The agendas as the code wrote them before they became templates (generated from that code).
import before from "../../fixtures/agendas/before-templates.json";

const goals: Goal[] = [
  { text: "Speak up in architecture reviews", measure: "one proposal per review", targetDate: "2026-06-30" },
  { text: "Delegate on-call triage", measure: "two teammates trained", targetDate: "2026-05-15" },
];
const slots: SessionSlot[] = [
  { kind: "intro" },
  ...[1, 2, 3, 4, 5, 6, 7].map((number) => ({ kind: "starter" as const, number })),
  { kind: "regular" },
];
const skills = [
  { id: "delegation", name: "Delegation", description: "Hand work off and let it go." },
  { id: "feedback", name: "Feedback", description: "Give it kindly, take it gracefully." },
];

describe("agenda templates", () => {
  it("render, by default, exactly the agendas the code wrote before they became data", () => {
    for (const slot of slots) {
      const key = `${slot.kind}${slot.number ?? ""}`;
      expect(agendaFor(slot, { goals: [] }), key).toEqual(before[`${key}/no-goals` as keyof typeof before]);
      expect(agendaFor(slot, { goals }), key).toEqual(before[`${key}/goals` as keyof typeof before]);
    }
  });

  it("list the program's skills in the 'explore one skill' section of starters 2–6 only", () => {
    for (const slot of slots) {
      const agenda = agendaFor(slot, { goals, skills });
      const listed = agenda.sections.flatMap((s) => s.points).filter((p) => p.startsWith("Skill: "));
      const middle = slot.kind === "starter" && slot.number! > 1 && slot.number! < 7;
      expect(listed, `${slot.kind}${slot.number ?? ""}`).toEqual(
        middle
          ? [
              "Skill: Delegation — Hand work off and let it go.",
              "Skill: Feedback — Give it kindly, take it gracefully.",
            ]
          : [],
      );
      if (middle) {
        const explore = agenda.sections.find((s) => s.heading === "Explore one skill")!;
        expect(explore.points.slice(1)).toEqual(listed);
      }
    }
  });

  it("render a program's own template: its headings, time boxes, session name, goals and fallbacks", () => {
    const templates = {
      ...DEFAULT_AGENDA_TEMPLATES,
      starterMiddle: {
        title: "{{session}} — our way",
        sections: [
          { heading: "Goals", minutes: "5 minutes", points: ["{{goals|Write the goals down first.}}"] },
          { heading: "Skill of the day", points: ["{{skills|Pick any skill.}}", "Practise it."] },
        ],
      },
    };

    const withGoals = agendaFor({ kind: "starter", number: 4 }, { goals, templates });
    const bare = agendaFor({ kind: "starter", number: 4 }, { templates });

    expect(withGoals).toEqual({
      title: "Starter session 4 of 7 — our way",
      sections: [
        {
          heading: "Goals",
          minutes: "5 minutes",
          points: [
            "Goal: Speak up in architecture reviews — measured by one proposal per review, by 2026-06-30",
            "Goal: Delegate on-call triage — measured by two teammates trained, by 2026-05-15",
          ],
        },
        { heading: "Skill of the day", points: ["Pick any skill.", "Practise it."] },
      ],
    });
    expect(bare.sections[0]!.points).toEqual(["Write the goals down first."]);
    // Other slots keep the default templates.
    expect(agendaFor({ kind: "intro" }, { templates })).toEqual(before["intro/no-goals"]);
  });
});
