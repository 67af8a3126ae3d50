import { describe, expect, it } from "vitest";
import { AppError } from "../../../packages/core/src/errors";
import { agendaFor } from "../../../packages/core/src/sessions/agendas";
import type { Agenda, Goal } from "../../../packages/core/src/sessions/model";

const goals: Goal[] = [
  { text: "Speak up in architecture reviews", measure: "one proposal per review", targetDate: "2026-06-30" },
  { text: "Delegate on-call triage", measure: "two teammates trained", targetDate: "2026-05-15" },
];

const headings = (a: Agenda) => a.sections.map((s) => s.heading);
const boxes = (a: Agenda) => a.sections.map((s) => s.minutes);
const text = (a: Agenda) => JSON.stringify(a);

describe("intro agenda", () => {
  const agenda = agendaFor({ kind: "intro" }, { goals, clientFirstName: "Priya" });

  it("has preparation, the six focus areas in order, and what to do after", () => {
    expect(agenda.title).toBe("Intro session");
    expect(headings(agenda)).toEqual([
      "Before the call",
      "Building rapport",
      "Assessing the client's needs",
      "Clarifying expectations",
      "Showcasing value",
      "Establishing a connection",
      "Decision making",
      "After the call",
    ]);
  });

  it("gives every focus area one to three points", () => {
    for (const section of agenda.sections.slice(1, 7)) {
      expect(section.points.length).toBeGreaterThanOrEqual(1);
      expect(section.points.length).toBeLessThanOrEqual(3);
    }
  });

  it("prepares by reviewing the background and linking specialties to the challenge", () => {
    const prep = agenda.sections[0]!.points.join(" ");
    expect(prep).toMatch(/review the client's background/i);
    expect(prep).toMatch(/talking points that link your specialties to the challenge/i);
  });

  it("carries neither goals nor the client's name", () => {
    expect(text(agenda)).not.toContain("architecture reviews");
    expect(text(agenda)).not.toContain("Priya");
  });
});

describe("starter session 1", () => {
  const agenda = agendaFor({ kind: "starter", number: 1 }, { goals });

  it("has two halves and ends by documenting SMART goals kept private", () => {
    expect(agenda.title).toBe("Starter session 1 of 7: Getting to know each other");
    expect(headings(agenda)).toEqual([
      "How did we each get here?",
      "Goals and challenges",
      "Document the goals",
    ]);
    expect(boxes(agenda)).toEqual(["first half", "second half", undefined]);
    const closing = agenda.sections[2]!.points.join(" ");
    expect(closing).toMatch(/specific, measurable, attainable, relevant and time-bound/);
    expect(closing).toMatch(/private as human-resources records/);
  });

  it("makes the first half two-way: the program, the coach's path, the client's path", () => {
    const first = agenda.sections[0]!.points.join(" ");
    expect(first).toMatch(/two-way/);
    expect(first).toMatch(/came to coaching/);
    expect(first).toMatch(/path to their current role/);
  });

  it("does not list goals that are only being written in this session", () => {
    expect(text(agenda)).not.toContain("Goal:");
  });
});

describe("starter sessions 2 to 6", () => {
  it.each([2, 3, 4, 5, 6])("session %i follows the time-boxed structure", (number) => {
    const agenda = agendaFor({ kind: "starter", number }, { goals });
    expect(agenda.title).toBe(`Starter session ${number} of 7: Building the coaching relationship`);
    expect(headings(agenda)).toEqual([
      "Reaffirm goals",
      "How are you doing?",
      "Explore one skill",
      "Action items until the next call",
      "Is this structure working?",
      "Next call",
    ]);
    expect(boxes(agenda)).toEqual([
      "3–5 minutes",
      "5–15 minutes",
      "about 30 minutes",
      "10–15 minutes",
      undefined,
      undefined,
    ]);
  });

  it("lists each documented goal with its measure and target date under reaffirming goals", () => {
    const points = agendaFor({ kind: "starter", number: 4 }, { goals }).sections[0]!.points;
    expect(points).toContain(
      "Goal: Speak up in architecture reviews — measured by one proposal per review, by 2026-06-30",
    );
    expect(points).toContain(
      "Goal: Delegate on-call triage — measured by two teammates trained, by 2026-05-15",
    );
    expect(points.at(-1)).toMatch(/adjustments/);
  });

  it("asks to agree on goals when none are documented", () => {
    const points = agendaFor({ kind: "starter", number: 2 }, {}).sections[0]!.points;
    expect(points.some((p) => p.startsWith("Goal:"))).toBe(false);
    expect(points[0]).toMatch(/No goals are documented yet/);
  });

  it("asks the critical question and checks on the last call's goals", () => {
    const points = agendaFor({ kind: "starter", number: 3 }, {}).sections[1]!.points.join(" ");
    expect(points).toContain('"How are you doing?"');
    expect(points).toMatch(/last call/);
  });
});

describe("starter session 7", () => {
  const agenda = agendaFor({ kind: "starter", number: 7 }, { goals });

  it("is a short check-in on the relationship, continuing and the structure", () => {
    expect(agenda.title).toBe("Starter session 7 of 7: Relationship check-in");
    expect(headings(agenda)).toEqual(["How is the relationship going?", "Continue?", "Structure from here"]);
    expect(agenda.sections[0]!.points.join(" ")).toMatch(/short and relaxed/);
    const structure = agenda.sections[2]!.points.join(" ");
    expect(structure).toMatch(/keep it/);
    expect(structure).toMatch(/reset/);
  });

  it("does not list goals", () => {
    expect(text(agenda)).not.toContain("Goal:");
  });
});

describe("regular agenda", () => {
  const agenda = agendaFor({ kind: "regular" }, { goals, clientFirstName: "Priya" });

  it("follows the coaching-session structure and ends with finishing the meeting", () => {
    expect(agenda.title).toBe("Coaching session");
    expect(headings(agenda)).toEqual([
      "Setting the stage",
      "Action items, goal progress and accountability",
      "Active listening and powerful questions",
      "Support and insights",
      "Action planning",
      "Closing",
      "After the call",
    ]);
    expect(agenda.sections.every((s) => s.minutes === undefined)).toBe(true);
  });

  it("lists goals under goal progress, where they are reviewed, and nowhere else", () => {
    const withGoals = agenda.sections.filter((s) => s.points.some((p) => p.startsWith("Goal:")));
    expect(withGoals.map((s) => s.heading)).toEqual(["Action items, goal progress and accountability"]);
  });

  it("closes with takeaways, the next meeting and the monthly package for ad-hoc clients", () => {
    const closing = agenda.sections[5]!.points.join(" ");
    expect(closing).toMatch(/takeaways/);
    expect(closing).toMatch(/meet next/);
    expect(closing).toMatch(/ad-hoc clients.*monthly coaching package/);
  });

  it("never writes the client's name", () => {
    expect(text(agenda)).not.toContain("Priya");
  });
});

describe("starter numbers", () => {
  it.each([undefined, 0, 8, 2.5])("rejects starter number %s", (number) => {
    expect(() => agendaFor({ kind: "starter", number }, {})).toThrow(AppError);
  });
});
