import { coachHasClient } from "../access/coach-access";
import { assertCanSee, type Principal } from "../access/principal";
import type { Client } from "../clients/model";
import { AppError, ConditionFailedError, conflict, NOTES_CHANGED, notFound } from "../errors";
import { newId } from "../ids";
import type { SessionContext } from "../notifications/session-emails";
import type { EngagementChange } from "../ports";
import { termKey } from "../program/term-key";
import { type JobDeps, jobInput, runJob, syncSessionJobs } from "../sessions/jobs";
import type { Session, SessionFinish } from "../sessions/model";
import { isoSeconds } from "../sessions/schedule-names";
import { addDays } from "../shared/calendar-dates";
import { issueMessages, labelFor } from "../shared/issue-messages";
import type * as z from "../shared/zod";
import { syncActionItemReminder } from "./action-item-jobs";
import { localDate, nextDue, sameLocalTimeOn } from "./dates";
import type { ActionItem, Engagement } from "./model";
import { FINISH_LABELS, type FinishInput, MAX_NOTES_CHARS } from "./schema";

/** Days before the next session is due when a client with nothing booked is nudged. */
export const NUDGE_DAYS_BEFORE_DUE = 2;

export const notesTooLarge = () =>
  new AppError("payload_too_large", `Private notes must be ${MAX_NOTES_CHARS} characters or fewer`, [
    {
      path: "notes",
      label: "Private notes",
      message: `Private notes must be ${MAX_NOTES_CHARS} characters or fewer`,
    },
  ]);

/**
 * A save of private notes over a version that is no longer stored: the coach (in another tab) or a
 * merge of a rescheduled booking's session (decision 0009) changed them since they were read.
 * Nothing is saved; the coach reads the notes as they are now and saves again.
 */
export const notesChanged = (path: string) => {
  const message =
    "Private notes changed since you opened them, so nothing was saved: read them as they are now";
  return new AppError("conflict", message, [{ path, label: "Private notes", message }]);
};

/** Reads a session the principal may see, or answers 404 as if it did not exist. */
export async function visibleSession(
  deps: Pick<JobDeps, "bookings">,
  principal: Principal,
  id: string,
): Promise<Session> {
  const session = (await deps.bookings.getSessions([id]))[0];
  if (!session) throw notFound("session");
  assertCanSee(principal, session.coachId, "session");
  return session;
}

/**
 * "Finish meeting": records takeaways, action items, private notes and what comes next, then
 * sends the follow-up (and, after an intro, the welcome or a kind close; after starter session 7,
 * the check-in) and sets the reminders. Finishing again sends nothing twice: it only completes
 * whatever the first call left undone.
 */
export async function finishSession(
  deps: JobDeps,
  principal: Principal,
  id: string,
  input: FinishInput,
  attempt = 1,
): Promise<{ session: Session; alreadyFinished: boolean }> {
  if (input.privateNotes !== undefined && input.privateNotes.length > MAX_NOTES_CHARS) throw notesTooLarge();
  const session = await visibleSession(deps, principal, id);
  if (session.status === "cancelled")
    throw new AppError("conflict", "this session was cancelled; there is nothing to finish");
  const now = deps.clock.now();
  if (session.status === "scheduled" && Date.parse(session.startsAt) > now.getTime()) {
    throw new AppError("conflict", "this session has not started yet; finish it after the meeting");
  }
  const [client, coach] = await Promise.all([
    deps.clients.get(session.clientId),
    deps.coaches.get(session.coachId),
  ]);
  if (!client || !coach) throw notFound("client");
  // Only a coach who has the client finishes with them: never an unverified booking (decision 0030).
  if (session.status !== "finished" && !coachHasClient(client, coach.id, [session]))
    throw conflict("this booking is not confirmed as the client's yet");
  if (session.status === "finished") {
    await afterFinish(deps, { session, client, coach });
    return { session, alreadyFinished: true };
  }
  checkInput(session, client, input, now);
  refuseSecondEngagement(session, client, input);
  const skill = input.skill === undefined ? undefined : await skillId(deps, input.skill);

  const at = now.toISOString();
  const workTogether = session.kind === "intro" ? input.workTogether : undefined;
  const next = workTogether === false ? ({ type: "end" } as const) : input.next;
  const items: ActionItem[] = input.actionItems.map((a) => ({
    id: newId("actionItem", now.getTime()),
    clientId: client.id,
    coachId: coach.id,
    sessionId: session.id,
    text: a.text,
    dueDate: a.dueDate,
    done: false,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }));
  const finish: SessionFinish = {
    finishedAt: at,
    takeaways: input.takeaways,
    next,
    ...(workTogether !== undefined ? { workTogether } : {}),
    ...(skill !== undefined ? { skill } : {}),
    actionItemIds: items.map((i) => i.id),
  };
  const finished: Session = {
    ...session,
    status: "finished",
    finish,
    updatedAt: at,
    version: session.version + 1,
  };
  const engagement = engagementAfter(client, finished, at);
  try {
    await deps.followups.commitFinish(
      {
        session: finished,
        actionItems: items,
        ...(input.privateNotes !== undefined
          ? {
              notes: {
                sessionId: session.id,
                coachId: coach.id,
                notes: input.privateNotes,
                ...(input.notesVersion !== undefined ? { expectedVersion: input.notesVersion } : {}),
              },
            }
          : {}),
        ...(engagement ? { engagement } : {}),
      },
      at,
    );
  } catch (error) {
    if (error instanceof ConditionFailedError && error.message === NOTES_CHANGED)
      throw notesChanged("privateNotes");
    if (!(error instanceof ConditionFailedError) || attempt >= 3) throw error;
    // Someone finished or changed it meanwhile: answer from what is stored now.
    return finishSession(deps, principal, id, input, attempt + 1);
  }
  deps.logger.info("session finished", { sessionId: session.id, next: next.type, actionItems: items.length });
  const updatedClient = engagement
    ? { ...client, engagement: engagement.next, engagementVersion: engagement.version + 1 }
    : client;
  await afterFinish(deps, { session: finished, client: updatedClient, coach }, items);
  return { session: finished, alreadyFinished: false };
}

