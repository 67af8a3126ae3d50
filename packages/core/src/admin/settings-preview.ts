import { type EmailFooter, type SesTemplateData, templateData } from "../email/template-data";
import type { ProgramSettings } from "../program/schema";
import { agendaFor } from "../sessions/agendas";
import type { Agenda, SessionSlot } from "../sessions/model";

/**
 * What the settings page previews before saving: an agenda rendered from the typed templates by
 * the sessions' own `agendaFor`, and an email rendered from the stored SES template with the
 * typed copy (decision 0034). Sample people and goals only: no client's data reaches a preview.
 */

export const AGENDA_PREVIEWS = {
  intro: { label: "Intro session", slot: { kind: "intro" } },
  "starter-1": { label: "Starter session 1", slot: { kind: "starter", number: 1 } },
  "starter-3": { label: "Starter session 3 (as sessions 2–6)", slot: { kind: "starter", number: 3 } },
  "starter-7": { label: "Starter session 7", slot: { kind: "starter", number: 7 } },
  regular: { label: "A regular session", slot: { kind: "regular" } },
} as const satisfies Record<string, { label: string; slot: SessionSlot }>;
export type AgendaPreviewKey = keyof typeof AGENDA_PREVIEWS;

export const EMAIL_PREVIEWS = {
  "session-followup": "The follow-up after a session",
  "welcome-pricing": "The welcome with pricing, after an intro",
} as const;
export type EmailPreviewKey = keyof typeof EMAIL_PREVIEWS;

export const isAgendaPreview = (k: string): k is AgendaPreviewKey => Object.hasOwn(AGENDA_PREVIEWS, k);
export const isEmailPreview = (k: string): k is EmailPreviewKey => Object.hasOwn(EMAIL_PREVIEWS, k);

/** The sample client and coach every preview uses (the templates' own samples stay out of Lambda). */
const SAMPLE = {
  clientName: "Sam Rivera",
  coachName: "Ada Mensah",
  goals: [
    {
      text: "Hand the on-call rota to the team",
      measure: "the team runs two rotations without me",
      targetDate: "2026-09-30",
    },
  ],
};

/** The agenda a session of this kind would get under the typed templates and skills. */
export function agendaPreview(settings: ProgramSettings, which: AgendaPreviewKey): Agenda {
  return agendaFor(AGENDA_PREVIEWS[which].slot, {
    templates: settings.agendaTemplates,
    skills: settings.skills,
    goals: SAMPLE.goals,
  });
}

/** Renders a stored email template with data, as SES sends it (adapters/ses/template-preview.ts). */
export interface EmailPreviewRenderer {
  render(template: string, data: SesTemplateData): Promise<{ subject: string; text: string; html?: string }>;
}

const withCoach = (copy: string) => copy.replaceAll("{{coach}}", SAMPLE.coachName);

/** The data of the email with the typed copy, as its contract takes it, and its footer. */
export function emailPreviewInput(
  settings: ProgramSettings,
  which: EmailPreviewKey,
  programName: string,
): { input: Record<string, unknown>; footer: EmailFooter } {
  const people = { programName, clientName: SAMPLE.clientName, coachName: SAMPLE.coachName };
  const link = "https://coachflow.example/preview";
  const footer = { yourDataUrl: link };
  if (which === "welcome-pricing") {
    const intro = withCoach(settings.emailCopy.welcomeIntro);
    return { input: { ...people, intro, pricingUrl: link, bookingUrl: link }, footer };
  }
  const skill = settings.skills[0];
  const input = {
    ...people,
    sessionTime: "Tue, 2 June 2026, 17:00 (Europe/Lisbon)",
    kind: "starter",
    starterNumber: 3,
    intro: withCoach(settings.emailCopy.followupIntro),
    ...(skill ? { skill: `${skill.name} — ${skill.description}` } : {}),
    takeaways: ["Delegating the rota is about trusting the team with a decision."],
    actionItems: [
      {
        text: "Ask Priya to own the rota for June.",
        dueDate: "2026-06-05",
        dueLabel: "Friday, 5 June 2026",
        doneUrl: link,
      },
    ],
    next: {
      type: "recurring",
      cadenceLabel: "every two weeks",
      suggestedDateLabel: "Tuesday, 16 June 2026",
      bookingUrl: link,
    },
  };
  return { input, footer };
}

/** The template data of the email with the typed copy, checked by the email's own contract. */
export function emailPreviewData(
  settings: ProgramSettings,
  which: EmailPreviewKey,
  programName: string,
): SesTemplateData {
  const { input, footer } = emailPreviewInput(settings, which, programName);
  return templateData(which, input, footer);
}

export async function emailPreview(
  renderer: EmailPreviewRenderer,
  settings: ProgramSettings,
  which: EmailPreviewKey,
  programName: string,
) {
  return renderer.render(which, emailPreviewData(settings, which, programName));
}
