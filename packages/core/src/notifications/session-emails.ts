import type { Client } from "../clients/model";
import type { Coach } from "../coaches/schema";
import type { ProgramSource } from "../ports";
import { agendaFor } from "../sessions/agendas";
import { formatSessionTime } from "../sessions/format";
import type { Session } from "../sessions/model";
import type { Mailer } from "./mailer";

/** What a session email needs to know; loaded once per job. */
export interface SessionContext {
  session: Session;
  client: Client;
  coach: Coach;
}

const NOT_GIVEN = "Not given (booked without the intake form)";

/** A session's kind as the templates take it (`starterNumber` only for starter sessions). */
export const kindFields = (s: Session) => ({
  kind: s.kind,
  ...(s.kind === "starter" && s.number ? { starterNumber: s.number } : {}),
});

function times({ session, client, coach }: SessionContext) {
  return {
    forClient: formatSessionTime(session.startsAt, session.endsAt, client.timezone),
    forCoach: formatSessionTime(session.startsAt, session.endsAt, coach.timezone),
  };
}

/**
 * The agenda of a session: the program's templates as they were when the session was booked (a
 * later change of the templates leaves it as it was), its SMART goals where the agenda lists goals,
 * the program's skills where it lists skills.
 */
export async function sessionAgenda(
  program: ProgramSource,
  { session, client }: { session: Session; client: Pick<Client, "smartGoals"> },
) {
  const [templates, current] = await Promise.all([
    program.agendaTemplatesAt(session.createdAt),
    program.current(),
  ]);
  return agendaFor(
    { kind: session.kind, ...(session.number ? { number: session.number } : {}) },
    { goals: client.smartGoals ?? [], templates, skills: current.settings.skills },
  );
}

/** What every email about one session starts with (as `sessionEmailSchema` expects), timed for its reader. */
function sessionBase(mailer: Mailer, ctx: SessionContext, reader: "client" | "coach") {
  const t = times(ctx);
  return {
    programName: mailer.programName,
    clientName: ctx.client.name,
    coachName: ctx.coach.name,
    sessionTime: reader === "client" ? t.forClient : t.forCoach,
    ...kindFields(ctx.session),
  };
}

/** The emails of a session's timeline. Coach notes are never part of any of them. */
export const sessionEmails = {
  bookingConfirmation: (mailer: Mailer, ctx: SessionContext) =>
    mailer.toClient(ctx.client, "booking-confirmation", {
      ...sessionBase(mailer, ctx, "client"),
    }),

  coachBrief: async (mailer: Mailer, ctx: SessionContext, program: ProgramSource, sessionUrl: string) => {
    const c = ctx.client;
    // The program's labels for the stored ids ("lead" → "Tech lead"); an id it no longer has as is.
    const words = await program.current();
    const label = (vocabulary: "coachingStyles" | "seniorityLevels", id: string) =>
      words.term(vocabulary, id)?.label ?? id;
    return mailer.send(ctx.coach.email, "coach-brief", {
      programName: mailer.programName,
      sessionUrl,
      coachName: ctx.coach.name,
      sessionTime: times(ctx).forCoach,
      ...kindFields(ctx.session),
      client: {
        name: c.name,
        background: c.background || NOT_GIVEN,
        role: c.role || NOT_GIVEN,
        ...(c.seniority ? { seniority: label("seniorityLevels", c.seniority) } : {}),
        ...(c.team ? { team: c.team } : {}),
        company: c.company || NOT_GIVEN,
        challenge: c.challenge || NOT_GIVEN,
        ...(c.goals ? { goals: c.goals } : {}),
      },
      preferences: {
        topics: c.preferences.topics.length > 0 ? c.preferences.topics : ["not-given"],
        languages: c.preferences.languages.length > 0 ? c.preferences.languages : ctx.coach.languages,
        ...(c.preferences.style ? { style: label("coachingStyles", c.preferences.style) } : {}),
        cadence: c.preferences.cadence,
      },
      smartGoals: c.smartGoals ?? [],
      ...(c.bookingAnswers ? { bookingAnswers: c.bookingAnswers } : {}),
      agenda: await sessionAgenda(program, ctx),
    });
  },

  preworkReminder: (mailer: Mailer, ctx: SessionContext) =>
    mailer.toClient(ctx.client, "prework-reminder", {
      ...sessionBase(mailer, ctx, "client"),
    }),

  agendaReminder: async (mailer: Mailer, ctx: SessionContext, program: ProgramSource, sessionUrl: string) =>
    mailer.send(ctx.coach.email, "agenda-reminder", {
      ...sessionBase(mailer, ctx, "coach"),
      sessionUrl,
      agenda: await sessionAgenda(program, ctx),
    }),

  finishNudge: (mailer: Mailer, ctx: SessionContext, finishUrl: string) =>
    mailer.send(ctx.coach.email, "finish-nudge", {
      ...sessionBase(mailer, ctx, "coach"),
      finishUrl,
    }),
};
