import { type BookingCampaign, bookingLink } from "../bookings/links";
import { linkUrl, signLink } from "../links/signed-links";
import type { Mailer } from "../notifications/mailer";
import { kindFields, type SessionContext } from "../notifications/session-emails";
import type { FollowupStore, ProgramSource } from "../ports";
import type { Skill } from "../program/schema";
import { formatSessionTime } from "../sessions/format";
import { CADENCE_LABEL, dateLabel, nextDue } from "./dates";
import type { ActionItem } from "./model";

/** What the follow-up emails need besides the session, its client and its coach. */
export interface FollowupMailDeps {
  mailer: Mailer;
  followups: FollowupStore;
  clock: { now(): Date };
  settings: { publicBaseUrl: string; linkSecret: string };
  /** The program's email copy and skills. */
  program: ProgramSource;
}

export type FollowupJobKind =
  | "session-followup"
  | "welcome-pricing"
  | "intro-closing"
  | "continue-checkin"
  | "booking-nudge";
export const FOLLOWUP_JOB_KINDS: readonly FollowupJobKind[] = [
  "session-followup",
  "welcome-pricing",
  "intro-closing",
  "continue-checkin",
  "booking-nudge",
];

function link(
  deps: FollowupMailDeps,
  ctx: SessionContext,
  action: Parameters<typeof signLink>[1],
  ref?: string,
  version?: number,
) {
  return linkUrl(
    deps.settings.publicBaseUrl,
    signLink(deps.settings.linkSecret, action, ctx.client.id, ref, deps.clock.now(), version),
  );
}

/** The coach's session booking page (their intro page if they have no other), for this email. */
export const coachBookingUrl = (deps: FollowupMailDeps, ctx: SessionContext, campaign: BookingCampaign) =>
  bookingLink(ctx.coach, ctx.client, deps.settings.linkSecret, campaign);

/** The header pair that lets mail clients offer a one-click unsubscribe (RFC 8058). */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function actionItemLine(deps: FollowupMailDeps, ctx: SessionContext, item: ActionItem) {
  return {
    text: item.text,
    dueDate: item.dueDate,
    dueLabel: dateLabel(item.dueDate, ctx.client.timezone),
    doneUrl: link(deps, ctx, "action-item-done", item.id),
  };
}

/** The program's copy with `{{coach}}` as the coach's name. */
const withCoach = (copy: string, ctx: SessionContext) => copy.replaceAll("{{coach}}", ctx.coach.name);

const skillLine = (skill: Skill) => `${skill.name} — ${skill.description}`;

/** The emails that follow a finished session. None of them reads the coach's private notes. */
export const followupEmails: Record<
  FollowupJobKind,
  (deps: FollowupMailDeps, ctx: SessionContext) => Promise<void>
> = {
  async "session-followup"(deps, ctx) {
    const finish = ctx.session.finish!;
    const items =
      finish.actionItemIds.length > 0 ? await deps.followups.getActionItems(finish.actionItemIds) : [];
    const next = finish.next;
    const { emailCopy, skills } = (await deps.program.current()).settings;
    const skill = finish.skill === undefined ? undefined : skills.find((s) => s.id === finish.skill);
    await deps.mailer.toClient(ctx.client, "session-followup", {
      programName: deps.mailer.programName,
      clientName: ctx.client.name,
      coachName: ctx.coach.name,
      sessionTime: formatSessionTime(ctx.session.startsAt, ctx.session.endsAt, ctx.client.timezone),
      ...kindFields(ctx.session),
      intro: withCoach(emailCopy.followupIntro, ctx),
      // A skill the program removed since is still named, by its id in words.
      ...(finish.skill ? { skill: skill ? skillLine(skill) : finish.skill.replace(/-/g, " ") } : {}),
      takeaways: finish.takeaways,
      actionItems: items.map((i) => actionItemLine(deps, ctx, i)),
      next:
        next.type === "recurring"
          ? {
              type: "recurring",
              cadenceLabel: CADENCE_LABEL[next.cadence],
              suggestedDateLabel: dateLabel(
                nextDue(ctx.session.startsAt, next.cadence, ctx.client.timezone),
                ctx.client.timezone,
              ),
              bookingUrl: coachBookingUrl(deps, ctx, "followup"),
            }
          : next.type === "ad-hoc"
            ? { type: "ad-hoc", monthlyPackageUrl: ctx.coach.pricingUrl }
            : { type: "end" },
    });
  },
  async "welcome-pricing"(deps, ctx) {
    const { emailCopy } = (await deps.program.current()).settings;
    await deps.mailer.toClient(ctx.client, "welcome-pricing", {
      programName: deps.mailer.programName,
      clientName: ctx.client.name,
      coachName: ctx.coach.name,
      // The coach's own welcome (seed 004's sample is written by the coach), else the program's.
      intro: ctx.coach.welcomeMessage ?? withCoach(emailCopy.welcomeIntro, ctx),
      pricingUrl: ctx.coach.pricingUrl,
      bookingUrl: coachBookingUrl(deps, ctx, "welcome"),
    });
  },
  async "intro-closing"(deps, ctx) {
    await deps.mailer.toClient(ctx.client, "intro-closing", {
      programName: deps.mailer.programName,
      clientName: ctx.client.name,
      coachName: ctx.coach.name,
    });
  },
  async "continue-checkin"(deps, ctx) {
    await deps.mailer.toClient(ctx.client, "continue-checkin", {
      programName: deps.mailer.programName,
      clientName: ctx.client.name,
      coachName: ctx.coach.name,
      // Tied to the engagement as it is now: a later decision supersedes them (decision 0032).
      continueUrl: link(deps, ctx, "continue", ctx.session.id, ctx.client.engagementVersion ?? 0),
      endUrl: link(deps, ctx, "end", ctx.session.id, ctx.client.engagementVersion ?? 0),
    });
  },
  async "booking-nudge"(deps, ctx) {
    const next = ctx.session.finish?.next;
    if (next?.type !== "recurring") return;
    const unsubscribeUrl = link(deps, ctx, "unsubscribe");
    await deps.mailer.toClient(
      ctx.client,
      "booking-nudge",
      {
        programName: deps.mailer.programName,
        clientName: ctx.client.name,
        coachName: ctx.coach.name,
        dueLabel: dateLabel(
          nextDue(ctx.session.startsAt, next.cadence, ctx.client.timezone),
          ctx.client.timezone,
        ),
        bookingUrl: coachBookingUrl(deps, ctx, "booking-nudge"),
        unsubscribeUrl,
      },
      unsubscribeHeaders(unsubscribeUrl),
    );
  },
};
