import type { AgendaTemplates } from "./schema";

/**
 * Today's agendas, written from the program's guides, as the default templates. Placeholders:
 * - a title's `{{session}}` is the session's name ("Starter session 3 of 7");
 * - a point that is `{{goals}}` becomes one line per documented SMART goal, `{{skills}}` one line
 *   per skill of the program's framework; after a `|`, the line to show when there are none
 *   (`{{goals|No goals yet}}`), else the point is left out.
 */
export const SMART_POINT =
  "Write each goal as a SMART goal: specific, measurable, attainable, relevant and time-bound, with a measure and a target date.";

export const DEFAULT_AGENDA_TEMPLATES: AgendaTemplates = {
  intro: {
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
  },
  starterFirst: {
    title: "{{session}}: Getting to know each other",
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
  },
  starterMiddle: {
    title: "{{session}}: Building the coaching relationship",
    sections: [
      {
        heading: "Reaffirm goals",
        minutes: "3–5 minutes",
        points: [
          "{{goals|No goals are documented yet: agree on them now and write them down.}}",
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
        points: [
          "Review the core skills together, choose one to explore this call, and dive into it.",
          "{{skills}}",
        ],
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
      { heading: "Next call", points: ["Confirm the schedule for the next call."] },
    ],
  },
  starterLast: {
    title: "{{session}}: Relationship check-in",
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
  },
  regular: {
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
          "{{goals}}",
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
  },
};
