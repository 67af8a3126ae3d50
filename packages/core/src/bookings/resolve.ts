import { coachHasClient } from "../access/coach-access";
import type { Client } from "../clients/model";
import type { Clock } from "../clock";
import { newId } from "../ids";
import type { BookingStore, ClientRepository, CoachRepository } from "../ports";
import { readCorrelation } from "./correlation";
import type { CreatedData } from "./model";

/** The coach a booking belongs to: the first organizer or event member whose email is a coach's. */
export async function resolveCoach(coaches: CoachRepository, data: CreatedData): Promise<string | undefined> {
  for (const email of data.organizerEmails) {
    const id = await coaches.findIdByEmail(email.trim().toLowerCase());
    if (id) return id;
  }
  return undefined;
}

/**
 * Whose booking it is (decision 0030):
 * - the client of a correlation token made for this coach's booking page;
 * - else the client whose email it was booked with, when the coach has them already: one of
 *   their matches, their engaged coach, or a session with them still to hold (`coachHasClient`,
 *   the pair's record read consistently);
 * - else, when the email is a client's, a profile of its own with the booking's details only,
 *   flagged unverified, until the owner of the address or an admin says it is theirs;
 * - else a new client flagged "booked without intake" (never dropped).
 * A new profile (`profile`) is written in the booking's transaction, with its session: two
 * deliveries of one new address cannot both create a client (the email record is conditioned).
 */
export async function resolveClient(
  deps: {
    bookings: BookingStore;
    clients: ClientRepository;
    clock: Clock;
    settings: { linkSecret: string; linkSecretPrevious?: string | undefined };
  },
  data: CreatedData,
  coachId: string,
  sessionId: string,
): Promise<{ clientId: string; profile?: Client }> {
  const fromToken = data.correlationToken
    ? readCorrelation(
        data.correlationToken,
        coachId,
        deps.settings.linkSecret,
        deps.settings.linkSecretPrevious,
      )?.clientId
    : undefined;
  // A token outlives its client when the client was erased: then the booking starts afresh, by email.
  if (fromToken && (await deps.clients.get(fromToken))) return { clientId: fromToken };
  const email = data.attendee.email.trim().toLowerCase();
  const { record } = await deps.clients.readForIntake(email);
  const profile = bookedWithoutIntake(data, email, deps.clock.now());
  if (!record) return { clientId: profile.id, profile };
  // The email record has the matches; the engagement and the pair's sessions need two more reads.
  if (coachHasClient(record, coachId, [])) return { clientId: record.clientId };
  const [client, pair] = await Promise.all([
    deps.clients.get(record.clientId),
    deps.bookings.getPair(record.clientId, coachId),
  ]);
  if (
    !client ||
    coachHasClient(
      client,
      coachId,
      pair.entries.map((e) => ({ ...e, coachId })),
    )
  )
    return { clientId: record.clientId };
  const booker = { ...profile, unverified: { clientId: record.clientId, sessionId } };
  return { clientId: booker.id, profile: booker };
}

function bookedWithoutIntake(data: CreatedData, email: string, now: Date): Client {
  const at = now.toISOString();
  return {
    id: newId("client", now.getTime()),
    name: data.attendee.name,
    email,
    timezone: data.attendee.timezone ?? "UTC",
    background: "",
    role: "",
    company: "",
    challenge: "",
    preferences: { topics: [], languages: [], cadence: "ad-hoc" },
    status: "matched",
    matches: [],
    answersHash: "",
    matchedBy: "matcher",
    bookedWithoutIntake: true,
    ...(data.answers ? { bookingAnswers: data.answers } : {}),
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}
