import type { ClientFootprint } from "../ports";
import { agendaFor } from "../sessions/agendas";

/** Which template each ledger job sent, and to whom (the client or the session's coach). */
const COACH_JOBS = new Set(["coach-brief", "agenda-reminder", "finish-nudge"]);

/** The kinds of coach work kept out of an export unless asked for (decision 0026). */
export interface PrivateWorkCount {
  notes: number;
  other: number;
}

/**
 * Everything the program holds about one client, as one JSON document (a subject-access or
 * portability answer). The coaches' private notes and other coach work are counted, not shown,
 * unless `includePrivateNotes` (an admin's decision recorded in 0026).
 */
export function exportDocument(
  fp: ClientFootprint,
  at: string,
  opts: { includePrivateNotes?: boolean } = {},
) {
  const { client } = fp;
  const {
    matches,
    smartGoals,
    engagement,
    engagementVersion: _v,
    version: _version,
    answersHash: _h,
    ...profile
  } = client;
  const goals = smartGoals ?? [];
  const notes = fp.coachWork.filter((w) => w.sk === "NOTES" || w.sk.startsWith("NOTES#"));
  return {
    exportedAt: at,
    client: profile,
    intakeHistory: [
      { submittedAt: client.createdAt, lastChangedAt: client.updatedAt, consentAt: client.consentAt ?? null },
    ],
    matches,
    goals,
    engagement: engagement ?? null,
    sessions: fp.sessions.map((s) => ({
      id: s.id,
      coachId: s.coachId,
      kind: s.kind,
      ...(s.number ? { number: s.number } : {}),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      agenda: agendaFor(s, { goals }),
      takeaways: s.finish?.takeaways ?? [],
      next: s.finish?.next ?? null,
    })),
    actionItems: fp.actionItems.map(({ version: _a, ...item }) => item),
    bookings: fp.bookings.map(({ version: _b, ...b }) => b),
    emailLog: fp.sends.map((s) => ({
      template: String(s.job ?? "unknown"),
      // The admin's notices about the client (`admin-*`, decision 0036) go to the program's admins.
      to: COACH_JOBS.has(String(s.job))
        ? "the session's coach"
        : String(s.job).startsWith("admin-")
          ? "the program's admins"
          : client.email,
      at: String(s.completedAt ?? s.claimedAt ?? ""),
      status: String(s.status ?? ""),
    })),
    // What someone sent with the client's address and nobody confirmed yet (decision 0029).
    pendingAnswers: (fp.pendingAnswers ?? []).map(({ answers, submittedAt }) => ({ submittedAt, answers })),
    deliveries: fp.deliveries.map((d) => ({
      id: d.id,
      provider: d.provider,
      receivedAt: d.receivedAt,
      eventName: d.eventName,
      outcome: d.outcome,
      body: d.body,
    })),
    privateNotes: opts.includePrivateNotes
      ? { withheld: 0, items: fp.coachWork.map((w) => ({ sessionId: w.sessionId, kind: w.sk, ...w.data })) }
      : ({ withheld: notes.length, otherCoachWorkWithheld: fp.coachWork.length - notes.length } as const),
  };
}

export type ExportDocument = ReturnType<typeof exportDocument>;
