import { dateLabel } from "@coachflow/core/followups/dates";
import { formatSessionTime, sessionLabel } from "@coachflow/core/sessions/format";
import type { Session } from "@coachflow/core/sessions/model";

/** How pages name and time a session: "Starter session 3 of 7", in the coach's zone. */
export const kindLabel = (s: Pick<Session, "kind" | "number">) =>
  sessionLabel({ kind: s.kind, ...(s.number ? { number: s.number } : {}) });

export const sessionTime = (s: Pick<Session, "startsAt" | "endsAt">, timeZone: string) =>
  formatSessionTime(s.startsAt, s.endsAt, timeZone);

/** "Friday, 5 June 2026" for a YYYY-MM-DD date or an instant. */
export const dateText = (value: string, timeZone: string) => dateLabel(value, timeZone);

/** "5 Jun 2026, 14:03" for an instant, in the coach's zone. */
export function instantText(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

export const STATUS_TEXT: Record<Session["status"], string> = {
  scheduled: "Scheduled",
  finished: "Finished",
  cancelled: "Cancelled",
};
