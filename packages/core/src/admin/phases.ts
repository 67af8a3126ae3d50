import type { Client } from "../clients/model";

/**
 * Where a client is in the program, as the admin console filters them (issue 13): waiting for a
 * coach, matched (recommendations sent, nothing booked), booked (a meeting booked, no engagement
 * yet), engaged (an engagement is active) or ended. Stored as the client's index entry (gsi3,
 * decision 0033), moved forward by the writes that change it: the intake and matches, the first
 * booking, an engagement change.
 */
export const CLIENT_PHASES = ["waitlisted", "matched", "booked", "engaged", "ended"] as const;
export type ClientPhase = (typeof CLIENT_PHASES)[number];

export const PHASE_LABELS: Record<ClientPhase, string> = {
  waitlisted: "Waitlisted",
  matched: "Matched, not booked",
  booked: "Booked",
  engaged: "Engaged",
  ended: "Ended",
};

/** The phase the client's own item says, without its later phases (booked: see the index). */
export function phaseOf(client: Pick<Client, "status" | "engagement">): ClientPhase {
  if (client.engagement) return client.engagement.status === "active" ? "engaged" : "ended";
  return client.status;
}

export function isClientPhase(value: unknown): value is ClientPhase {
  return (CLIENT_PHASES as readonly unknown[]).includes(value);
}

export { foldName } from "./fold-name";
