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
import { describeError } from "../shared/describe-error";
import { workspaceUrls } from "../workspace/urls";
import type { Session } from "./model";
import { JOB_KINDS, type JobKind, scheduleName } from "./schedule-names";
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
  const session = loaded?.session ?? (await deps.bookings.getSessions([input.sessionId]))[0];
  if (!stillWanted(input.job, session, input)) {
    deps.logger.info("job skipped: stale", log);
    return "stale";
  }
  return sendOnce(deps, `${input.sessionId}:${input.job}:${input.startsAt}`, log, async () => {
    const people = loaded?.people ? await loaded.people() : {};
    const [client, coach] = await Promise.all([
      loaded?.client ?? people.client ?? deps.clients.get(session.clientId),
      loaded?.coach ?? people.coach ?? deps.coaches.get(session.coachId),
    ]);
    if (!client || !coach) throw Object.assign(new Error("client or coach missing"), { transient: false });
    const ctx = { session, client, coach };
    if (input.job === "booking-nudge" && !(await nudgeWanted(deps, ctx))) return false;
    await send(deps, input.job, ctx);
    return true;
  });
}

/**
 * At most once per logical send: claims `key` in the ledger, then runs `work` (which answers
 * whether it sent). A transient failure gives the claim back and rethrows so that the caller
 * retries; a permanent one is recorded on the claim and reported, never dropped silently.
 */
export async function sendOnce(
  deps: Pick<JobDeps, "ledger" | "logger" | "retryBusyClaims">,
  key: string,
  log: Record<string, string>,
  work: () => Promise<boolean>,
): Promise<JobOutcome> {
  const claim = await deps.ledger.claim(key, log);
  if (claim === "busy" && deps.retryBusyClaims) {
    // Another sender holds a live claim (or died holding it): try again once its lease is over.
    throw Object.assign(new Error("this send is in progress elsewhere"), {
      name: "SendInProgress",
      transient: true,
    });
  }
  if (claim !== "claimed") {
    deps.logger.info(
      claim === "busy" ? "job skipped: being sent elsewhere" : "job skipped: already sent",
      log,
    );
    return "duplicate";
  }
  let sent: boolean;
  try {
    sent = await work();
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
  // Outside the try: once the email is out, a failure to record it must not release the claim.
  // Recording is retried a little, since a claim left open could be taken over after its lease.
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.ledger.complete(key, sent ? "sent" : "skipped");
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
  deps.logger.info(sent ? "job sent" : "job skipped: not needed", log);
  return sent ? "sent" : "stale";
}

function send(deps: JobDeps, job: SessionJobKind, ctx: SessionContext): Promise<void> {
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
  // The client and coach are read once, and only when a job actually claims its send.
  let people: Promise<Partial<SessionContext>> | undefined;
  const loadPeople = () => {
    people ??= Promise.all([deps.clients.get(session.clientId), deps.coaches.get(session.coachId)]).then(
      ([client, coach]) => ({ ...(client ? { client } : {}), ...(coach ? { coach } : {}) }),
    );
    return people;
  };
  for (const job of plan.immediate) {
    await runJob(deps, jobInput(session, job), { session, people: loadPeople });
  }
}
