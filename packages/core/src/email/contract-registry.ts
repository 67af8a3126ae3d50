import { notFound } from "../errors";
import type * as z from "../shared/zod";
import type { TemplateContract } from "./contract";
import { actionItemReminder } from "./contracts/action-item-reminder";
import { adminAnswersChanged } from "./contracts/admin-answers-changed";
import { adminClientErased } from "./contracts/admin-client-erased";
import { adminSignIn } from "./contracts/admin-sign-in";
import { adminUnknownCoach } from "./contracts/admin-unknown-coach";
import { adminUnverifiedBooking } from "./contracts/admin-unverified-booking";
import { adminWaitlistAlert } from "./contracts/admin-waitlist-alert";
import { agendaReminder } from "./contracts/agenda-reminder";
import { bookingConfirmation } from "./contracts/booking-confirmation";
import { bookingIdentityCheck } from "./contracts/booking-identity-check";
import { bookingNudge } from "./contracts/booking-nudge";
import { coachBrief } from "./contracts/coach-brief";
import { coachRecommendations } from "./contracts/coach-recommendations";
import { coachSignIn } from "./contracts/coach-sign-in";
import { continueCheckin } from "./contracts/continue-checkin";
import { finishNudge } from "./contracts/finish-nudge";
import { intakeConfirmAnswers } from "./contracts/intake-confirm-answers";
import { intakeWaitlisted } from "./contracts/intake-waitlisted";
import { introClosing } from "./contracts/intro-closing";
import { newSessionLink } from "./contracts/new-session-link";
import { preworkReminder } from "./contracts/prework-reminder";
import { sessionFollowup } from "./contracts/session-followup";
import { welcomePricing } from "./contracts/welcome-pricing";

/**
 * Every email the product sends, as the sending code knows it: name, schema, subject fields. Their
 * names are a contract with SES and the senders. The Lambdas import this registry, never the full
 * one in `registry.ts`: the template sources are deployed to SES, which renders them.
 */
export const CONTRACTS = [
  coachRecommendations,
  intakeWaitlisted,
  adminWaitlistAlert,
  bookingConfirmation,
  coachBrief,
  preworkReminder,
  agendaReminder,
  finishNudge,
  adminUnknownCoach,
  adminClientErased,
  adminUnverifiedBooking,
  bookingIdentityCheck,
  sessionFollowup,
  welcomePricing,
  introClosing,
  bookingNudge,
  actionItemReminder,
  continueCheckin,
  newSessionLink,
  coachSignIn,
  intakeConfirmAnswers,
  adminAnswersChanged,
  adminSignIn,
] as const;

export type AnyContract = (typeof CONTRACTS)[number];
export type TemplateName = AnyContract["name"];
export type ContractOf<N extends TemplateName> = Extract<AnyContract, { name: N }>;
/** What a caller passes for template `N` (before defaults and normalization). */
export type TemplateInput<N extends TemplateName> = z.input<ContractOf<N>["schema"]>;

const byName = new Map<string, TemplateContract>(CONTRACTS.map((c) => [c.name, c]));

export function isTemplateName(name: string): name is TemplateName {
  return byName.has(name);
}

/** The contract of the template with this name; throws `not_found` for a name no template has. */
export function getContract<N extends TemplateName>(name: N): ContractOf<N>;
export function getContract(name: string): TemplateContract;
export function getContract(name: string): TemplateContract {
  const contract = byName.get(name);
  if (!contract) throw notFound("email template");
  return contract;
}
