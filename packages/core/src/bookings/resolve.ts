import type { Client } from "../clients/model";
import type { Clock } from "../clock";
import { ConditionFailedError } from "../errors";
import { newId } from "../ids";
import type { ClientRepository, CoachRepository } from "../ports";
import { readCorrelationToken } from "./correlation";
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
 * The client a booking belongs to: by the correlation token of our booking link, else by the
 * attendee's email, else a new client flagged "booked without intake" (never dropped).
 */
export async function resolveClient(
  deps: {
    clients: ClientRepository;
    clock: Clock;
    settings: { linkSecret: string; linkSecretPrevious?: string | undefined };
  },
  data: CreatedData,
): Promise<{ clientId: string; created: boolean }> {
  const fromToken = data.correlationToken
    ? readCorrelationToken(data.correlationToken, deps.settings.linkSecret, deps.settings.linkSecretPrevious)
    : undefined;
  // A token outlives its client when the client was erased: then the booking starts afresh, by email.
  if (fromToken && (await deps.clients.get(fromToken))) return { clientId: fromToken, created: false };
  const email = data.attendee.email.trim().toLowerCase();
  for (let attempt = 0; attempt < 3; attempt++) {
    const { record } = await deps.clients.readForIntake(email);
    if (record) return { clientId: record.clientId, created: false };
    const client = bookedWithoutIntake(data, email, deps.clock.now());
    try {
      await deps.clients.save(client);
      return { clientId: client.id, created: true };
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
    }
  }
  throw new ConditionFailedError("could not resolve the booking's client");
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
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}
