import { TOPICS, type Topic } from "./topics";

/** Longest matched text a reason may quote; anything longer is not a "short keyword". */
const MAX_QUOTE = 40;

/** Lower-case words of a text: letters and digits, everything else separates. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** One free text, indexed once so that every keyword lookup is a map read. */
export interface TextIndex {
  readonly tokens: readonly string[];
  /** Where each whole word occurs. */
  readonly positions: ReadonlyMap<string, readonly number[]>;
  /** For each prefix of any word, the position of the first word that starts with it. */
  readonly firstWithPrefix: ReadonlyMap<string, number>;
}

export function indexText(text: string): TextIndex {
  const tokens = tokenize(text);
  const positions = new Map<string, number[]>();
  const firstWithPrefix = new Map<string, number>();
  tokens.forEach((token, i) => {
    const seen = positions.get(token);
    if (seen) {
      seen.push(i);
      return;
    }
    positions.set(token, [i]);
    for (let end = 1; end <= token.length; end++) {
      const prefix = token.slice(0, end);
      if (!firstWithPrefix.has(prefix)) firstWithPrefix.set(prefix, i);
    }
  });
  return { tokens, positions, firstWithPrefix };
}

const quote = (words: readonly string[], fallback: readonly string[]) => {
  const joined = words.join(" ");
  return joined.length <= MAX_QUOTE ? joined : fallback.join(" ");
};

/**
 * The words of `text` that match `keyword` (already tokenized), or undefined. Every keyword word must
 * match a text word whole, except the last, which may be a stem when `stem` is true.
 */
export function findKeyword(text: TextIndex, keyword: readonly string[], stem: boolean): string | undefined {
  const first = keyword[0];
  if (first === undefined) return undefined;
  if (keyword.length === 1) {
    const at = stem ? text.firstWithPrefix.get(first) : text.positions.get(first)?.[0];
    return at === undefined ? undefined : quote([text.tokens[at] ?? first], keyword);
  }
  const last = keyword.length - 1;
  for (const start of text.positions.get(first) ?? []) {
    let ok = start + last < text.tokens.length;
    for (let j = 1; ok && j <= last; j++) {
      const word = text.tokens[start + j] ?? "";
      const want = keyword[j] ?? "";
      ok = j === last && stem ? word.startsWith(want) : word === want;
    }
    if (ok) return quote(text.tokens.slice(start, start + last + 1), keyword);
  }
  return undefined;
}

type Compiled = readonly { slug: string; keywords: string[][] }[];
/** Each vocabulary's keywords, tokenized once per vocabulary (a program's settings version). */
const compiledOf = new WeakMap<readonly Topic[], Compiled>();
function compile(topics: readonly Topic[]): Compiled {
  let compiled = compiledOf.get(topics);
  if (!compiled) {
    compiled = topics.map((t) => ({ slug: t.slug, keywords: t.keywords.map(tokenize) }));
    compiledOf.set(topics, compiled);
  }
  return compiled;
}

/** Each vocabulary topic the text points to, with the words that showed it (first keyword wins). */
export function detectTopics(text: TextIndex, topics: readonly Topic[] = TOPICS): Map<string, string> {
  const found = new Map<string, string>();
  if (text.tokens.length === 0) return found;
  for (const topic of compile(topics)) {
    for (const keyword of topic.keywords) {
      const words = findKeyword(text, keyword, true);
      if (words !== undefined) {
        found.set(topic.slug, words);
        break;
      }
    }
  }
  return found;
}
