import { validationFailed } from "../errors";
import { clockTime, longDate } from "../shared/long-dates";
import { wallClockAt } from "../shared/zone-offsets";
import { type SessionSlot, STARTER_SESSION_COUNT } from "./model";

/** The name people see for a session: "Intro session", "Starter session 3 of 7", "Coaching session". */
export function sessionLabel({ kind, number }: SessionSlot): string {
  switch (kind) {
    case "intro":
      return "Intro session";
    case "starter":
      return `Starter session ${number ?? "?"} of ${STARTER_SESSION_COUNT}`;
    case "regular":
      return "Coaching session";
  }
}

function parseInstant(value: string, field: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw validationFailed(`${field} is not a date-time`, [
      { path: field, message: "expected an ISO date-time" },
    ]);
  }
  return at;
}

/**
 * A session's time as emails and pages show it, in the reader's zone:
 * "Tuesday, 3 March 2026, 14:00–15:00 (Europe/Berlin)".
 *
 * The order of the pieces is fixed (weekday, day month year, 24-hour times) so every email reads the
 * same, in English (shared/long-dates.ts). A session that ends on another local day shows both
 * dates: "Tuesday, 3 March 2026, 23:30 – Wednesday, 4 March 2026, 00:30 (…)".
 */
export function formatSessionTime(startsAt: string, endsAt: string, timeZone: string): string {
  const from = wallClockAt(parseInstant(startsAt, "startsAt").getTime(), timeZone);
  const to = wallClockAt(parseInstant(endsAt, "endsAt").getTime(), timeZone);
  if (Number.isNaN(from) || Number.isNaN(to)) {
    throw validationFailed("unknown time zone", [
      { path: "timeZone", message: `not a known time zone: ${timeZone}` },
    ]);
  }
  const [day, lastDay] = [longDate(from), longDate(to)];
  const end = day === lastDay ? `–${clockTime(to)}` : ` – ${lastDay}, ${clockTime(to)}`;
  return `${day}, ${clockTime(from)}${end} (${timeZone})`;
}
