import type { Agenda } from "../model";

/**
 * The intro call (seed "Client Intro Session"): both sides find out whether they fit.
 * It carries no goals yet; the coach's brief, not the agenda, holds what is known about the client.
 */
export function introAgenda(): Agenda {
  return {
    title: "Intro session",
    sections: [
      {
        heading: "Before the call",
        points: [
          "Review the client's background, their current team and the challenge on their mind.",
          "Add talking points that link your specialties to the challenge they face.",
          "Open this agenda at least 5 minutes before the call.",
        ],
      },
      {
        heading: "Building rapport",
        points: [
          "Get to know each other and see whether your communication styles and approach fit.",
          "Make it a safe space where the client feels free to open up.",
        ],
      },
      {
        heading: "Assessing the client's needs",
        points: [
          "Listen actively and ask probing questions about their needs, goals and challenges.",
          "Judge honestly whether your experience lets you help with this challenge.",
        ],
      },
      {
        heading: "Clarifying expectations",
        points: [
          "Ask what the client hopes to get out of coaching.",
          "Explain how you coach, the methods you use and the outcomes they can expect.",
        ],
      },
      {
        heading: "Showcasing value",
        points: ["Share a relevant story of a client you helped toward a similar goal."],
      },
      {
        heading: "Establishing a connection",
        points: [
          "Connect on a personal level; let the client get a feel for how you listen and respond.",
          "Notice how open and committed the client is to the coaching process.",
        ],
      },
      {
        heading: "Decision making",
        points: [
          "Give the client what they need to decide whether to go ahead.",
          "Decide for yourself whether you can support this client well.",
        ],
      },
      {
        heading: "After the call",
        points: [
          "Finish the meeting and note what you learned and any action items.",
          "Send a short thank-you; if you want to work together, include your pricing.",
        ],
      },
    ],
  };
}
