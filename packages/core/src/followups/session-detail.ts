import { coachHasClient } from "../access/coach-access";
import type { Principal } from "../access/principal";
import { notFound } from "../errors";
import { sessionAgenda } from "../notifications/session-emails";
import type { JobDeps } from "../sessions/jobs";
import { visibleSession } from "./finish";

/**
 * What a coach opens before and during a session: the agenda, the client brief, the documented
 * goals, the open action items and the takeaways of earlier sessions. The private notes are there
 * only for the session's own coach; an admin's view never carries them. A coach who no longer has
 * the client (`coachHasClient`, decision 0030) still reads their own session, notes and takeaways,
 * but the client is only a name and time zone: no brief, goals or action items. An unverified
 * booking's brief is its own profile: the booking's details.
 */
export async function sessionDetail(deps: JobDeps, principal: Principal, id: string) {
  const session = await visibleSession(deps, principal, id);
  const [client, items, pair] = await Promise.all([
    deps.clients.get(session.clientId),
    deps.followups.actionItemsOfClient(session.clientId),
    deps.bookings.sessionsOfClient(session.clientId),
  ]);
  if (!client) throw notFound("client");
  const ownCoach = principal.role === "coach" && principal.coachId === session.coachId;
  const notes = ownCoach ? await deps.followups.readNotes(session.id) : undefined;
  const brief = !ownCoach || !!client.unverified || coachHasClient(client, session.coachId, pair);
  const { finish, ...rest } = session;
  const person = { id: client.id, name: client.name, timezone: client.timezone };
  return {
    ...rest,
    ...(finish ? { finish } : {}),
    agenda: await sessionAgenda(deps.program, { session, client: brief ? client : {} }),
    // A past client is a name only (the page tells by the brief's fields being absent).
    client: !brief
      ? person
      : {
          ...person,
          background: client.background,
          role: client.role,
          ...(client.seniority ? { seniority: client.seniority } : {}),
          ...(client.team ? { team: client.team } : {}),
          company: client.company,
          challenge: client.challenge,
          ...(client.goals ? { goals: client.goals } : {}),
          preferences: client.preferences,
          ...(client.bookedWithoutIntake ? { bookedWithoutIntake: true } : {}),
          ...(client.bookingAnswers ? { bookingAnswers: client.bookingAnswers } : {}),
        },
    goals: (brief && client.smartGoals) || [],
    openActionItems: brief ? items.filter((i) => !i.done && i.coachId === session.coachId) : [],
    previousTakeaways: pair
      .filter(
        (s) =>
          s.coachId === session.coachId && s.id !== session.id && s.finish && s.startsAt < session.startsAt,
      )
      .sort((a, b) => (a.startsAt < b.startsAt ? 1 : -1))
      .map((s) => ({ sessionId: s.id, startsAt: s.startsAt, takeaways: s.finish?.takeaways ?? [] })),
    // The version a save of these notes is made over (`notesVersion` of PUT …/notes and finish).
    ...(ownCoach ? { notes: notes?.notes ?? "", notesVersion: notes?.version ?? 0 } : {}),
  };
}
