import { TOPICS } from "../matching/topics";
import { DEFAULT_AGENDA_TEMPLATES } from "./agenda-defaults";
import { Program } from "./program";
import type { MatchingWeights, ProgramSettings } from "./schema";
import { DEFAULT_COACHING_STYLES, DEFAULT_SENIORITY_LEVELS } from "./vocabulary-defaults";

/** Out of 100 per criterion (scaled to what applies), and the share of a later pick that is novelty. */
export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = {
  topics: 35,
  text: 20,
  timezone: 15,
  style: 10,
  seniority: 10,
  load: 10,
  diversity: 0.3,
};

/** The settings of a program that has stored none: the words the program started with. */
export const DEFAULT_PROGRAM_SETTINGS: ProgramSettings = {
  coachingStyles: DEFAULT_COACHING_STYLES,
  seniorityLevels: DEFAULT_SENIORITY_LEVELS,
  topics: TOPICS.map((t) => ({ id: t.slug, label: t.label, keywords: [...t.keywords] })),
  matchingWeights: DEFAULT_MATCHING_WEIGHTS,
  skills: [],
  agendaTemplates: DEFAULT_AGENDA_TEMPLATES,
  emailCopy: {
    followupIntro:
      "Thank you for your time and openness in today's session. Here is a short recap, so the important parts are in one place.",
    welcomeIntro:
      "Thank you for the intro conversation. {{coach}} enjoyed getting to know you and hearing what you want to work on. The good news: {{coach}} would like to be your coach.",
  },
};

/** The defaults as the code reads them: version 0, stored at the epoch (never, that is). */
export const defaultProgram = new Program(DEFAULT_PROGRAM_SETTINGS, 0, new Date(0).toISOString());
