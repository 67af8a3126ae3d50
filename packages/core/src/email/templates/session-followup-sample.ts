import type * as z from "../../shared/zod";
import type { sessionFollowup } from "../contracts/session-followup";

/** Realistic data for the session-followup template: previews and tests. */
export const sessionFollowupSample: z.input<(typeof sessionFollowup)["schema"]> = {
  programName: "Tech Lead Coaching Network",
  clientName: "Sam Rivera",
  coachName: "Ada Mensah",
  sessionTime: "Tue, 2 June 2026, 17:00 (Europe/Lisbon)",
  kind: "starter",
  starterNumber: 3,
  intro:
    "Thank you for your time and openness in today's session. Here is a short recap, so the important parts are in one place.",
  skill: "Delegation — handing work off and letting it go",
  takeaways: [
    "Delegating the on-call rota is less about the rota and more about trusting the team with a decision.",
    "Saying “not this sprint” to your manager is a way of protecting the team's focus, not a refusal.",
  ],
  actionItems: [
    {
      text: "Ask Priya to own the on-call rota for June and agree on how she will check in with you.",
      dueDate: "2026-06-05",
      dueLabel: "Friday, 5 June 2026",
      doneUrl: "https://app.coachflow.example/action-items/act_01J9ZQ4N6Y3M8K2V5T7W9X1B3C/done?t=9f2c",
    },
    {
      text: "Write down three moments this week where you held back in a meeting, and what stopped you.",
      dueDate: "2026-06-12",
      dueLabel: "Friday, 12 June 2026",
      doneUrl: "https://app.coachflow.example/action-items/act_01J9ZQ4N6Y3M8K2V5T7W9X1B3D/done?t=4e1a",
    },
  ],
  next: {
    type: "recurring",
    cadenceLabel: "every two weeks",
    suggestedDateLabel: "Tuesday, 16 June 2026",
    bookingUrl: "https://cal.com/ada-mensah/session?name=Sam%20Rivera&email=sam%40example.com",
  },
};
