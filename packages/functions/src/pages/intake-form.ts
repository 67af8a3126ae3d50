import { type FieldIssue, tryAgainIn } from "@coachflow/core/errors";
import { CADENCES, INTAKE_LABELS } from "@coachflow/core/intake/schema";
import type { Program } from "@coachflow/core/program/program";
import { labelFor } from "@coachflow/core/shared/issue-messages";
import { languageName } from "@coachflow/core/shared/language-names";
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

const PREFERENCES = new Set(["topics", "languages", "style", "cadence"]);
/** A form field's label, the one the error messages name it by. */
const label = (field: string) =>
  labelFor(PREFERENCES.has(field) ? ["preferences", field] : [field], INTAKE_LABELS);

/** The form field a JSON path belongs to (`preferences.topics.0` → `topics`). */
export function formField(path: string): string {
  const parts = path.split(".");
  return parts[0] === "preferences" ? (parts[1] ?? "topics") : (parts[0] ?? "");
}

function text(v: FormValues, errs: Map<string, string>, name: string, hint = "", type = "text") {
  const err = errs.get(name);
  return html`<label for="${name}">${label(name)} ${hint ? html`<span class="hint">${hint}</span>` : ""}</label>
${err ? html`<p class="error" id="${name}-error">${err}</p>` : ""}
<input type="${type}" id="${name}" name="${name}" value="${one(v, name)}" ${err ? html`aria-invalid="true" aria-describedby="${name}-error"` : ""}>`;
}

function area(v: FormValues, errs: Map<string, string>, name: string, hint = "") {
  const err = errs.get(name);
  return html`<label for="${name}">${label(name)} ${hint ? html`<span class="hint">${hint}</span>` : ""}</label>
${err ? html`<p class="error" id="${name}-error">${err}</p>` : ""}
<textarea id="${name}" name="${name}" ${err ? html`aria-invalid="true" aria-describedby="${name}-error"` : ""}>${one(v, name)}</textarea>`;
}

// The first choice carries the field's id, so the error summary's link lands on the group.
function choices(
  v: FormValues,
  errs: Map<string, string>,
  name: string,
  options: readonly (readonly [string, string])[],
  type: "checkbox" | "radio",
  hint = "",
) {
  const chosen = new Set(many(v, name));
  const err = errs.get(name);
  return html`<fieldset class="choices" ${err ? html`aria-describedby="${name}-error"` : ""}><legend>${label(name)} ${hint ? html`<span class="hint">${hint}</span>` : ""}</legend>
${err ? html`<p class="error" id="${name}-error">${err}</p>` : ""}
${options.map(([value, text], i) => html`<label><input type="${type}" ${i === 0 ? html`id="${name}" ` : ""}name="${name}" value="${value}" ${chosen.has(value) ? "checked" : ""}> ${text}</label>`)}
</fieldset>`;
}

function select(
  v: FormValues,
  errs: Map<string, string>,
  name: string,
  options: readonly (string | readonly [value: string, label: string])[],
  blank: string,
) {
  const current = one(v, name);
  const pairs = options.map((o) => (typeof o === "string" ? ([o, o] as const) : o));
  const err = errs.get(name);
  return html`<label for="${name}">${label(name)}</label>
${err ? html`<p class="error" id="${name}-error">${err}</p>` : ""}
<select id="${name}" name="${name}" ${err ? html`aria-invalid="true" aria-describedby="${name}-error"` : ""}>${blank ? html`<option value="">${blank}</option>` : ""}
${pairs.map(([o, l]) => html`<option value="${o}" ${o === current ? "selected" : ""}>${l}</option>`)}</select>`;
}

/**
 * The honeypot: a field people never see or reach (off screen, hidden from assistive technology,
 * out of the tab order, labelled to be left empty should it ever show) and form-filling robots
 * fill. A post with it filled stores and sends nothing and answers like a success (decision 0032).
 */
export const HONEYPOT_FIELD = "website";
export const honeypotFilled = (v: FormValues) => one(v, HONEYPOT_FIELD).trim() !== "";
const honeypot = html`<div class="hp" aria-hidden="true"><label for="${HONEYPOT_FIELD}">Leave this field empty</label>
<input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off"></div>`;

/** Over the email limits (429): when to try again, in words, above the form with the answers kept. */
const tooManyNotice = (retryAfterSeconds: number) =>
  html`<div class="error-summary" role="alert" tabindex="-1"><h2>Please wait before sending this again</h2>
<p>We have sent as many emails as we can for now to this address or from your network. Please try again ${tryAgainIn(retryAfterSeconds)}. Your answers are kept below; nothing was saved or sent.</p></div>`;

/**
 * The intake form; with `issues` (shared/issue-messages.ts), shown again with every answer kept, an
 * error summary at the top linking to each field, and each message again at its field. The styles,
 * levels and topics offered are the program's own (its settings).
 */
export function intakeFormPage(
  program: Program,
  values: FormValues = {},
  issues: readonly FieldIssue[] = [],
  opts: { retryAfterSeconds?: number } = {},
) {
  const terms = (list: readonly { id: string; label: string }[]) => list.map((t) => [t.id, t.label] as const);
  const { coachingStyles, seniorityLevels, topics } = program.settings;
  const errs = new Map<string, string>();
  for (const i of issues) if (!errs.has(formField(i.path))) errs.set(formField(i.path), i.message);
  const v: FormValues = { timezone: "UTC", cadence: "biweekly", ...values };
  return page(
    "Apply for coaching",
    html`<h1>Apply for coaching</h1>
<p>Tell us about yourself and what you want to work on. We will recommend one to three coaches who fit, and you can book a free intro session with the one you like.</p>
${opts.retryAfterSeconds !== undefined ? tooManyNotice(opts.retryAfterSeconds) : ""}
${issues.length > 0 ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>Please check these answers</h2><ul>${[...errs].map(([f, m]) => html`<li><a href="#${f}">${m}</a></li>`)}</ul></div>` : ""}
<form method="post" action="/v1/intake" novalidate>
<fieldset><legend>About you</legend>
${text(v, errs, "name")}
${text(v, errs, "email", "", "email")}
${select(v, errs, "timezone", timeZones(), "")}
${text(v, errs, "role", "(e.g. Tech lead)")}
${select(v, errs, "seniority", terms(seniorityLevels), "Prefer not to say")}
${text(v, errs, "team", "(optional)")}
${text(v, errs, "company")}
${area(v, errs, "background", "(how you got to where you are)")}
</fieldset>
<fieldset><legend>What you want to work on</legend>
${area(v, errs, "challenge", "(what is on your mind most right now)")}
${area(v, errs, "goals", "(optional)")}
${choices(v, errs, "topics", terms(topics), "checkbox")}
</fieldset>
<fieldset><legend>How you like to be coached</legend>
${choices(
  v,
  errs,
  "languages",
  FORM_LANGUAGES.map((l) => [l, languageName(l)] as const),
  "checkbox",
  "(the languages you can be coached in)",
)}
${select(v, errs, "style", terms(coachingStyles), "No preference")}
${choices(
  v,
  errs,
  "cadence",
  CADENCES.map((c) => [c, c] as const),
  "radio",
)}
</fieldset>
${choices(v, errs, "consent", [["true", "I agree to be contacted about coaching by email."]], "checkbox")}
${honeypot}
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
