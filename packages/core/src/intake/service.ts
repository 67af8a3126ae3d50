import { bookingLink } from "../bookings/links";
import type { Client, Match } from "../clients/model";
import type { Clock } from "../clock";
import type { CoachCatalog } from "../coaches/catalog";
import type { Coach } from "../coaches/schema";
import { AppError, ConditionFailedError } from "../errors";
import { newId } from "../ids";
import type { EmailLimiter } from "../limits/unauthenticated-email";
import { type MatchRequest, type MatchResult, matchClient } from "../matching";
import type { Mailer } from "../notifications/mailer";
import type {
  ClientRepository,
  EmailLogStore,
  IntakeRecord,
  Logger,
  ProgramSource,
  SentEmail,
} from "../ports";
import type { Program } from "../program/program";
import { TermResolver } from "../program/resolve";
import { describeError } from "../shared/describe-error";
import { answersHash } from "./answers-hash";
import { type ConfirmationDeps, type ConfirmationRequired, requestConfirmation } from "./confirmation";
import { correctLog, notifyEmails } from "./email-log";
import { INTAKE_LABELS, type IntakeInput } from "./schema";

export interface IntakeResponse {
  clientId: string;
  status: Client["status"];
  matches: Match[];
}

/** What an intake answers: the client and their matches (201), or that the owner must confirm (202). */
export type IntakeAnswer = IntakeResponse | ConfirmationRequired;

export interface IntakeDeps {
  clients: ClientRepository;
  catalog: CoachCatalog;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  settings: { linkSecret: string; adminEmail: string; publicBaseUrl: string };
  /** The program's words and matching weights (cached: a warm intake reads nothing for them). */
  program: ProgramSource;
  /** The limits on emails an unauthenticated request can cause (decision 0032). */
  emailLimits: EmailLimiter;
  /** The client's email log of the sends below (decision 0036), written with the client. */
  emailLog: () => Promise<EmailLogStore>;
}

/**
 * The intake with the program's ids for the style, seniority and topics the person chose or typed,
 * or a 400 naming each style or level the program does not know, with the accepted labels.
 */
export function resolveIntakeTerms(program: Program, input: IntakeInput): IntakeInput {
  const terms = new TermResolver(program);
  const { style, ...preferences } = input.preferences;
  const resolved: IntakeInput = {
    ...input,
    ...(input.seniority !== undefined
      ? { seniority: terms.one("seniorityLevels", input.seniority, ["seniority"]) }
      : {}),
    preferences: {
      ...preferences,
      topics: terms.topics(input.preferences.topics),
      ...(style !== undefined ? { style: terms.one("coachingStyles", style, ["preferences", "style"]) } : {}),
    },
  };
  terms.check(INTAKE_LABELS);
  return resolved;
}

/** Turns the chosen coaches into matches with client-specific booking links. */
export function toMatches(
  client: Pick<Client, "id" | "name" | "email">,
  picks: readonly { coach: Coach; score: number; reasons: string[] }[],
  linkSecret: string,
): Match[] {
  return picks.map(({ coach, score, reasons }) => ({
    coachId: coach.id,
    name: coach.name,
    score,
    reasons,
    bookingUrl: bookingLink(coach, client, linkSecret, "recommendation"),
  }));
}

/** What the matcher needs to know of a client or an intake. */
export function matchRequestOf(client: Omit<IntakeInput, "consent">): MatchRequest {
  return {
    topics: client.preferences.topics,
    languages: client.preferences.languages,
    style: client.preferences.style,
    seniority: client.seniority,
    timezone: client.timezone,
    challenge: client.challenge,
    goals: client.goals,
  };
}

/** Runs the matcher over the active coaches and pairs each recommendation with its coach. */
export async function recommend(
  deps: Pick<IntakeDeps, "catalog" | "clock" | "program">,
  client: Omit<IntakeInput, "consent">,
) {
  const [coaches, program] = await Promise.all([deps.catalog.active(), deps.program.current()]);
  const result = matchClient(matchRequestOf(client), coaches, { now: deps.clock.now(), program });
  const byId = new Map(coaches.map((c) => [c.id, c]));
  const picks = result.recommendations.flatMap((r) => {
    const coach = byId.get(r.coachId);
    return coach ? [{ coach, score: r.score, reasons: r.reasons }] : [];
  });
  return { picks, result };
}

const responseOf = (r: Pick<IntakeRecord, "clientId" | "status" | "matches">): IntakeResponse => ({
  clientId: r.clientId,
  status: r.status,
  matches: r.matches,
});

/**
 * Accepts an intake: one read finds the email's last answers (and the idempotent response), an
 * identical resubmission ends there. Anything else emails the address, so it passes the email
 * limits first (per address and per client `ip`, decision 0032); then a new email is matched and
 * written in one transaction, and only the writer that wins sends the email. A known email with
 * other answers changes nothing: its owner confirms them through an emailed link first
 * (`requestConfirmation`, decision 0029).
 *
 * The program's settings, the email's last answers and the active coaches do not depend on each
 * other, so they are read at once: a cold start waits for one round trip, not three (a warm one
 * has the settings and coaches in memory and reads the answers only). An identical resubmission
 * to a cold start thereby also reads the coaches, which it does not need; they stay cached.
 */
