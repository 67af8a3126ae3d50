import { sessionLabel } from "@coachflow/core/sessions/format";
import type { Session } from "@coachflow/core/sessions/model";

/** The console shows times in UTC (admins are anywhere; the column headers say so). */
export function instantText(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/** "5 Jun 2026" for an instant, in UTC. */
export function dayText(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(new Date(iso));
}

export const kindText = (s: Pick<Session, "kind" | "number">) =>
  sessionLabel({ kind: s.kind, ...(s.number ? { number: s.number } : {}) });
