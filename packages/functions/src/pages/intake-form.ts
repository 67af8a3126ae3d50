import { COACHING_STYLES, SENIORITY_LEVELS } from "@coachflow/core/coaches/schema";
import type { FieldIssue } from "@coachflow/core/errors";
import { CADENCES } from "@coachflow/core/intake/schema";
import { TOPICS } from "@coachflow/core/matching/topics";
import { html } from "hono/html";
import { page } from "./layout";

/** Languages offered as checkboxes; the API itself accepts any ISO 639-1 code. */
export const FORM_LANGUAGES = [
  "en",
  "es",
  "pt",
  "fr",
  "de",
  "it",
  "nl",
  "pl",
  "hi",
  "zh",
  "ja",
  "ar",
] as const;
// Built when the form is first shown, not at every cold start.
let languageNameCache: Intl.DisplayNames | undefined;
const languageName = () => (languageNameCache ??= new Intl.DisplayNames(["en"], { type: "language" }));
let timeZonesCache: string[] | undefined;
// UTC first: it is the default, and the runtime's list of canonical zones does not include it.
const timeZones = () =>
  (timeZonesCache ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")]);

export type FormValues = Record<string, string | string[]>;

const one = (v: FormValues, k: string) => {
  const x = v[k];
  return Array.isArray(x) ? (x[0] ?? "") : (x ?? "");
};
const many = (v: FormValues, k: string) => {
  const x = v[k];
  return Array.isArray(x) ? x : x ? [x] : [];
};

/** The form field a JSON path belongs to (`preferences.topics.0` → `topics`). */
export function formField(path: string): string {
  const parts = path.split(".");
  return parts[0] === "preferences" ? (parts[1] ?? "topics") : (parts[0] ?? "");
}

function text(
  v: FormValues,
  errs: Map<string, string>,
  name: string,
  label: string,
  hint = "",
  type = "text",
) {
  const err = errs.get(name);
  return html`<label for="${name}">${label} ${hint ? html`<span class="hint">${hint}</span>` : ""}</label>
${err ? html`<p class="error" id="${name}-error">${err}</p>` : ""}
<input type="${type}" id="${name}" name="${name}" value="${one(v, name)}" ${err ? html`aria-invalid="true" aria-describedby="${name}-error"` : ""}>`;
}

function area(v: FormValues, errs: Map<string, string>, name: string, label: string, hint = "") {
  const err = errs.get(name);
  return html`<label for="${name}">${label} ${hint ? html`<span class="hint">${hint}</span>` : ""}</label>
${err ? html`<p class="error" id="${name}-error">${err}</p>` : ""}
<textarea id="${name}" name="${name}" ${err ? html`aria-invalid="true" aria-describedby="${name}-error"` : ""}>${one(v, name)}</textarea>`;
}

function choices(
  v: FormValues,
  errs: Map<string, string>,
  name: string,
  legend: string,
  options: readonly (readonly [string, string])[],
  type: "checkbox" | "radio",
) {
  const chosen = new Set(many(v, name));
  const err = errs.get(name);
  return html`<fieldset class="choices" ${err ? html`aria-describedby="${name}-error"` : ""}><legend>${legend}</legend>
${err ? html`<p class="error" id="${name}-error">${err}</p>` : ""}
${options.map(([value, label]) => html`<label><input type="${type}" name="${name}" value="${value}" ${chosen.has(value) ? "checked" : ""}> ${label}</label>`)}
</fieldset>`;
}

function select(
  v: FormValues,
  errs: Map<string, string>,
  name: string,
  label: string,
  options: readonly string[],
  blank: string,
) {
  const current = one(v, name);
  const err = errs.get(name);
  return html`<label for="${name}">${label}</label>
${err ? html`<p class="error" id="${name}-error">${err}</p>` : ""}
<select id="${name}" name="${name}">${blank ? html`<option value="">${blank}</option>` : ""}
${options.map((o) => html`<option value="${o}" ${o === current ? "selected" : ""}>${o}</option>`)}</select>`;
}

/** The intake form; with `issues`, shown again with the answers kept and each problem next to its field. */
export function intakeFormPage(values: FormValues = {}, issues: FieldIssue[] = []) {
  const errs = new Map<string, string>();
  for (const i of issues) if (!errs.has(formField(i.path))) errs.set(formField(i.path), i.message);
  const v: FormValues = { timezone: "UTC", cadence: "biweekly", ...values };
  return page(
    "Apply for coaching",
    html`<h1>Apply for coaching</h1>
<p>Tell us about yourself and what you want to work on. We will recommend one to three coaches who fit, and you can book a free intro session with the one you like.</p>
${issues.length > 0 ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>Please check these answers</h2><ul>${[...errs].map(([f, m]) => html`<li><a href="#${f}">${f}</a>: ${m}</li>`)}</ul></div>` : ""}
<form method="post" action="/v1/intake" novalidate>
<fieldset><legend>About you</legend>
${text(v, errs, "name", "Your name")}
${text(v, errs, "email", "Email", "", "email")}
${select(v, errs, "timezone", "Your time zone", timeZones(), "")}
${text(v, errs, "role", "Current role", "(e.g. Tech lead)")}
${select(v, errs, "seniority", "Seniority", SENIORITY_LEVELS, "Prefer not to say")}
${text(v, errs, "team", "Team", "(optional)")}
${text(v, errs, "company", "Company")}
${area(v, errs, "background", "Your background", "(how you got to where you are)")}
</fieldset>
<fieldset><legend>What you want to work on</legend>
${area(v, errs, "challenge", "Your top-of-mind challenge")}
${area(v, errs, "goals", "Your goals for coaching", "(optional)")}
${choices(
  v,
  errs,
  "topics",
  "Topics",
  TOPICS.map((t) => [t.slug, t.label] as const),
  "checkbox",
)}
</fieldset>
<fieldset><legend>How you like to be coached</legend>
${choices(
  v,
  errs,
  "languages",
  "Languages you can be coached in",
  FORM_LANGUAGES.map((l) => [l, languageName().of(l) ?? l] as const),
  "checkbox",
)}
${select(v, errs, "style", "Coaching style you prefer", COACHING_STYLES, "No preference")}
${choices(
  v,
  errs,
  "cadence",
  "How often would you like to meet?",
  CADENCES.map((c) => [c, c] as const),
  "radio",
)}
</fieldset>
${choices(v, errs, "consent", "Consent", [["true", "I agree to be contacted about coaching by email."]], "checkbox")}
<button type="submit">Find my coaches</button>
</form>`,
  );
}

/** Turns form fields into the intake's JSON shape; validation happens on the result. */
export function formToIntake(v: FormValues): Record<string, unknown> {
  const optional = (k: string) => (one(v, k).trim() === "" ? undefined : one(v, k));
  return {
    name: one(v, "name"),
    email: one(v, "email"),
    timezone: one(v, "timezone"),
    background: one(v, "background"),
    role: one(v, "role"),
    seniority: optional("seniority"),
    team: optional("team"),
    company: one(v, "company"),
    challenge: one(v, "challenge"),
    goals: optional("goals"),
    preferences: {
      topics: many(v, "topics"),
      languages: many(v, "languages"),
      style: optional("style"),
      cadence: one(v, "cadence"),
    },
    consent: one(v, "consent") === "true" || one(v, "consent") === "on",
  };
}