export async function submitIntake(
  deps: IntakeDeps & ConfirmationDeps,
  typed: IntakeInput,
  opts: { ip: string; idempotencyKey?: string },
): Promise<IntakeAnswer> {
  const reads = Promise.all([
    deps.program.current(),
    deps.clients.readForIntake(typed.email, opts.idempotencyKey),
  ]);
  // Awaited by the matching, which shares this read (`active()` handles its failure itself).
  void deps.catalog.active();
  const [program, firstRead] = await reads;
  const input = resolveIntakeTerms(program, typed);
  const hash = answersHash(input);
  let admitted = false;
  for (let attempt = 1; ; attempt++) {
    const { record, idempotent, suppressed } =
      attempt === 1 ? firstRead : await deps.clients.readForIntake(input.email, opts.idempotencyKey);
    if (idempotent) {
      if (idempotent.requestHash !== hash) {
        throw new AppError(
          "idempotency_key_reused",
          "this Idempotency-Key was used with a different request",
        );
      }
      return idempotent.body as IntakeAnswer;
    }
    // The same answers again: the stored result, unless their email could not be sent last time.
    if (record && record.answersHash === hash && !record.retry) return responseOf(record);
    // The intake's entry to email: whatever follows (recommendations, waitlist notes, the
    // confirmation of changed answers) emails the address, so the limits come first, before
    // anything is stored or sent (RateLimitedError over them; decision 0032).
    if (!admitted) {
      await deps.emailLimits.admit({ address: input.email, ip: opts.ip });
      admitted = true;
    }
    const known = { idempotencyKey: opts.idempotencyKey, suppressed: suppressed === true };
    try {
      if (record && record.answersHash !== hash)
        return await requestConfirmation(deps, input, hash, record, known);
      return await acceptAnswers(deps, input, hash, record, known);
    } catch (error) {
      if (error instanceof ConditionFailedError && attempt < 3) continue;
      throw error;
    }
  }
}

async function acceptAnswers(
  deps: IntakeDeps,
  input: IntakeInput,
  hash: string,
  record: IntakeRecord | undefined,
  { idempotencyKey, suppressed }: { idempotencyKey: string | undefined; suppressed: boolean },
): Promise<IntakeResponse> {
  const now = deps.clock.now().toISOString();
  const { consent: _consent, ...answers } = input;
  const id = record?.clientId ?? newId("client", deps.clock.now().getTime());
  const { picks, result } = await recommend(deps, input);
  const matches = toMatches({ id, name: input.name, email: input.email }, picks, deps.settings.linkSecret);
  const client: Client = {
    ...answers,
    id,
    status: matches.length > 0 ? "matched" : "waitlisted",
    matches,
    answersHash: hash,
    matchedBy: "matcher",
    bookedWithoutIntake: false,
    consentAt: now,
    createdAt: record?.createdAt ?? now,
    updatedAt: now,
    version: (record?.version ?? 0) + 1,
  };
  const response = responseOf({ clientId: id, status: client.status, matches });
  // The emails it sends are in the client's log from this write on (decision 0036).
  const logged = notifyEmails(client, now, suppressed);
  await deps.clients.save(client, {
    ...(record ? { from: record.status } : {}),
    ...(idempotencyKey
      ? { idempotency: { key: idempotencyKey, requestHash: hash, status: 201, body: response } }
      : {}),
    also: await (await deps.emailLog()).writes(logged),
  });
  deps.logger.info("intake accepted", { clientId: id, status: client.status, matches: matches.length });
  await notify(deps, client, picks, result, { idempotencyKey, suppressed, logged });
  return response;
}

/**
 * Sends the intake's emails; a failure makes the next identical submission try again. `logged`:
 * the entries of the client's email log written with the client (`notifyEmails`), corrected
 * afterwards where a send did not go out as recorded.
 */
export async function notify(
  deps: Pick<IntakeDeps, "mailer" | "clients" | "logger" | "settings" | "catalog" | "emailLog">,
  client: Client,
  picks: readonly { coach: Coach }[],
  result?: MatchResult,
  known: {
    idempotencyKey?: string | undefined;
    suppressed?: boolean;
    logged?: readonly SentEmail[];
  } = {},
): Promise<void> {
  const { idempotencyKey } = known;
  // The intake's one read already said whether the client's address is suppressed.
  const clientOpts = known.suppressed === undefined ? {} : { suppressed: known.suppressed };
  const went = new Map<string, boolean>();
  try {
    if (client.status === "matched") {
      went.set(
        "coach-recommendations",
        await deps.mailer.recommendations(
          client,
          picks.map((p) => p.coach),
          clientOpts,
        ),
      );
    } else {
      went.set("intake-waitlisted", await deps.mailer.waitlisted(client, clientOpts));
      // The matcher saw active coaches only; the admin also wants to know how many are inactive.
      const excluded = result && { ...result.excluded, inactive: await deps.catalog.inactiveCount() };
      went.set(
        "admin-waitlist-alert",
        await deps.mailer.waitlistAlert(deps.settings.adminEmail, client, excluded),
      );
    }
  } catch (error) {
    deps.logger.error("intake email failed", { clientId: client.id, ...describeError(error) });
    await deps.clients.markForRetry(client.email, client.id, idempotencyKey).catch((e) => {
      deps.logger.error("could not mark intake for retry", { clientId: client.id, ...describeError(e) });
    });
  }
  if (known.logged) await correctLog(deps, known.logged, went);
}
