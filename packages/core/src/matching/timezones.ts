/**
 * Real UTC offsets of IANA zones at a given instant, DST included.
 *
 * Building an Intl.DateTimeFormat is the expensive part, so there is one per zone name for the life
 * of the process (there are a few hundred zone names at most). Offsets are cached per zone for a UTC
 * quarter-hour: every offset in use is a multiple of 15 minutes and transitions happen on a whole
 * local quarter-hour, so an offset cannot change inside one.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const MINUTES_PER_DAY = 24 * 60;

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const offsets = new Map<string, { quarter: number; minutes: number | undefined }>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** "GMT", "GMT+05:30", "GMT-03:00" → minutes east of UTC. */
function parseOffset(name: string): number | undefined {
  const m = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(name);
  if (!m) return undefined;
  const minutes = Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

/** Minutes east of UTC that `zone` is at `at`; undefined for a zone the runtime does not know. */
export function utcOffsetMinutes(zone: string, at: Date): number | undefined {
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const cached = offsets.get(zone);
  if (cached && cached.quarter === quarter) return cached.minutes;
  const formatter = formatterFor(zone);
  let minutes: number | undefined;
  if (formatter && Number.isFinite(quarter)) {
    const part = formatter.formatToParts(at).find((p) => p.type === "timeZoneName");
    minutes = part ? parseOffset(part.value) : undefined;
  }
  offsets.set(zone, { quarter, minutes });
  return minutes;
}

/**
 * How far apart two offsets are on the clock, in minutes (0 to 720). The distance goes round the
 * day: UTC+13 and UTC-10 are 1 hour apart, a day apart in date but with overlapping working hours.
 */
export function clockDistanceMinutes(a: number, b: number): number {
  const d = Math.abs(a - b) % MINUTES_PER_DAY;
  return Math.min(d, MINUTES_PER_DAY - d);
}
