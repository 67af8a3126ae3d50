import type { Topic } from "../matching/topics";
import type { ProgramSettings, Term } from "./schema";
import { termKey } from "./term-key";

/**
 * One version of the program's settings as the code reads them: the document, its version (0 for
 * the defaults, never stored) and the lookups built from it once, on first use.
 */
export class Program {
  private lookups: Map<string, Map<string, string>> | undefined;
  private topicList: Topic[] | undefined;

  constructor(
    readonly settings: ProgramSettings,
    readonly version: number,
    /** When this version was stored; the epoch for the defaults. */
    readonly updatedAt: string,
  ) {}

  get etag(): string {
    return `"v${this.version}"`;
  }

  /** The id a word names in one of the vocabularies (by id, label or alias, any case or spacing). */
  resolve(vocabulary: Vocabulary, word: string): string | undefined {
    this.lookups ??= new Map();
    let lookup = this.lookups.get(vocabulary);
    if (!lookup) {
      lookup = new Map();
      for (const t of this.settings[vocabulary]) {
        for (const w of [t.id, t.label, ...(t.aliases ?? [])]) lookup.set(termKey(w), t.id);
      }
      this.lookups.set(vocabulary, lookup);
    }
    return lookup.get(termKey(word));
  }

  term(vocabulary: Vocabulary, id: string): Term | undefined {
    return this.settings[vocabulary].find((t) => t.id === id);
  }

  /** The topics as the matcher reads them. */
  topics(): readonly Topic[] {
    this.topicList ??= this.settings.topics.map((t) => ({
      slug: t.id,
      label: t.label,
      keywords: t.keywords,
    }));
    return this.topicList;
  }
}

export type Vocabulary = "coachingStyles" | "seniorityLevels" | "topics";
