import type { Coach } from "../coaches/schema";
import { DEFAULT_SENIORITY_LEVELS } from "../program/vocabulary-defaults";
import { languageName } from "../shared/language-names";
import type { MatchContext, Mention } from "./context";

/**
 * Sentences a client can read in the recommendation email, one per criterion that speaks for a coach.
 * The only words taken from the client's free text are the few that matched a keyword (see text.ts).
 */

/** A time zone is worth mentioning up to this far away. */
const NEAR_MINUTES = 3 * 60;
/** A coach at most this full "has room". */
const ROOMY_LOAD = 0.5;
/** At most this many topics per sentence. */
const MAX_LISTED = 3;

/** How the default levels read after "Works with"; any other level is named by its label. */
const WORKS_WITH: Record<string, string> = {
  junior: "junior engineers",
  mid: "mid-level engineers",
  senior: "senior engineers",
  staff: "staff and principal engineers",
  lead: "tech leads",
  manager: "engineering managers",
  director: "engineering directors",
  executive: "engineering executives",
};

/** A label inside a sentence: "Managing up" → "managing up"; "CTO" stays "CTO". */
export const inSentence = (label: string) =>
  /^[A-Z][^A-Z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;

/** How a topic or specialty reads inside a sentence: its label, or the slug in words. */
function topicPhrase(ctx: MatchContext, slug: string): string {
  return inSentence(ctx.program.term("topics", slug)?.label ?? slug.replace(/-/g, " "));
}

function worksWith(ctx: MatchContext, level: string): string {
  const label = ctx.program.term("seniorityLevels", level)?.label ?? level;
  const isDefault = DEFAULT_SENIORITY_LEVELS.some((l) => l.id === level && l.label === label);
  return isDefault && WORKS_WITH[level] ? WORKS_WITH[level] : `clients at your level (${label})`;
}

/** "a", "a and b", "a, b and c" */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "30 minutes", "1 hour", "5 hours 45 minutes" */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? "" : `${h} hour${h === 1 ? "" : "s"}`;
  const mins = m === 0 ? "" : `${m} minute${m === 1 ? "" : "s"}`;
  return [hours, mins].filter(Boolean).join(" ");
}

function textReasons(coach: Coach, ctx: MatchContext): string[] {
  const bySource = new Map<Mention["source"], { words: string[]; topics: string[] }>();
  for (const specialty of coach.specialties) {
    const mention = ctx.mention(specialty);
    if (!mention) continue;
    const entry = bySource.get(mention.source) ?? { words: [], topics: [] };
    bySource.set(mention.source, entry);
    if (!entry.words.includes(mention.words)) entry.words.push(mention.words);
    entry.topics.push(topicPhrase(ctx, specialty));
  }
  const reasons: string[] = [];
  for (const source of ["challenge", "goals"] as const) {
    const entry = bySource.get(source);
    if (!entry) continue;
    const quoted = listOf(entry.words.slice(0, MAX_LISTED).map((w) => `"${w}"`));
    const verb = source === "challenge" ? "Your challenge mentions" : "Your goals mention";
    reasons.push(`${verb} ${quoted}: this coach works on ${listOf(entry.topics.slice(0, MAX_LISTED))}`);
  }
  return reasons;
}

/** Why this coach is recommended to this client, strongest reason first. */
export function reasonsFor(coach: Coach, ctx: MatchContext): string[] {
  const reasons: string[] = [];
  const asked = coach.specialties.filter((s) => ctx.topics.has(s));
  if (asked.length > 0) {
    reasons.push(
      `Specializes in ${listOf(asked.slice(0, MAX_LISTED).map((t) => topicPhrase(ctx, t)))}, which you asked about`,
    );
  }
  reasons.push(...textReasons(coach, ctx));
  const shared = [...ctx.languages].filter((l) => coach.languages.includes(l));
  if (shared.length > 0) reasons.push(`Coaches in ${listOf(shared.map((l) => languageName(l)))}`);
  const distance = ctx.distanceMinutes(coach.timezone);
  if (distance === 0) reasons.push("Is in your time zone");
  else if (distance > 0 && distance <= NEAR_MINUTES)
    reasons.push(`Is ${duration(distance)} from your time zone`);
  if (ctx.style !== undefined && coach.style === ctx.style) {
    const style = ctx.program.term("coachingStyles", coach.style)?.label ?? coach.style;
    reasons.push(`Coaching style: ${inSentence(style)}, as you prefer`);
  }
  if (ctx.seniority !== undefined && coach.seniorityLevels.includes(ctx.seniority)) {
    reasons.push(`Works with ${worksWith(ctx, ctx.seniority)}`);
  }
  if (coach.activeClients / coach.capacity <= ROOMY_LOAD) reasons.push("Has room for new clients");
  return reasons;
}
