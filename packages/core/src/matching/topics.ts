/**
 * The topic vocabulary: the intake form's checkboxes and what the matcher looks for in free text.
 *
 * A keyword is a word or phrase, lower case. In free text it matches case-insensitively at the start
 * of a word; the last word of a keyword may be a stem ("delegat" finds "delegate" and "delegation"),
 * every earlier word must match whole ("speaking up", "my manager"). Punctuation and hyphens in a
 * keyword count as spaces, so "one-on-one" finds "one on one" too. Labels read well both on a
 * checkbox and inside a sentence ("Specializes in handling conflict").
 */
export interface Topic {
  slug: string;
  label: string;
  keywords: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    slug: "leadership",
    label: "Leadership",
    keywords: ["leadership", "leader", "leading", "influenc", "lead by example", "set direction"],
  },
  {
    slug: "communication",
    label: "Communication",
    keywords: [
      "communicat",
      "speaking up",
      "speak up",
      "meeting",
      "articulat",
      "explain",
      "clarity",
      "written",
    ],
  },
  {
    slug: "delegation",
    label: "Delegation",
    keywords: ["delegat", "micromanag", "letting go", "let go", "hand off", "handing off", "bottleneck"],
  },
  {
    slug: "managing-up",
    label: "Managing up",
    keywords: ["managing up", "manage up", "my manager", "my boss", "skip level", "upper management"],
  },
  {
    slug: "conflict",
    label: "Handling conflict",
    keywords: [
      "conflict",
      "disagree",
      "tension",
      "friction",
      "confront",
      "difficult conversation",
      "argument",
    ],
  },
  {
    slug: "career-growth",
    label: "Career growth",
    keywords: ["career", "growth", "grow", "next step", "professional development", "career path"],
  },
  {
    slug: "promotion",
    label: "Getting promoted",
    keywords: ["promo", "staff engineer", "principal", "next level", "level up", "title"],
  },
  {
    slug: "first-time-manager",
    label: "Stepping into management",
    keywords: [
      "first time manager",
      "new manager",
      "new to management",
      "became a manager",
      "direct reports",
      "one on one",
      "people manager",
    ],
  },
  {
    slug: "hiring",
    label: "Hiring and interviewing",
    keywords: ["hiring", "hire", "interview", "recruit", "candidate", "headcount", "onboard"],
  },
  {
    slug: "team-building",
    label: "Team building",
    keywords: [
      "team building",
      "team culture",
      "culture",
      "morale",
      "trust",
      "psychological safety",
      "cohesi",
    ],
  },
  {
    slug: "stakeholder-management",
    label: "Stakeholder management",
    keywords: ["stakeholder", "product manager", "cross functional", "alignment", "expectation", "buy in"],
  },
  {
    slug: "work-life-balance",
    label: "Work-life balance",
    keywords: [
      "burnout",
      "burned out",
      "burnt out",
      "overwhelm",
      "exhaust",
      "work life balance",
      "long hours",
    ],
  },
  {
    slug: "imposter-syndrome",
    label: "Imposter syndrome",
    keywords: ["imposter", "impostor", "self doubt", "confidence", "not good enough", "fraud"],
  },
  {
    slug: "technical-strategy",
    label: "Technical strategy",
    keywords: [
      "technical strategy",
      "architecture",
      "tech debt",
      "technical debt",
      "system design",
      "migration",
    ],
  },
  {
    slug: "productivity",
    label: "Productivity",
    keywords: [
      "productiv",
      "focus",
      "prioriti",
      "time management",
      "procrastinat",
      "context switch",
      "deadline",
    ],
  },
  {
    slug: "public-speaking",
    label: "Public speaking",
    keywords: ["public speaking", "presentation", "presenting", "conference", "all hands", "stage fright"],
  },
  {
    slug: "feedback",
    label: "Giving and receiving feedback",
    keywords: ["feedback", "performance review", "criticism", "critique", "underperform", "praise"],
  },
  {
    slug: "change-management",
    label: "Change management",
    keywords: ["change management", "reorg", "restructur", "layoff", "merger", "acquisition", "uncertain"],
  },
  {
    slug: "mentoring",
    label: "Mentoring others",
    keywords: ["mentor", "sponsor", "coach my team", "develop my team", "junior engineers"],
  },
  {
    slug: "decision-making",
    label: "Decision making",
    keywords: ["decision", "decisive", "trade off", "tradeoff", "ambigu", "judgment", "judgement"],
  },
];

const bySlug = new Map(TOPICS.map((t) => [t.slug, t]));

/** The vocabulary entry for a slug, if the slug is one of ours. */
export function topicBySlug(slug: string): Topic | undefined {
  return bySlug.get(slug);
}

/** How a topic or specialty reads inside a sentence: "managing up", "kubernetes operations". */
export function topicPhrase(slug: string): string {
  const label = bySlug.get(slug)?.label ?? slug.replace(/-/g, " ");
  return label.charAt(0).toLowerCase() + label.slice(1);
}
