import { validationFailed } from "../../errors";
import { sessionLabel } from "../format";
import { type Agenda, type Goal, STARTER_SESSION_COUNT } from "../model";
import { goalLines, SMART_POINT } from "./goals";

/** Starter session 1: a deeper "get to know you" call that ends with documented goals. */
function firstStarter(): Agenda {
  return {
    title: `${sessionLabel({ kind: "starter", number: 1 })}: Getting to know each other`,
    sections: [
      {
        heading: "How did we each get here?",
        minutes: "first half",
        points: [
          "A two-way conversation: how each of you got involved with the program.",
          "How the coach came to coaching.",
          "The client's path to their current role.",
        ],
      },
      {
        heading: "Goals and challenges",
        minutes: "second half",
        points: ["An in-depth conversation about the client's goals and the challenges in their way."],
      },
      {
        heading: "Document the goals",
        points: [SMART_POINT, "Keep the goal notes as safe and private as human-resources records."],
      },
    ],
  };
}

/** Starter sessions 2–6: the same structure each time, built on the goals from session 1. */
function middleStarter(number: number, goals: readonly Goal[] | undefined): Agenda {
  const documented = goalLines(goals);
  return {
    title: `${sessionLabel({ kind: "starter", number })}: Building the coaching relationship`,
    sections: [
      {
        heading: "Reaffirm goals",
        minutes: "3–5 minutes",
        points: [
          ...(documented.length > 0
            ? documented
            : ["No goals are documented yet: agree on them now and write them down."]),
          "Align on any adjustments to the goals.",
        ],
      },
      {
        heading: "How are you doing?",
        minutes: "5–15 minutes",
        points: [
          'Ask the critical question, "How are you doing?", and give the answer room.',
          "Check in on the goals and actions set in the last call.",
        ],
      },
      {
        heading: "Explore one skill",
        minutes: "about 30 minutes",
        points: ["Review the core skills together, choose one to explore this call, and dive into it."],
      },
      {
        heading: "Action items until the next call",
        minutes: "10–15 minutes",
        points: ["List the actions the client will work on before the next call, each with a due date."],
      },
      {
        heading: "Is this structure working?",
        points: ["Review whether the structure of the call works and what each of you would adjust."],
      },
      {
        heading: "Next call",
        points: ["Confirm the schedule for the next call."],
      },
    ],
  };
}

/** Starter session 7: a short, relaxed check-in on the relationship and how to go on. */
function lastStarter(): Agenda {
  return {
    title: `${sessionLabel({ kind: "starter", number: STARTER_SESSION_COUNT })}: Relationship check-in`,
    sections: [
      {
        heading: "How is the relationship going?",
        points: ["Keep it short and relaxed: what is working between you, and what is not?"],
      },
      {
        heading: "Continue?",
        points: ["Decide together whether you both want to keep working together."],
      },
      {
        heading: "Structure from here",
        points: [
          "If the way you work now suits you both, keep it, even where it differs from the starter structure.",
          "If not, reset: review the structure and agree on how to change it.",
          "If you continue, confirm the schedule for the next call.",
        ],
      },
    ],
  };
}

/** The agenda of starter session `number` (1–7); any other number is a caller error. */
export function starterAgenda(number: number | undefined, goals: readonly Goal[] | undefined): Agenda {
  if (number === undefined || !Number.isInteger(number) || number < 1 || number > STARTER_SESSION_COUNT) {
    throw validationFailed("a starter session needs a number from 1 to 7", [
      { path: "number", message: `expected 1–${STARTER_SESSION_COUNT}, got ${String(number)}` },
    ]);
  }
  if (number === 1) return firstStarter();
  if (number === STARTER_SESSION_COUNT) return lastStarter();
  return middleStarter(number, goals);
}
