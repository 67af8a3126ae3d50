import type * as z from "../../shared/zod";
import type { coachBrief } from "../contracts/coach-brief";

/** Realistic data for the coach-brief template: previews and tests. */
export const coachBriefSample: z.input<(typeof coachBrief)["schema"]> = {
  programName: "Tech Lead Coaching Network",
  coachName: "Ada Mensah",
  sessionTime: "Tue, 14 May 2024, 18:00 (Europe/Berlin)",
  kind: "starter",
  starterNumber: 3,
  client: {
    name: "Sam Rivera",
    background: "Backend engineer for six years, promoted to tech lead four months ago.",
    role: "Tech lead",
    seniority: "lead",
    team: "Payments platform (5 engineers)",
    company: "Acme Pay",
    challenge: "Saying no to stakeholders without damaging the relationship.",
    goals: "Delegate more and get comfortable managing up.",
  },
  preferences: {
    topics: ["managing-up", "delegation"],
    languages: ["en", "pt"],
    style: "structured",
    cadence: "biweekly",
  },
  smartGoals: [
    { text: "Delegate the on-call rota", measure: "Rota owned by a teammate", targetDate: "2024-06-30" },
  ],
  sessionUrl: "https://app.coachflow.example/app/sessions/ses_01J9ZQ4N6Y3M8K2V5T7W9X1B3C",
  agenda: {
    title: "Starter session 3: delegation",
    sections: [
      { heading: "Reaffirm goals", minutes: "3–5 minutes", points: ["Any adjustments since last time?"] },
      {
        heading: "How are you doing?",
        minutes: "5–15 minutes",
        points: ["Check in on last session's goals"],
      },
      { heading: "Explore one of the five skills", minutes: "~30 minutes", points: ["Delegation"] },
      { heading: "Actions until next time", minutes: "10–15 minutes", points: [] },
      { heading: "Confirm the next session", points: [] },
    ],
  },
};
