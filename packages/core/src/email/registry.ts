import { notFound } from "../errors";
import type { z } from "../shared/zod";
import type { TemplateDefinition } from "./define";
import { actionItemReminder } from "./templates/action-item-reminder";
import { adminUnknownCoach } from "./templates/admin-unknown-coach";
import { adminWaitlistAlert } from "./templates/admin-waitlist-alert";
import { agendaReminder } from "./templates/agenda-reminder";
import { bookingConfirmation } from "./templates/booking-confirmation";
import { bookingNudge } from "./templates/booking-nudge";
import { coachBrief } from "./templates/coach-brief";
import { coachRecommendations } from "./templates/coach-recommendations";
import { continueCheckin } from "./templates/continue-checkin";
import { finishNudge } from "./templates/finish-nudge";
import { intakeWaitlisted } from "./templates/intake-waitlisted";
import { introClosing } from "./templates/intro-closing";
import { newSessionLink } from "./templates/new-session-link";
import { preworkReminder } from "./templates/prework-reminder";
import { sessionFollowup } from "./templates/session-followup";
import { welcomePricing } from "./templates/welcome-pricing";

/** Every email the product sends. Their names are a contract with SES and the senders. */
export const TEMPLATES = [
  coachRecommendations,
  intakeWaitlisted,
  adminWaitlistAlert,
  bookingConfirmation,
  coachBrief,
  preworkReminder,
  agendaReminder,
  finishNudge,
  adminUnknownCoach,
  sessionFollowup,
  welcomePricing,
  introClosing,
  bookingNudge,
  actionItemReminder,
  continueCheckin,
  newSessionLink,
] as const;

export type AnyTemplate = (typeof TEMPLATES)[number];
export type TemplateName = AnyTemplate["name"];
export type TemplateOf<N extends TemplateName> = Extract<AnyTemplate, { name: N }>;
/** What a caller passes for template `N` (before defaults and normalization). */
export type TemplateInput<N extends TemplateName> = z.input<TemplateOf<N>["schema"]>;

const byName = new Map<string, TemplateDefinition>(TEMPLATES.map((t) => [t.name, t]));

export function isTemplateName(name: string): name is TemplateName {
  return byName.has(name);
}

/** The template with this name; throws `not_found` for a name no template has. */
export function getTemplate<N extends TemplateName>(name: N): TemplateOf<N>;
export function getTemplate(name: string): TemplateDefinition;
export function getTemplate(name: string): TemplateDefinition {
  const def = byName.get(name);
  if (!def) throw notFound("email template");
  return def;
}
