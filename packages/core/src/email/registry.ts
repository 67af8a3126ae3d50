import { notFound } from "../errors";
import type { TemplateName } from "./contract-registry";
import type { TemplateDefinition } from "./define";
import { actionItemReminderTemplate } from "./templates/action-item-reminder";
import { adminAnswersChangedTemplate } from "./templates/admin-answers-changed";
import { adminClientErasedTemplate } from "./templates/admin-client-erased";
import { adminSignInTemplate } from "./templates/admin-sign-in";
import { adminUnknownCoachTemplate } from "./templates/admin-unknown-coach";
import { adminUnverifiedBookingTemplate } from "./templates/admin-unverified-booking";
import { adminWaitlistAlertTemplate } from "./templates/admin-waitlist-alert";
import { agendaReminderTemplate } from "./templates/agenda-reminder";
import { bookingConfirmationTemplate } from "./templates/booking-confirmation";
import { bookingIdentityCheckTemplate } from "./templates/booking-identity-check";
import { bookingNudgeTemplate } from "./templates/booking-nudge";
import { coachBriefTemplate } from "./templates/coach-brief";
import { coachRecommendationsTemplate } from "./templates/coach-recommendations";
import { coachSignInTemplate } from "./templates/coach-sign-in";
import { continueCheckinTemplate } from "./templates/continue-checkin";
import { finishNudgeTemplate } from "./templates/finish-nudge";
import { intakeConfirmAnswersTemplate } from "./templates/intake-confirm-answers";
import { intakeWaitlistedTemplate } from "./templates/intake-waitlisted";
import { introClosingTemplate } from "./templates/intro-closing";
import { newSessionLinkTemplate } from "./templates/new-session-link";
import { preworkReminderTemplate } from "./templates/prework-reminder";
import { sessionFollowupTemplate } from "./templates/session-followup";
import { welcomePricingTemplate } from "./templates/welcome-pricing";

/**
 * Every template with its sources, in the order of `CONTRACTS`: what the CDK app deploys to SES, and
 * what local rendering, previews and tests use. Not for Lambda code, which needs only the contracts.
 */
export const TEMPLATES = [
  coachRecommendationsTemplate,
  intakeWaitlistedTemplate,
  adminWaitlistAlertTemplate,
  bookingConfirmationTemplate,
  coachBriefTemplate,
  preworkReminderTemplate,
  agendaReminderTemplate,
  finishNudgeTemplate,
  adminUnknownCoachTemplate,
  adminClientErasedTemplate,
  adminUnverifiedBookingTemplate,
  bookingIdentityCheckTemplate,
  sessionFollowupTemplate,
  welcomePricingTemplate,
  introClosingTemplate,
  bookingNudgeTemplate,
  actionItemReminderTemplate,
  continueCheckinTemplate,
  newSessionLinkTemplate,
  coachSignInTemplate,
  intakeConfirmAnswersTemplate,
  adminAnswersChangedTemplate,
  adminSignInTemplate,
] as const;

export type AnyTemplate = (typeof TEMPLATES)[number];
export type TemplateOf<N extends TemplateName> = Extract<AnyTemplate, { name: N }>;

const byName = new Map<string, TemplateDefinition>(TEMPLATES.map((t) => [t.name, t]));

/** The template with this name; throws `not_found` for a name no template has. */
export function getTemplate<N extends TemplateName>(name: N): TemplateOf<N>;
export function getTemplate(name: string): TemplateDefinition;
export function getTemplate(name: string): TemplateDefinition {
  const def = byName.get(name);
  if (!def) throw notFound("email template");
  return def;
}
