import type { ProgramSettings } from "../program/schema";

/**
 * The program settings (program/schema.ts) as the admin console's form holds them: one flat
 * record of what was typed, named by the document's paths with the form's row numbers
 * (`coachingStyles.2.label`, `agendaTemplates.intro.sections.0.points`), every value a string. A
 * failed save or a preview shows the record again as it was typed. Lists are rows: a row whose
 * fields are all empty, or whose `remove` box is ticked, is left out of the document. Aliases and
 * keywords are one text each, separated by commas; an agenda section's points one per line.
 */
export type SettingsForm = Record<string, string>;

export const TERM_LISTS = ["coachingStyles", "seniorityLevels"] as const;
export const AGENDA_TEMPLATE_KEYS = [
  "intro",
  "starterFirst",
  "starterMiddle",
  "starterLast",
  "regular",
] as const;
export const WEIGHT_KEYS = ["topics", "text", "timezone", "style", "seniority", "load", "diversity"] as const;
export const EMAIL_COPY_KEYS = ["followupIntro", "welcomeIntro"] as const;
export type TermList = (typeof TERM_LISTS)[number];
export type AgendaTemplateKey = (typeof AGENDA_TEMPLATE_KEYS)[number];

/** Each list of rows: its name in the form and the fields of one row. */
export const ROW_FIELDS = {
  coachingStyles: ["id", "label", "aliases"],
  seniorityLevels: ["id", "label", "aliases"],
  topics: ["id", "label", "aliases", "keywords"],
  skills: ["id", "name", "description"],
} as const;
export const SECTION_FIELDS = ["heading", "minutes", "points"] as const;
/** More rows than any list may have (the longest, topics, takes 300): the rest of a post is ignored. */
const MAX_ROWS = 320;

const joinWords = (xs: readonly string[] | undefined) => (xs ?? []).join(", ");
const splitWords = (s: string | undefined) =>
  (s ?? "")
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);
const splitLines = (s: string | undefined) =>
  (s ?? "")
    .split(/\r?\n/)
    .map((w) => w.trim())
    .filter(Boolean);

/** The stored settings as the form first shows them. */
export function settingsForm(s: ProgramSettings): SettingsForm {
  const f: SettingsForm = {};
  for (const list of TERM_LISTS) {
    s[list].forEach((t, i) => {
      f[`${list}.${i}.id`] = t.id;
      f[`${list}.${i}.label`] = t.label;
      f[`${list}.${i}.aliases`] = joinWords(t.aliases);
    });
  }
  s.topics.forEach((t, i) => {
    f[`topics.${i}.id`] = t.id;
    f[`topics.${i}.label`] = t.label;
    f[`topics.${i}.aliases`] = joinWords(t.aliases);
    f[`topics.${i}.keywords`] = joinWords(t.keywords);
  });
  for (const k of WEIGHT_KEYS) f[`matchingWeights.${k}`] = String(s.matchingWeights[k]);
  s.skills.forEach((k, i) => {
    f[`skills.${i}.id`] = k.id;
    f[`skills.${i}.name`] = k.name;
    f[`skills.${i}.description`] = k.description;
  });
  for (const key of AGENDA_TEMPLATE_KEYS) {
    const t = s.agendaTemplates[key];
    f[`agendaTemplates.${key}.title`] = t.title;
    t.sections.forEach((sec, i) => {
      const p = `agendaTemplates.${key}.sections.${i}`;
      f[`${p}.heading`] = sec.heading;
      f[`${p}.minutes`] = sec.minutes ?? "";
      f[`${p}.points`] = sec.points.join("\n");
    });
  }
  for (const k of EMAIL_COPY_KEYS) f[`emailCopy.${k}`] = s.emailCopy[k];
  return f;
}

const LIST_NAME = /^(coachingStyles|seniorityLevels|topics|skills)\.(\d{1,3})\.([a-z]+)$/;
const SECTION_NAME = new RegExp(
  `^agendaTemplates\\.(${AGENDA_TEMPLATE_KEYS.join("|")})\\.sections\\.(\\d{1,3})\\.(heading|minutes|points|remove)$`,
);
const SINGLE_NAMES = new Set([
  ...WEIGHT_KEYS.map((k) => `matchingWeights.${k}`),
  ...AGENDA_TEMPLATE_KEYS.map((k) => `agendaTemplates.${k}.title`),
  ...EMAIL_COPY_KEYS.map((k) => `emailCopy.${k}`),
]);

/** The settings fields of a posted form (`readForm`'s record); any other name is ignored. */
export function settingsFormFromPost(post: Readonly<Record<string, string | string[]>>): SettingsForm {
  const f: SettingsForm = {};
  for (const [name, raw] of Object.entries(post)) {
    const value = Array.isArray(raw) ? (raw[0] ?? "") : raw;
    const list = LIST_NAME.exec(name);
    if (list) {
      const fields: readonly string[] = ROW_FIELDS[list[1] as keyof typeof ROW_FIELDS];
      if (Number(list[2]) < MAX_ROWS && (fields.includes(list[3]!) || list[3] === "remove")) f[name] = value;
      continue;
    }
    const section = SECTION_NAME.exec(name);
    if (section) {
      if (Number(section[2]) < MAX_ROWS) f[name] = value;
      continue;
    }
    if (SINGLE_NAMES.has(name)) f[name] = value;
  }
  return f;
}