function checkInput(session: Session, client: Client, input: FinishInput, now: Date): void {
  const today = localDate(now, client.timezone);
  // Worded like the schema's issues (shared/issue-messages.ts), with the same labels.
  const fields = input.actionItems.flatMap((a, i) => {
    if (a.dueDate >= today) return [];
    const label = labelFor(["actionItems", i, "dueDate"], FINISH_LABELS);
    return [{ path: `actionItems.${i}.dueDate`, label, message: `${label} must be today or later` }];
  });
  if (session.kind === "intro" && input.workTogether === undefined) {
    const label = FINISH_LABELS.workTogether!;
    fields.push({ path: "workTogether", label, message: `Say whether you ${label.toLowerCase()}` });
  }
  if (fields.length > 0)
    throw new AppError("validation_failed", fields.map((f) => f.message).join("; "), fields);
}

/**
 * An intro never takes a client away from the coach they are working with (issue 11): going
 * ahead while the client's engagement with another coach is active is refused, and nothing is
 * stored or sent. A race with that engagement starting is caught by the store's version check.
 */
function refuseSecondEngagement(session: Session, client: Client, input: FinishInput): void {
  const engaged = client.engagement;
  if (session.kind !== "intro" || input.workTogether !== true) return;
  if (engaged?.status !== "active" || engaged.coachId === session.coachId) return;
  const message =
    "this client is already working with another coach: answer no to working together, or ask the program team to end that engagement first";
  throw new AppError("conflict", message, [{ path: "workTogether", message }]);
}

/**
 * The engagement after a finished session: an intro the coach wants to go ahead with starts one
 * with this coach (never while another coach's is active: `refuseSecondEngagement`); "end" ends
 * this coach's; a later session updates how often they meet. The store derives the coaches' load
 * from the change.
 */
function engagementAfter(client: Client, session: Session, at: string): EngagementChange | undefined {
  const finish = session.finish!;
  const previous = client.engagement;
  const current = previous?.coachId === session.coachId ? previous : undefined;
  const wasActive = current?.status === "active";
  const starts = session.kind === "intro" ? finish.workTogether === true : wasActive;
  const change = (next: Engagement): EngagementChange => ({
    clientId: client.id,
    ...(previous ? { previous } : {}),
    next,
    version: client.engagementVersion ?? 0,
  });
  if (finish.next.type === "end" || !starts) {
    if (!current || current.status === "ended") return undefined;
    return change({ ...current, status: "ended", endedAt: at });
  }
  return change({
    coachId: session.coachId,
    status: "active",
    mode: finish.next.type === "recurring" ? "recurring" : "ad-hoc",
    ...(finish.next.type === "recurring" ? { cadence: finish.next.cadence } : {}),
    since: wasActive && current ? current.since : at,
  });
}

/**
 * Everything a finished session sets off; each step is idempotent. The emails use the people read
 * for it; `written`: the action items this call has just committed (else they are read).
 */
async function afterFinish(deps: JobDeps, people: SessionContext, written?: ActionItem[]): Promise<void> {
  const { session, client } = people;
  const finish = session.finish!;
  await syncSessionJobs(deps, session);
  await runJob(deps, jobInput(session, "session-followup"), people);
  if (session.kind === "intro") {
    await runJob(deps, jobInput(session, finish.workTogether ? "welcome-pricing" : "intro-closing"), people);
  }
  if (session.kind === "starter" && session.number === 7) {
    await runJob(deps, jobInput(session, "continue-checkin"), people);
  }
  if (finish.next.type === "recurring") {
    // Two days before the due day, at the session's local time of day, on the client's calendar (0017).
    const due = nextDue(session.startsAt, finish.next.cadence, client.timezone);
    const at = sameLocalTimeOn(
      session.startsAt,
      addDays(due, -NUDGE_DAYS_BEFORE_DUE),
      client.timezone,
    )?.getTime();
    const name = `${session.id}-booking-nudge`;
    if (at !== undefined && at > deps.clock.now().getTime() + 60_000) {
      await deps.scheduler.upsert({
        name,
        at: isoSeconds(at),
        input: { ...jobInput(session, "booking-nudge") },
      });
    }
  }
  // Read by id, consistently: the index of a client's items may not show them yet.
  const items =
    written ??
    (finish.actionItemIds.length > 0 ? await deps.followups.getActionItems(finish.actionItemIds) : []);
  for (const item of items) await syncActionItemReminder(deps, item, client.timezone);
}

/** The id of one of the program's skills, named by id or name in any case; else a 400 listing them. */
async function skillId(deps: Pick<JobDeps, "program">, word: string): Promise<string> {
  const { skills } = (await deps.program.current()).settings;
  const found = skills.find((s) => termKey(s.id) === termKey(word) || termKey(s.name) === termKey(word));
  if (found) return found.id;
  const issue = { code: "invalid_value", values: skills.map((s) => s.name), path: ["skill"], message: "" };
  const fields = issueMessages([issue as z.core.$ZodIssue], FINISH_LABELS);
  throw new AppError("validation_failed", fields.map((f) => f.message).join("; "), fields);
}
