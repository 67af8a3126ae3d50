import { defaultProgram } from "../program/defaults";
import type { Program } from "../program/program";
import type { MatchingWeights } from "../program/schema";
import { detectTopics, findKeyword, indexText, type TextIndex, tokenize } from "./text";
import { clockDistanceMinutes, utcOffsetMinutes } from "./timezones";

/** The specialty is one of the topics the client ticked. */
export const ASKED = 1;
/** The client's challenge or goals point to the specialty. */
export const MENTIONED = 2;

/** Where in the client's own words a topic showed up, and the few words that showed it. */
export interface Mention {
  source: "challenge" | "goals";
  words: string;
}

/** What the matcher needs from a client, as the intake form collected it. */
export interface MatchRequest {
  topics: string[];
  languages: string[];
  style?: string;
  seniority?: string;
  timezone: string;
  challenge: string;
  goals?: string;
}

/**
 * Everything about one request that coaches are compared against, computed once per call: sets for
 * membership tests, the free text indexed and scanned once, and small caches keyed by the few
 * distinct values coaches share (specialty slugs, zone names).
 */
export class MatchContext {
  readonly topics: ReadonlySet<string>;
  readonly languages: ReadonlySet<string>;
  readonly style: string | undefined;
  readonly seniority: string | undefined;
  readonly weights: MatchingWeights;
  private readonly topicSlugs: ReadonlySet<string>;
  readonly clientOffset: number | undefined;
  /** Vocabulary topics the challenge or goals point to. */
  readonly mentionedTopics: number;
  /** True once any coach specialty outside the vocabulary turned out to be named in the text. */
  otherSpecialtyMentioned = false;

  private readonly texts: readonly [Mention["source"], TextIndex][];
  private readonly mentions = new Map<string, Mention | null>();
  private readonly distances = new Map<string, number>();
  /** ASKED | MENTIONED bits per specialty slug seen so far; read directly in the hot loop. */
  readonly specialtyFlags = new Map<string, number>();

  constructor(
    request: MatchRequest,
    readonly now: Date,
    /** The program whose words (topics, labels) and weights the match uses. */
    readonly program: Program = defaultProgram,
  ) {
    this.weights = program.settings.matchingWeights;
    const topics = program.topics();
    this.topicSlugs = topicSlugsOf(topics);
    this.topics = new Set(request.topics);
    this.languages = new Set(request.languages);
    this.style = request.style;
    this.seniority = request.seniority;
    this.clientOffset = utcOffsetMinutes(request.timezone, now);
    const texts: [Mention["source"], TextIndex][] = [["challenge", indexText(request.challenge)]];
    if (request.goals) texts.push(["goals", indexText(request.goals)]);
    this.texts = texts;
    for (const [source, text] of texts) {
      for (const [slug, words] of detectTopics(text, topics)) {
        if (!this.mentions.has(slug)) this.mentions.set(slug, { source, words });
      }
    }
    this.mentionedTopics = this.mentions.size;
  }

  /**
   * Whether the client's text points to a specialty: through the vocabulary's keywords for one of
   * our topics, or by naming it ("kubernetes", "distributed systems") for any other slug.
   */
  mention(specialty: string): Mention | undefined {
    let found = this.mentions.get(specialty);
    if (found === undefined) {
      found = null;
      if (!this.topicSlugs.has(specialty)) {
        const words = tokenize(specialty);
        for (const [source, text] of this.texts) {
          const hit = findKeyword(text, words, false);
          if (hit !== undefined) {
            found = { source, words: hit };
            this.otherSpecialtyMentioned = true;
            break;
          }
        }
      }
      this.mentions.set(specialty, found);
    }
    return found ?? undefined;
  }

  /** Works out and remembers the ASKED | MENTIONED bits of a specialty not seen before. */
  classify(specialty: string): number {
    const flags = (this.topics.has(specialty) ? ASKED : 0) | (this.mention(specialty) ? MENTIONED : 0);
    this.specialtyFlags.set(specialty, flags);
    return flags;
  }

  /** Minutes between the client's and a zone's clocks at `now`; -1 when either zone is unknown. */
  distanceMinutes(zone: string): number {
    let d = this.distances.get(zone);
    if (d === undefined) {
      const offset = utcOffsetMinutes(zone, this.now);
      d =
        offset === undefined || this.clientOffset === undefined
          ? -1
          : clockDistanceMinutes(offset, this.clientOffset);
      this.distances.set(zone, d);
    }
    return d;
  }
}

const slugsOf = new WeakMap<readonly { slug: string }[], ReadonlySet<string>>();
function topicSlugsOf(topics: readonly { slug: string }[]): ReadonlySet<string> {
  let slugs = slugsOf.get(topics);
  if (!slugs) {
    slugs = new Set(topics.map((t) => t.slug));
    slugsOf.set(topics, slugs);
  }
  return slugs;
}
