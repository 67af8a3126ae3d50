import type { Clock } from "../clock";
import { FOLLOWUP_JOB_KINDS, type FollowupJobKind, followupEmails } from "../followups/emails";
import type { Mailer } from "../notifications/mailer";
import { type SessionContext, sessionEmails } from "../notifications/session-emails";
import type {
  BookingStore,
  ClientRepository,
  CoachRepository,
  FollowupStore,
  JobScheduler,
  Logger,
  ProgramSource,
  SendLedger,
} from "../ports";
import { workspaceUrls } from "../workspace/urls";
import type { Session } from "./model";
import { JOB_KINDS, type JobKind, scheduleName } from "./schedule-names";
import { sendOnce } from "./send-once";
import { planTimeline } from "./timeline";

/** Every job that belongs to one session: its timeline, then what follows its finish. */
export type SessionJobKind = JobKind | FollowupJobKind;
export const SESSION_JOB_KINDS: readonly SessionJobKind[] = [...JOB_KINDS, ...FOLLOWUP_JOB_KINDS];

/** What a schedule carries to the dispatcher: ids and the time it was planned for, nothing personal. */
export interface JobInput {
  v: 1;
  sessionId: string;
  job: SessionJobKind;
  /** The session start the job was planned for; a moved session makes the firing stale. */
  startsAt: string;
  /**
   * The session's client and coach when the schedule was written, so that a firing reads them
   * with the session in one round trip. Absent from schedules written before they were added;
   * the session's own ids decide (a person read for other ids is read again).
   */
  clientId?: string;
  coachId?: string;
}

export interface JobDeps {
  bookings: BookingStore;
  followups: FollowupStore;
  clients: ClientRepository;
  coaches: CoachRepository;
  ledger: SendLedger;
  mailer: Mailer;
  scheduler: JobScheduler;
  clock: Clock;
  logger: Logger;
  settings: { publicBaseUrl: string; linkSecret: string };
  /** The program's settings: agenda templates, skills, email copy. */
  program: ProgramSource;
  /**
   * Schedule firings set this: a send another sender still holds makes the firing fail and be
   * retried (a dead sender's lease runs out), rather than count as done. Inline sends (a webhook,
   * a finish) skip it: whoever holds the claim is sending right now.
   */
  retryBusyClaims?: boolean;
}

export type JobOutcome = "sent" | "stale" | "duplicate" | "failed";

export { sendOnce };

/** Whether a job still makes sense for the session as it is now. */
function stillWanted(job: SessionJobKind, session: Session | undefined, input: JobInput): session is Session {
  if (!session || session.startsAt !== input.startsAt) return false;
  return (
    session.status === ((FOLLOWUP_JOB_KINDS as readonly string[]).includes(job) ? "finished" : "scheduled")
  );
}

/**
 * A booking nudge goes out only to a client still coached at a cadence, who has not turned nudges
 * off and has booked nothing with the coach after this session.
 */
async function nudgeWanted(deps: JobDeps, ctx: SessionContext): Promise<boolean> {
  const e = ctx.client.engagement;
  if (ctx.client.nudgesOff || e?.status !== "active" || e.coachId !== ctx.coach.id || e.mode !== "recurring")
    return false;
  const later = (await deps.bookings.sessionsOfClient(ctx.client.id)).filter(
    (s) => s.coachId === ctx.coach.id && s.status !== "cancelled" && s.startsAt > ctx.session.startsAt,
  );
  return later.length === 0;
}

/**
 * Runs one job of a session: re-reads the session, so that a stale, cancelled or repeated firing
 * does nothing, then sends at most once (see `sendOnce`).
 */
export async function runJob(
  deps: JobDeps,
  input: JobInput,
  loaded?: Partial<SessionContext> & { people?: () => Promise<Partial<SessionContext>> },
): Promise<JobOutcome> {
  const log = { sessionId: input.sessionId, job: input.job };
  const read = loaded?.session
    ? { session: loaded.session }
    : input.clientId && input.coachId
      ? await deps.bookings.getSessionWithPeople(input.sessionId, {
          clientId: input.clientId,
          coachId: input.coachId,
        })
      : { session: (await deps.bookings.getSessions([input.sessionId]))[0] };
  const session = read.session;
  if (!stillWanted(input.job, session, input)) {
    deps.logger.info("job skipped: stale", log);
    return "stale";
  }
  return sendOnce(deps, `${input.sessionId}:${input.job}:${input.startsAt}`, log, async (mailer) => {
    const people = loaded?.people ? await loaded.people() : {};
    const [client, coach] = await Promise.all([
      loaded?.client ??
        people.client ??
        (read.client?.id === session.clientId ? read.client : deps.clients.get(session.clientId)),
      loaded?.coach ??
        people.coach ??
        (read.coach?.id === session.coachId ? read.coach : deps.coaches.get(session.coachId)),
    ]);
    if (!client || !coach) throw Object.assign(new Error("client or coach missing"), { transient: false });
    const ctx = { session, client, coach };
    if (input.job === "booking-nudge" && !(await nudgeWanted(deps, ctx))) return;
    await send({ ...deps, mailer }, input.job, ctx);
  });
}

