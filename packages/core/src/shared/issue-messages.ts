/**
 * Zod issues as messages a person can read: the field named as the form labels it, the rule in
 * words. The API's 400 body, the intake form and the coach web app's forms all use this one
 * mapping, so a rule reads the same everywhere.
 *
 * API (pure, no HTTP):
 *
 *   issueMessages(issues, labels) → { path, label, message }[]
 *
 * - `issues`: `error.issues` of a failed `z.safeParse(schema, value, { reportInput: true })`.
 *   `reportInput` lets "Enter your name" (missing) differ from "Your name must be text" (a number
 *   was sent); the input is read for that only and never copied into a message.
 * - `labels` (`FieldLabels`): dotted path → label, `#` standing for any list index
 *   (`"actionItems.#.dueDate": "Action item #: due date"`); in the label `#` becomes the 1-based
 *   index ("Action item 2: due date"). `""` labels the whole input. A path without a label of its
 *   own takes its nearest labelled parent's, else its last name in words (`dueDate` → "Due date"),
 *   so a field whose name in words is its label needs no entry. Each schema module exports the
 *   labels of its input schemas next to them.
 *
 *   labelFor(path, labels) → the label of one field, for a form to show (`["takeaways", 0]`).
 * - The result has one message per path, in the order of the issues; a wrong type at a path wins
 *   over the other issues there (a string sent for a list is one message about the list, not also
 *   one about its length). `path` is dotted (`preferences.topics.0`), `""` for the whole input.
 * - A custom rule (`z.refine`) words its own rule as a predicate, "must not name a coach twice":
 *   the message is the label followed by it ("Coaches must not name a coach twice").
 *
 * `zodLocale` is the same wording as zod's locale (shared/zod.ts configures it): an issue's own
 * `message`, where no labels are at hand (config, email data, webhooks), reads the same way with
 * the path's last name as its label ("Start time is required").
 */
import type * as z from "./zod";

export type FieldLabels = Readonly<Record<string, string>>;

export interface FieldMessage {
  path: string;
  label: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

export function issueMessages(issues: readonly Issue[], labels: FieldLabels): FieldMessage[] {
  const byPath = new Map<string, Issue>();
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    const seen = byPath.get(key);
    if (!seen || (issue.code === "invalid_type" && seen.code !== "invalid_type")) byPath.set(key, issue);
  }
  return [...byPath].map(([path, issue]) => {
    const label = labelFor(issue.path, labels);
    return { path, label, message: ruleInWords(issue, label) };
  });
}

/** The label of a path: its own, its nearest labelled parent's, or its last name in words. */
export function labelFor(path: readonly PropertyKey[], labels: FieldLabels): string {
  for (let n = path.length; n >= 0; n--) {
    const head = path.slice(0, n);
    const label = labels[head.map((p) => (typeof p === "number" ? "#" : String(p))).join(".")];
    if (label === undefined) continue;
    const indexes = head.filter((p) => typeof p === "number");
    let i = 0;
    return label.replace(/#/g, () => String((indexes[i++] ?? 0) + 1));
  }
  const name = [...path].reverse().find((p) => typeof p === "string") ?? "";
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "This input";
}

/** zod's `localeError`: the rule in words, labelled by the path's last name. */
export const zodLocale = (issue: z.core.$ZodRawIssue) =>
  ruleInWords(issue as Issue, labelFor(issue.path ?? [], {}));

const list = (values: readonly unknown[]) => {
  const words = values.map(String);
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
};

const FORMATS: Record<string, string> = {
  email: "an email address like name@example.com",
  url: "a web address like https://example.com",
  date: "a date like 2026-03-01",
  datetime: "a date and time like 2026-03-01T09:00:00Z",
};

const TYPES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

function ruleInWords(issue: Issue, L: string): string {
  // Mid-sentence, "Your name" reads "your name"; "URL" stays "URL".
  const l = /^[A-Z][^A-Z]/.test(L) ? L[0]!.toLowerCase() + L.slice(1) : L;
  switch (issue.code) {
    case "invalid_type": {
      const missing = issue.input === undefined;
      if (issue.expected === "array") return `${L} must be a list`;
      if (missing && ["string", "number", "int"].includes(issue.expected)) return `Enter ${l}`;
      if (missing) return `${L} is required`;
      return `${L} must be ${TYPES[issue.expected] ?? "a different kind of value"}`;
    }
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") {
        return n <= 1 ? `Enter ${l}` : `${L} must be at least ${n} characters`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return `Choose at least ${n === 1 ? "one" : n} of the ${l}`;
      }
      return `${L} must be ${issue.inclusive === false ? "more than" : "at least"} ${n}`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return `${L} must be ${n} characters or fewer`;
      if (issue.origin === "array" || issue.origin === "set") return `Add at most ${n} ${l}`;
      return `${L} must be ${issue.inclusive === false ? "less than" : "at most"} ${n}`;
    }
    case "invalid_format":
      return `${L} must be ${FORMATS[issue.format] ?? "in the right format"}`;
    case "invalid_value":
      if (issue.values.length === 1 && issue.values[0] === true) return `Tick the box to give ${l}`;
      return `Choose ${l}: ${list(issue.values)}`;
    case "invalid_union":
      // A discriminated union names its options; a plain one lists each option's issues instead.
      if ("options" in issue && issue.options?.length) return `Choose ${l}: ${list(issue.options)}`;
      return `${L} is not in an accepted form`;
    case "unrecognized_keys":
      return `${L} has fields it does not take: ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return `${L} must be a multiple of ${issue.divisor}`;
    case "custom":
      return issue.message ? `${L} ${issue.message}` : `${L} is not accepted`;
    default:
      // invalid_key, invalid_element: maps and sets, which no input schema of ours has.
      return `${L} is not accepted`;
  }
}
