import { describe, expect, it } from "vitest";
import { suggestTalkingPoints } from "../../../packages/core/src/workspace/suggestions";

const client = {
  name: "Sam Rivera",
  challenge: "I struggle to delegate and end up reviewing every pull request.",
  goals: "Lead planning with confidence.",
  preferences: { topics: ["delegation"], languages: ["en"], cadence: "biweekly" as const },
  timezone: "Europe/Lisbon",
};
const coach = { id: "coa_1", specialties: ["delegation", "communication", "leadership"] };

describe("suggested talking points", () => {
  it("for an intro, ties the coach's specialties to what the client asked about and wrote", () => {
    const out = suggestTalkingPoints({
      kind: "intro",
      coach,
      client,
      openActionItems: [],
      goals: [],
      today: "2031-01-01",
    });
    expect(out[0]).toBe(
      "Sam asked about delegation, which you specialize in: ask where it shows up in their work right now.",
    );
    expect(out).toContain(
      'Their challenge mentions "delegate": share how you work on delegation with people in that spot.',
    );
  });

  it("for an intro with nothing in common, proposes nothing", () => {
    const out = suggestTalkingPoints({
      kind: "intro",
      coach: { id: "coa_2", specialties: ["public-speaking"] },
      client: { ...client, preferences: { ...client.preferences, topics: ["negotiation"] } },
      openActionItems: [],
      goals: [],
      today: "2031-01-01",
    });
    expect(out).toEqual([]);
  });

  it("later, proposes open action items (overdue first) and goals due within 30 days, not later ones", () => {
    const out = suggestTalkingPoints({
      kind: "starter",
      coach,
      client,
      openActionItems: [
        { text: "Write the rota", dueDate: "2031-01-10" },
        { text: "Ask Jo", dueDate: "2030-12-20" },
      ],
      goals: [
        { text: "Delegate reviews", measure: "Half by teammates", targetDate: "2031-01-25" },
        { text: "Lead planning", measure: "Runs two plannings", targetDate: "2031-06-01" },
      ],
      today: "2031-01-01",
    });
    expect(out).toEqual([
      'Check in on "Ask Jo" (was due 2030-12-20).',
      'Check in on "Write the rota" (is due 2031-01-10).',
      'Goal "Delegate reviews" is due 2031-01-25: review progress against "Half by teammates".',
    ]);
  });

  it("has no notes input at all: private notes cannot leak into a suggestion", () => {
    const input = {
      kind: "regular" as const,
      coach,
      client,
      openActionItems: [],
      goals: [],
      today: "2031-01-01",
      notes: "SECRET",
    };
    expect(suggestTalkingPoints(input).join(" ")).not.toContain("SECRET");
  });
});
