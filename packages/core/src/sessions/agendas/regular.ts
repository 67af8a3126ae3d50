import type { Agenda, Goal } from "../model";
import { goalLines } from "./goals";

/**
 * A session after the starter series (seed "Running an Effective Coaching Session").
 * It lists the documented goals under goal progress: reviewing them is what that part is for.
 */
export function regularAgenda(goals: readonly Goal[] | undefined): Agenda {
  return {
    title: "Coaching session",
    sections: [
      {
        heading: "Setting the stage",
        points: [
          "Check in: how is the client today, and what has changed since the last session?",
          "Revisit this agenda together and confirm what to focus on.",
        ],
      },
      {
        heading: "Action items, goal progress and accountability",
        points: [
          "Go through the action items and progress since last time; celebrate what went well.",
          ...goalLines(goals),
          "Talk through what got in the way and how to get around it.",
          "Let the client own their commitments.",
        ],
      },
      {
        heading: "Active listening and powerful questions",
        points: [
          "Listen for thoughts, feelings and challenges before offering anything.",
          "Ask open questions that invite reflection and new perspectives.",
        ],
      },
      {
        heading: "Support and insights",
        points: [
          "Offer resources, experiences or frameworks that fit the client's goals.",
          "Give constructive feedback and suggest other approaches worth trying.",
        ],
      },
      {
        heading: "Action planning",
        points: [
          "Agree on concrete tasks with due dates.",
          "Name likely obstacles and a plan for each.",
          "Ask what support the client needs before the next session.",
        ],
      },
      {
        heading: "Closing",
        points: [
          "Summarize the key takeaways and next steps; ask for any last questions.",
          "Confirm when you meet next.",
          "For ad-hoc clients, this is a good moment to mention the monthly coaching package.",
        ],
      },
      {
        heading: "After the call",
        points: ["Finish the meeting: record notes, takeaways and action items so the follow-up goes out."],
      },
    ],
  };
}
