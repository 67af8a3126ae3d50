import type { Coach } from "../packages/core/src/coaches/schema";
import type { MatchRequest } from "../packages/core/src/matching";
import { TOPICS } from "../packages/core/src/matching/topics";
import { DEFAULT_PROGRAM_SETTINGS } from "../packages/core/src/program/defaults";
import { Program } from "../packages/core/src/program/program";
import {
  DEFAULT_COACHING_STYLES,
  DEFAULT_SENIORITY_LEVELS,
} from "../packages/core/src/program/vocabulary-defaults";

/** Seeded PRNG (mulberry32): the same seed gives the same coaches and clients on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const some = <T>(xs: readonly T[], count: number): T[] => {
    const out = new Set<T>();
    while (out.size < Math.min(count, xs.length)) out.add(pick(xs));
    return [...out];
  };
  return { next, int, pick, some };
}
type Prng = ReturnType<typeof prng>;

const ZONES = [
  "Europe/London",
  "Europe/Berlin",
  "Europe/Paris",
  "Europe/Madrid",
  "Europe/Warsaw",
  "Europe/Lisbon",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Toronto",
  "America/Sao_Paulo",
  "America/Mexico_City",
  "America/Bogota",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Asia/Dubai",
  "Asia/Kathmandu",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Africa/Lagos",
  "Africa/Nairobi",
  "UTC",
] as const;
/** Languages weighted by how often coaches offer them. */
const EXTRA_LANGUAGES = ["es", "es", "es", "pt", "pt", "de", "de", "fr", "fr", "hi", "it", "nl", "pl", "ja"];
const OTHER_SPECIALTIES = [
  "kubernetes",
  "distributed-systems",
  "frontend",
  "data-engineering",
  "security",
  "startups",
];
/** The five styles and eight levels the program started with (the defaults' first entries). */
const COACHING_STYLES = DEFAULT_COACHING_STYLES.slice(0, 5).map((t) => t.id);
const SENIORITY_LEVELS = DEFAULT_SENIORITY_LEVELS.map((t) => t.id);
const SLUGS = TOPICS.map((t) => t.slug);

export function makeCoaches(count: number, seed: number, slugs: readonly string[] = SLUGS): Coach[] {
  const r = prng(seed);
  return Array.from({ length: count }, (_, i): Coach => {
    const id = `coa_${String(i).padStart(6, "0")}`;
    const capacity = r.int(3, 25);
    const low = r.int(0, SENIORITY_LEVELS.length - 2);
    const specialties = r.some(slugs, r.int(2, 6));
    if (r.next() < 0.15) specialties.push(r.pick(OTHER_SPECIALTIES));
    return {
      id,
      name: `Coach ${i}`,
      email: `${id}@coaches.example.com`,
      bio: "Coaches engineers and engineering leaders.",
      specialties,
      languages:
        r.next() < 0.85
          ? ["en", ...r.some(EXTRA_LANGUAGES, r.int(0, 2))]
          : r.some(EXTRA_LANGUAGES, r.int(1, 2)),
      timezone: r.pick(ZONES),
      capacity,
      activeClients: r.next() < 0.1 ? capacity : r.int(0, capacity - 1),
      style: r.pick(COACHING_STYLES),
      seniorityLevels: SENIORITY_LEVELS.slice(low, low + r.int(2, 4)),
      bookingProvider: r.next() < 0.5 ? "calendly" : "calcom",
      bookingUrl: `https://calendly.com/${id}`,
      pricingUrl: "https://coaching.example.com/pricing",
      active: r.next() < 0.92,
      createdAt: "2024-01-01T00:00:00.000Z",
      updatedAt: "2024-01-01T00:00:00.000Z",
    };
  });
}

const SENTENCES = [
  "I was promoted to engineering manager six months ago and I still feel like an imposter.",
  "My team keeps missing deadlines and I struggle to prioritize what matters.",
  "I find speaking up in meetings with senior stakeholders really hard.",
  "I end up doing everything myself because I do not know how to delegate.",
  "There is constant friction between two engineers on my team and I avoid the conflict.",
  "My manager and I disagree on the roadmap and I do not know how to push back.",
  "We are hiring five people this quarter and I have never run an interview loop.",
  "After the reorg our team lost half its scope and morale is low.",
  "I work long hours and I am close to burnout.",
  "I want to make the case for paying down technical debt before the migration.",
  "I have to present our architecture at an all-hands next month.",
  "Giving honest feedback to an underperforming engineer makes me anxious.",
  "Our distributed systems are fragile and I am the only one who understands them.",
  "I would like an outside view on how I spend my week.",
  "We moved to a new office and my commute is longer.",
];
const GOALS = [
  "Get to staff engineer within a year.",
  "Run calm, useful one-on-ones with my direct reports.",
  "Build a team culture where people trust each other.",
  "Leave work at six without feeling guilty.",
];

function makeRequest(r: Prng, slugs: readonly string[]): MatchRequest {
  return {
    topics: r.some(slugs, r.int(1, 4)),
    languages: r.next() < 0.8 ? ["en"] : ["en", r.pick(EXTRA_LANGUAGES)],
    timezone: r.pick(ZONES),
    challenge: r.some(SENTENCES, r.int(2, 6)).join(" "),
    ...(r.next() < 0.6 ? { style: r.pick(COACHING_STYLES) } : {}),
    ...(r.next() < 0.7 ? { seniority: r.pick(SENIORITY_LEVELS) } : {}),
    ...(r.next() < 0.5 ? { goals: r.some(GOALS, r.int(1, 2)).join(" ") } : {}),
  };
}

export function makeRequests(count: number, seed: number, slugs: readonly string[] = SLUGS): MatchRequest[] {
  const r = prng(seed);
  return Array.from({ length: count }, () => makeRequest(r, slugs));
}

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "qu", "ba", "do"];

/**
 * A program that configured `count` topics: the default twenty, then made-up ones with six
 * keywords each (a stem, phrases of two words), so that every request scans a vocabulary that size.
 */
export function programWithTopics(count: number, seed: number): Program {
  const r = prng(seed);
  const word = () => Array.from({ length: r.int(2, 4) }, () => r.pick(SYLLABLES)).join("");
  const made = Array.from({ length: Math.max(0, count - TOPICS.length) }, (_, i) => ({
    id: `topic-${i + 1}`,
    label: `Topic ${i + 1}`,
    keywords: [word(), word(), `${word()} ${word()}`, `${word()} ${word()}`, word(), `${word()} ${word()}`],
  }));
  return new Program(
    { ...DEFAULT_PROGRAM_SETTINGS, topics: [...DEFAULT_PROGRAM_SETTINGS.topics, ...made] },
    1,
    "2024-01-01T00:00:00.000Z",
  );
}