/** The form's row numbers of a list (`coachingStyles`, `agendaTemplates.intro.sections`), in order. */
export function rowsOf(form: SettingsForm, prefix: string): number[] {
  const rows = new Set<number>();
  const start = `${prefix}.`;
  for (const name of Object.keys(form)) {
    if (!name.startsWith(start)) continue;
    const row = /^(\d+)\./.exec(name.slice(start.length));
    if (row) rows.add(Number(row[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

/** True when the row's `remove` box is ticked. */
export const removed = (form: SettingsForm, row: string) => form[`${row}.remove`] === "yes";

/**
 * An id made from a label, for a new row whose id was left empty ("Tech lead manager" →
 * "tech-lead-manager"): the program's slugs, lower case words joined by hyphens.
 */
export function idFromLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/**
 * The document the form describes, for the settings schema to check, and the way back from a path
 * in that document to the form: `formPath` turns the document's list positions into the form's
 * row numbers (a removed or empty row is not in the document), `fieldOf` names the form field a
 * path belongs to (the input the message is shown at).
 */
export interface SettingsCandidate {
  candidate: Record<string, unknown>;
  formPath(path: readonly PropertyKey[]): PropertyKey[];
  fieldOf(path: readonly PropertyKey[]): string;
}

export function settingsCandidate(form: SettingsForm): SettingsCandidate {
  const rowMaps = new Map<string, number[]>();
  /** The kept rows of a list, as objects of their trimmed fields; remembers their form rows. */
  const keptRows = (prefix: string, fields: readonly string[]) => {
    const kept: { row: number; v: Record<string, string> }[] = [];
    for (const row of rowsOf(form, prefix)) {
      const at = `${prefix}.${row}`;
      if (removed(form, at)) continue;
      const v = Object.fromEntries(fields.map((k) => [k, form[`${at}.${k}`] ?? ""]));
      if (Object.values(v).every((x) => x.trim() === "")) continue;
      kept.push({ row, v });
    }
    rowMaps.set(
      prefix,
      kept.map((k) => k.row),
    );
    return kept.map((k) => k.v);
  };
  const term = (v: Record<string, string>) => {
    const aliases = splitWords(v.aliases);
    return {
      id: v.id!.trim() === "" ? idFromLabel(v.label ?? "") : v.id,
      label: v.label,
      ...(aliases.length > 0 ? { aliases } : {}),
    };
  };
  const number = (s: string | undefined) => {
    const t = (s ?? "").trim();
    return t === "" ? undefined : Number.isFinite(Number(t)) ? Number(t) : t;
  };
  const text = (s: string | undefined) => ((s ?? "").trim() === "" ? undefined : s);

  const candidate: Record<string, unknown> = {
    coachingStyles: keptRows("coachingStyles", ROW_FIELDS.coachingStyles).map(term),
    seniorityLevels: keptRows("seniorityLevels", ROW_FIELDS.seniorityLevels).map(term),
    topics: keptRows("topics", ROW_FIELDS.topics).map((v) => ({
      ...term(v),
      keywords: splitWords(v.keywords),
    })),
    matchingWeights: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, number(form[`matchingWeights.${k}`])])),
    skills: keptRows("skills", ROW_FIELDS.skills).map((v) => ({
      id: v.id!.trim() === "" ? idFromLabel(v.name ?? "") : v.id,
      name: v.name,
      description: v.description,
    })),
    agendaTemplates: Object.fromEntries(
      AGENDA_TEMPLATE_KEYS.map((key) => [
        key,
        {
          title: text(form[`agendaTemplates.${key}.title`]),
          sections: keptRows(`agendaTemplates.${key}.sections`, SECTION_FIELDS).map((v) => ({
            heading: text(v.heading),
            ...(v.minutes!.trim() !== "" ? { minutes: v.minutes } : {}),
            points: splitLines(v.points),
          })),
        },
      ]),
    ),
    emailCopy: Object.fromEntries(EMAIL_COPY_KEYS.map((k) => [k, text(form[`emailCopy.${k}`])])),
  };

  /** The list a path runs through and how deep its index sits (`agendaTemplates.intro.sections.2`). */
  const listOf = (path: readonly PropertyKey[]) => {
    const depth = path[0] === "agendaTemplates" ? 3 : 1;
    return { prefix: path.slice(0, depth).map(String).join("."), depth };
  };

  const formPath = (path: readonly PropertyKey[]): PropertyKey[] => {
    const { prefix, depth } = listOf(path);
    const rows = rowMaps.get(prefix);
    const index = path[depth];
    if (!rows || typeof index !== "number") return [...path];
    return [...path.slice(0, depth), rows[index] ?? index, ...path.slice(depth + 1)];
  };

  const fieldOf = (path: readonly PropertyKey[]): string => {
    const p = formPath(path).map(String);
    const [top] = p;
    if (top === "coachingStyles" || top === "seniorityLevels" || top === "topics" || top === "skills") {
      const row = p[1] ?? String(rowMaps.get(top)?.[0] ?? rowsOf(form, top)[0] ?? 0);
      return `${top}.${row}.${p[2] ?? "id"}`;
    }
    if (top === "matchingWeights") return `matchingWeights.${p[1] ?? "load"}`;
    if (top === "emailCopy") return `emailCopy.${p[1] ?? "followupIntro"}`;
    if (top === "agendaTemplates") {
      const key = p[1] ?? "intro";
      if (p[2] !== "sections") return `agendaTemplates.${key}.title`;
      const prefix = `agendaTemplates.${key}.sections`;
      const row = p[3] ?? String(rowMaps.get(prefix)?.[0] ?? rowsOf(form, prefix)[0] ?? 0);
      return `${prefix}.${row}.${p[4] ?? "heading"}`;
    }
    return "coachingStyles.0.id";
  };

  return { candidate, formPath, fieldOf };
}
