import { AppError } from "../errors";
import { type FieldLabels, issueMessages } from "../shared/issue-messages";
import type * as z from "../shared/zod";
import type { Program, Vocabulary } from "./program";

type Issue = z.core.$ZodIssue;

/**
 * Turns the words a person typed for a style, level or topic into the program's ids. A closed
 * vocabulary (styles, levels) refuses a word it does not know with the issue zod gives an enum,
 * listing the accepted labels, so the message reads like every other ("Choose coaching style:
 * Supportive, … or Reflective"). Topics stay open: an unknown one is kept as the slug it is.
 */
export class TermResolver {
  readonly issues: Issue[] = [];

  constructor(private readonly program: Program) {}

  one(vocabulary: Exclude<Vocabulary, "topics">, word: string, path: PropertyKey[]): string {
    const id = this.program.resolve(vocabulary, word);
    if (id !== undefined) return id;
    this.issues.push({
      code: "invalid_value",
      values: this.program.settings[vocabulary].map((t) => t.label),
      path,
      message: "",
      input: word,
    } as Issue);
    return word;
  }

  /** Each word resolved, duplicates (after resolving) dropped, order kept. */
  many(vocabulary: Exclude<Vocabulary, "topics">, words: readonly string[], path: PropertyKey[]): string[] {
    return [...new Set(words.map((w, i) => this.one(vocabulary, w, [...path, i])))];
  }

  topics(words: readonly string[]): string[] {
    return [...new Set(words.map((w) => this.program.resolve("topics", w) ?? w))];
  }

  /** Throws the 400 naming every word no vocabulary knows, worded by the input's labels. */
  check(labels: FieldLabels): void {
    if (this.issues.length === 0) return;
    const fields = issueMessages(this.issues, labels);
    throw new AppError("validation_failed", fields.map((f) => f.message).join("; "), fields);
  }
}
