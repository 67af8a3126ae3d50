import type { Clock } from "../clock";
import type { Mailer } from "../notifications/mailer";
import { type SessionContext, sessionEmails } from "../notifications/session-emails";
import type {
  BookingStore,
  ClientRepository,
  CoachRepository,
  JobScheduler,
  Logger,
  SendLedger,
} from "../ports";
import { describeError } from "../shared/describe-error";
import type { Session } from "./model";
import { JOB_KINDS, type JobKind, scheduleName } from "./schedule-names";
import { planTimeline } from "./timeline";

/** What a schedule carries to the dispatcher: ids and the time it was planned for, nothing personal. */
export interface JobInput {
  v: 1;
  sessionId: string;
  job: JobKind;
  /** The session start the job was planned for; a moved session makes the firing stale. */
  startsAt: string;
}

export interface JobDeps {
  bookings: BookingStore;
  clients: ClientRepository;
  coaches: CoachRepository;
  ledger: SendLedger;
  mailer: Mailer;
  scheduler: JobScheduler;
  clock: Clock;
  logger: Logger;
  settings: { publicBaseUrl: string };
}

export type JobOutcome = "sent" | "stale" | "duplicate" | "failed";

/** Whether a job still makes sense for the session as it is now. */
function stillWanted(job: JobKind, session: Session | undefined, input: JobInput): session is Session {
  if (!session || session.startsAt !== input.startsAt) return false;
  if (job === "finish-nudge") return session.status === "scheduled";
  return session.status === "scheduled";
}

/**
 * Runs one job of a session: re-reads the session (a stale, cancelled or repeated firing does
 * nothing), claims the send in the ledger (at most once per logical send), then sends. A transient
 * failure gives the claim back and rethrows so that the caller retries; a permanent one is recorded
 * on the claim and reported in the log, never dropped silently.
 */
export async function runJob(
  deps: JobDeps,
  input: JobInput,
  loaded?: Partial<SessionContext>,
): Promise<JobOutcome> {
  const log = { sessionId: input.sessionId, job: input.job };
  const session = loaded?.session ?? (await deps.bookings.getSessions([input.sessionId]))[0];
  if (!stillWanted(input.job, session, input)) {
    deps.logger.info("job skipped: stale", log);
    return "stale";
  }
  const key = `${input.sessionId}:${input.job}:${input.startsAt}`;
  if (!(await deps.ledger.claim(key, { sessionId: input.sessionId, job: input.job }))) {
    deps.logger.info("job skipped: already sent", log);
    return "duplicate";
  }
  try {
    const [client, coach] = await Promise.all([
      loaded?.client ?? deps.clients.get(session.clientId),
      loaded?.coach ?? deps.coaches.get(session.coachId),
    ]);
    if (!client || !coach) throw Object.assign(new Error("client or coach missing"), { transient: false });
    await send(deps, input.job, { session, client, coach });
    deps.logger.info("job sent", log);
    return "sent";
  } catch (error) {
    const info = describeError(error);
    if (info.transient) {
      await deps.ledger.release(key);
      deps.logger.warn("job failed, will be retried", { ...log, ...info });
      throw error;
    }
    await deps.ledger.markFailed(key, info.errorCode ?? info.errorName);
    deps.logger.error("job failed permanently", { ...log, ...info });
    return "failed";
  }
}

function send(deps: JobDeps, job: JobKind, ctx: SessionContext): Promise<void> {
  switch (job) {
    case "booking-confirmation":
      return sessionEmails.bookingConfirmation(deps.mailer, ctx);
    case "coach-brief":
      return sessionEmails.coachBrief(deps.mailer, ctx);
    case "prework-reminder":
      return sessionEmails.preworkReminder(deps.mailer, ctx);
    case "agenda-reminder":
      return sessionEmails.agendaReminder(deps.mailer, ctx);
    case "finish-nudge":
      return sessionEmails.finishNudge(
        deps.mailer,
        ctx,
        `${deps.settings.publicBaseUrl}/v1/sessions/${ctx.session.id}/finish`,
      );
  }
}

const jobInput = (session: Session, job: JobKind): JobInput => ({
  v: 1,
  sessionId: session.id,
  job,
  startsAt: session.startsAt,
});

/**
 * Makes a session's schedules match its state: a scheduled session gets its future reminders
 * (created, or moved after a reschedule) and its due ones sent now; a cancelled, finished or
 * merged session loses every schedule.
 */
export async function syncSessionJobs(
  deps: JobDeps,
  session: Session,
  opts: { deleted?: boolean } = {},
): Promise<void> {
  if (opts.deleted || session.status !== "scheduled") {
    await Promise.all(JOB_KINDS.map((kind) => deps.scheduler.remove(scheduleName(session.id, kind))));
    return;
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
  if (plan.immediate.length === 0) return;
  const [client, coach] = await Promise.all([
    deps.clients.get(session.clientId),
    deps.coaches.get(session.coachId),
  ]);
  for (const job of plan.immediate) {
    await runJob(deps, jobInput(session, job), {
      session,
      ...(client ? { client } : {}),
      ...(coach ? { coach } : {}),
    });
  }
}
