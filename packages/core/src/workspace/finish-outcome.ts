import type { Client } from "../clients/model";
import { REMINDER_HOUR } from "../followups/action-item-jobs";
import { CADENCE_LABEL, nextDue } from "../followups/dates";
import { NUDGE_DAYS_BEFORE_DUE } from "../followups/finish";
import type { ActionItem } from "../followups/model";
import type { Session } from "../sessions/model";
import { addDays } from "../shared/calendar-dates";

/** One line of the "meeting finished" page: an email that went, or a reminder that is now scheduled. */
export interface OutcomeLine {
  kind: "sent" | "scheduled";
  text: string;
}

/**
 * What finishing this session set off, in the words the result page shows: the emails (and to
 * whom) and the reminders scheduled. The same rules as `finishSession`'s `afterFinish`, read from
 * the finished session: a follow-up always; after an intro the welcome with pricing or a kind
 * close; after starter session 7 the check-in; a reminder per action item; for a recurring
 * client a nudge to book if nothing is booked before the next session is due.
 */
export function finishOutcome(
  session: Session,
  client: Pick<Client, "name" | "email" | "timezone">,
  items: readonly Pick<ActionItem, "text" | "dueDate">[],
): OutcomeLine[] {
  const finish = session.finish;
  if (!finish) return [];
  const to = `${client.name} (${client.email})`;
  const lines: OutcomeLine[] = [
    {
      kind: "sent",
      text: `A follow-up email to ${to} with ${count(finish.takeaways.length, "takeaway")} and ${count(items.length, "action item")}. Your private notes were not included.`,
    },
  ];
  if (session.kind === "intro")
    lines.push({
      kind: "sent",
      text: finish.workTogether
        ? `A welcome email with your pricing to ${to}.`
        : `A kind closing email to ${to}: you will not be working together.`,
    });
  if (session.kind === "starter" && session.number === 7)
    lines.push({ kind: "sent", text: `A check-in to ${to}: continue coaching or end here.` });
  for (const item of items)
    lines.push({
      kind: "scheduled",
      text: `A reminder to ${client.name} about "${item.text}" at ${String(REMINDER_HOUR).padStart(2, "0")}:00 their time the day before it is due (${item.dueDate}).`,
    });
  if (finish.next.type === "recurring") {
    // The day the finish step's booking nudge is set for (followups/finish.ts), on the client's calendar.
    const due = nextDue(session.startsAt, finish.next.cadence, client.timezone);
    const nudge = addDays(due, -NUDGE_DAYS_BEFORE_DUE);
    lines.push({
      kind: "scheduled",
      text: `Sessions continue ${CADENCE_LABEL[finish.next.cadence]}: if nothing is booked by ${nudge}, ${client.name} gets a reminder to book.`,
    });
  } else if (finish.next.type === "ad-hoc") {
    lines.push({
      kind: "scheduled",
      text: `Nothing more is scheduled: sessions are booked as needed ("+ new session" on the client's page).`,
    });
  } else {
    lines.push({ kind: "scheduled", text: "The engagement ends here: nothing more is scheduled." });
  }
  return lines;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
