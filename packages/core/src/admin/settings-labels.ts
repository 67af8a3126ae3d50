import { PROGRAM_LABELS } from "../program/schema";
import type { FieldLabels } from "../shared/issue-messages";
import type { AgendaTemplateKey } from "./settings-form";

/** How the settings form names each agenda template (its fieldset's legend). */
export const AGENDA_TEMPLATE_NAMES: Record<AgendaTemplateKey, string> = {
  intro: "Intro agenda",
  starterFirst: "Starter session 1 agenda",
  starterMiddle: "Starter sessions 2–6 agenda",
  starterLast: "Starter session 7 agenda",
  regular: "Regular session agenda",
};

/** What each matching weight weighs, as the form labels it. */
export const WEIGHT_NAMES = {
  topics: "topics",
  text: "the client's own words",
  timezone: "time zone",
  style: "coaching style",
  seniority: "seniority",
  load: "load",
  diversity: "diversity",
} as const;

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The settings' fields as the admin form labels them, for the one mapping of issues to messages
 * (shared/issue-messages.ts): the API's labels (PROGRAM_LABELS) and one per input of the form,
 * numbered by the form's rows, so that "Enter the label of coaching style 3" names the row the
 * page calls coaching style 3.
 */
export const SETTINGS_FORM_LABELS: FieldLabels = {
  ...PROGRAM_LABELS,
  ...Object.fromEntries(
    (
      [
        ["coachingStyles", "coaching style"],
        ["seniorityLevels", "seniority level"],
        ["topics", "topic"],
      ] as const
    ).flatMap(([list, noun]) => [
      [`${list}.#.id`, `The id of ${noun} #`],
      [`${list}.#.label`, `The label of ${noun} #`],
      [`${list}.#.aliases`, `Aliases of ${noun} #`],
      [`${list}.#.aliases.#`, `${noun[0]!.toUpperCase()}${noun.slice(1)} #: alias #`],
    ]),
  ),
  "topics.#.keywords": "Keywords of topic #",
  "topics.#.keywords.#": "Topic #: keyword #",
  "skills.#.id": "The id of skill #",
  "skills.#.name": "The name of skill #",
  "skills.#.description": "The description of skill #",
  ...Object.fromEntries(
    Object.entries(WEIGHT_NAMES).map(([k, name]) => [`matchingWeights.${k}`, `The weight of ${name}`]),
  ),
  ...Object.fromEntries(
    Object.entries(AGENDA_TEMPLATE_NAMES).flatMap(([key, name]) => [
      [`agendaTemplates.${key}`, name],
      [`agendaTemplates.${key}.title`, `The title of the ${lower(name)}`],
      [`agendaTemplates.${key}.sections`, `Sections of the ${lower(name)}`],
      [`agendaTemplates.${key}.sections.#.heading`, `The heading of ${lower(name)} section #`],
      [`agendaTemplates.${key}.sections.#.minutes`, `The time of ${lower(name)} section #`],
      [`agendaTemplates.${key}.sections.#.points`, `Points of ${lower(name)} section #`],
      [`agendaTemplates.${key}.sections.#.points.#`, `${name} section #: point #`],
    ]),
  ),
  "emailCopy.followupIntro": "The opening of the follow-up email",
  "emailCopy.welcomeIntro": "The opening of the welcome email",
};
