import { linkUrl, signLink } from "../links/signed-links";
import { type JobDeps, type JobOutcome, sendOnce } from "../sessions/jobs";
import { isoSeconds } from "../sessions/schedule-names";
import { dayBefore, localTimeToUtc } from "./dates";
import { actionItemLine, unsubscribeHeaders } from "./emails";
import type { ActionItem } from "./model";

/** What an action item's reminder schedule carries: ids and the due date it was planned for. */
export interface ActionItemJobInput {
  v: 1;
  job: "action-item-reminder";
  actionItemId: string;
  dueDate: string;
}

/** The local hour, the day before the due date, when the client is reminded. */
export const REMINDER_HOUR = 9;

export const actionItemScheduleName = (id: string) => `${id}-reminder`;

/**
 * Keeps an action item's reminder in step with it: an open item with a reminder time still ahead
 * has one schedule (09:00 the day before it is due, in the client's time zone); a done item, one
 * due too soon, or one whose 09:00 the client's clocks skip that day (EventBridge's rule, 0017) has
 * none.
 */
export async function syncActionItemReminder(
  deps: JobDeps,
  item: ActionItem,
  timeZone: string,
): Promise<void> {
  const name = actionItemScheduleName(item.id);
  const at = localTimeToUtc(dayBefore(item.dueDate), REMINDER_HOUR, timeZone);
  if (item.done || !at || at.getTime() <= deps.clock.now().getTime() + 60_000) {
    await deps.scheduler.remove(name);
    return;
  }
  const input: ActionItemJobInput = {
    v: 1,
    job: "action-item-reminder",
    actionItemId: item.id,
    dueDate: item.dueDate,
  };
  await deps.scheduler.upsert({ name, at: isoSeconds(at), input: { ...input } });
}

/** Reminds the client of an open action item, unless it is done, moved, or the client opted out of nudges. */
export async function runActionItemJob(deps: JobDeps, input: ActionItemJobInput): Promise<JobOutcome> {
  const log = { actionItemId: input.actionItemId, job: input.job };
  const item = await deps.followups.getActionItem(input.actionItemId);
  if (!item || item.done || item.dueDate !== input.dueDate) {
    deps.logger.info("job skipped: stale", log);
    return "stale";
  }
  const [client, coach] = await Promise.all([
    deps.clients.get(item.clientId),
    deps.coaches.get(item.coachId),
  ]);
  if (!client || !coach || client.nudgesOff) {
    deps.logger.info("job skipped: not wanted", log);
    return "stale";
  }
  return sendOnce(deps, `${item.id}:reminder:${item.dueDate}`, log, async (mailer) => {
    const session = (await deps.bookings.getSessions([item.sessionId]))[0];
    if (!session) return;
    const ctx = { session, client, coach };
    const line = actionItemLine(deps, ctx, item);
    const unsubscribeUrl = linkUrl(
      deps.settings.publicBaseUrl,
      signLink(deps.settings.linkSecret, "unsubscribe", client.id, undefined, deps.clock.now()),
    );
    await mailer.toClient(
      client,
      "action-item-reminder",
      {
        programName: deps.mailer.programName,
        clientName: client.name,
        coachName: coach.name,
        item: { text: line.text, dueLabel: line.dueLabel },
        doneUrl: line.doneUrl,
        unsubscribeUrl,
      },
      unsubscribeHeaders(unsubscribeUrl),
    );
  });
}
