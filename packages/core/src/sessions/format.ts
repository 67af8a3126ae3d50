import { validationFailed } from "../errors";
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

interface LocalParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  time: string;
}

/** One formatter per locale and zone: making one costs far more than using it (a page shows dozens of times). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string, locale: string): LocalParts {
  const key = `${locale} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    weekday: get("weekday"),
    day: get("day"),
    month: get("month"),
    year: get("year"),
    time: `${get("hour")}:${get("minute")}`,
  };
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

const dateOf = (p: LocalParts) => `${p.weekday}, ${p.day} ${p.month} ${p.year}`;

/**
 * A session's time as emails show it, in the reader's zone:
 * "Tuesday, 3 March 2026, 14:00–15:00 (Europe/Berlin)".
 *
 * The order of the pieces is fixed (weekday, day month year, 24-hour times) so every email reads the
 * same; `locale` only chooses the language of the weekday and month names. A session that ends on
 * another local day shows both dates: "Tuesday, 3 March 2026, 23:30 – Wednesday, 4 March 2026, 00:30 (…)".
 */
export function formatSessionTime(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  locale = "en-US",
): string {
  const start = parseInstant(startsAt, "startsAt");
  const end = parseInstant(endsAt, "endsAt");
  let from: LocalParts;
  let to: LocalParts;
  try {
    from = localParts(start, timeZone, locale);
    to = localParts(end, timeZone, locale);
  } catch (cause) {
    if (cause instanceof RangeError) {
      throw validationFailed("unknown time zone or locale", [
        { path: "timeZone", message: `not a known time zone: ${timeZone}` },
      ]);
    }
    throw cause;
  }
  const sameDay = dateOf(from) === dateOf(to);
  const range = sameDay
    ? `${dateOf(from)}, ${from.time}–${to.time}`
    : `${dateOf(from)}, ${from.time} – ${dateOf(to)}, ${to.time}`;
  return `${range} (${timeZone})`;
}