function send(deps: JobDeps, job: SessionJobKind, ctx: SessionContext): Promise<unknown> {
  switch (job) {
    case "session-followup":
    case "welcome-pricing":
    case "intro-closing":
    case "continue-checkin":
    case "booking-nudge":
      return followupEmails[job](deps, ctx);
    case "booking-confirmation":
      return sessionEmails.bookingConfirmation(deps.mailer, ctx);
    case "coach-brief":
      return sessionEmails.coachBrief(deps.mailer, ctx, deps.program, sessionUrl(deps, ctx));
    case "prework-reminder":
      return sessionEmails.preworkReminder(deps.mailer, ctx);
    case "agenda-reminder":
      return sessionEmails.agendaReminder(deps.mailer, ctx, deps.program, sessionUrl(deps, ctx));
    case "finish-nudge":
      // The coach workspace's finish form (a signed-out coach signs in and comes back to it).
      return sessionEmails.finishNudge(
        deps.mailer,
        ctx,
        workspaceUrls.finish(deps.settings.publicBaseUrl, ctx.session.id),
      );
  }
}

const sessionUrl = (deps: JobDeps, ctx: SessionContext) =>
  workspaceUrls.session(deps.settings.publicBaseUrl, ctx.session.id);

export const jobInput = (session: Session, job: SessionJobKind): JobInput => ({
  v: 1,
  sessionId: session.id,
  job,
  startsAt: session.startsAt,
  clientId: session.clientId,
  coachId: session.coachId,
});

/**
 * Makes a session's schedules match its state: a scheduled session gets its future reminders
 * (created, or moved after a reschedule) and its due ones sent now; a cancelled, finished or
 * merged session loses every schedule.
 *
 * Concurrent syncs of one session (two deliveries of a chain in flight) converge on its current
 * state: after writing the schedules, the session is read again (consistently), and if it moved
 * on since the state synced (a newer version, or merged away) the sync runs again from what is
 * there now. The last schedule write of any sync is then followed by a read that found no newer
 * state, and every later state's own sync writes after it, so no older state can win
 * (decision 0021). Due emails are sent for the state the sync converged on.
 */
export async function syncSessionJobs(
  deps: JobDeps,
  session: Session,
  opts: { deleted?: boolean } = {},
): Promise<void> {
  let current: Session | undefined = opts.deleted ? undefined : session;
  for (;;) {
    if (!current) {
      await removeAll(deps, session.id);
      return;
    }
    const plan = await writeSchedules(deps, current);
    const [latest] = await deps.bookings.getSessions([current.id]);
    if (latest && latest.version <= current.version) {
      await runImmediate(deps, current, plan.immediate);
      return;
    }
    current = latest;
  }
}

function removeAll(deps: JobDeps, sessionId: string): Promise<unknown> {
  return Promise.all(JOB_KINDS.map((kind) => deps.scheduler.remove(scheduleName(sessionId, kind))));
}

/** Upserts the session's future schedules and removes the others; answers the plan written. */
async function writeSchedules(deps: JobDeps, session: Session): Promise<{ immediate: JobKind[] }> {
  if (session.status !== "scheduled") {
    await removeAll(deps, session.id);
    return { immediate: [] };
  }
  const plan = planTimeline(session, deps.clock.now());
  const scheduled = new Set(plan.scheduled.map((s) => s.kind));
  await Promise.all([
    ...plan.scheduled.map((s) =>
      deps.scheduler.upsert({ name: s.name, at: s.at, input: { ...jobInput(session, s.kind) } }),
    ),
    ...JOB_KINDS.filter((k) => !scheduled.has(k)).map((k) =>
      deps.scheduler.remove(scheduleName(session.id, k)),
    ),
  ]);
  return plan;
}

/** Sends a session's due emails now. The client and coach are read once, and only when needed. */
async function runImmediate(deps: JobDeps, session: Session, jobs: readonly JobKind[]): Promise<void> {
  let people: Promise<Partial<SessionContext>> | undefined;
  const loadPeople = () => {
    people ??= Promise.all([deps.clients.get(session.clientId), deps.coaches.get(session.coachId)]).then(
      ([client, coach]) => ({ ...(client ? { client } : {}), ...(coach ? { coach } : {}) }),
    );
    return people;
  };
  for (const job of jobs) {
    await runJob(deps, jobInput(session, job), { session, people: loadPeople });
  }
}
