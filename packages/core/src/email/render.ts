import Handlebars from "handlebars";
import { validationFailed } from "../errors";
import { z } from "../shared/zod";
import type { TemplateDefinition } from "./define";
import { escapeDeep } from "./escape";
import { getTemplate, type TemplateInput, type TemplateName } from "./registry";
import { SUBJECT_SAFE } from "./schemas";

/** The object sent to SES as `TemplateData`: the values as they are, and an HTML-escaped copy. */
export interface SesTemplateData extends Record<string, unknown> {
  text: Record<string, unknown>;
  html: Record<string, unknown>;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Validates `data` against the template's schema and returns the `TemplateData` object for SES.
 * Throws `AppError("validation_failed")` naming each wrong field (never echoing its value).
 */
export function templateData<N extends TemplateName>(name: N, data: TemplateInput<N>): SesTemplateData;
export function templateData(name: string, data: unknown): SesTemplateData;
export function templateData(name: string, data: unknown): SesTemplateData {
  const def = getTemplate(name);
  const parsed = z.safeParse(def.schema, data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const names = fields.map((f) => f.path || "(root)").join(", ");
    throw validationFailed(`invalid data for email template ${def.name}: ${names}`, fields);
  }
  const value = parsed.data as Record<string, unknown>;
  assertSubjectSafe(def, value);
  return { text: value, html: escapeDeep(value) as Record<string, unknown> };
}

/** Defense in depth: whatever a schema allows, a subject never gets a line break or markup. */
function assertSubjectSafe(def: TemplateDefinition, value: Record<string, unknown>): void {
  for (const field of def.subjectFields) {
    const v = value[field];
    if (typeof v !== "string" || !SUBJECT_SAFE.test(v)) {
      throw validationFailed(`invalid data for email template ${def.name}: ${field}`, [
        { path: field, message: "is not safe for a subject line" },
      ]);
    }
  }
}

// Like SES (and the emulator): built-in helpers only, no escaping by the engine itself.
const engine = Handlebars.create();
const compiled = new Map<string, (data: SesTemplateData) => RenderedEmail>();

function compile(def: TemplateDefinition): (data: SesTemplateData) => RenderedEmail {
  const opts = { noEscape: true, strict: false };
  const subject = engine.compile(def.subject, opts);
  const html = engine.compile(def.html, opts);
  const text = engine.compile(def.text, opts);
  return (data) => ({ subject: subject(data), html: html(data), text: text(data) });
}

/** Renders already-built `TemplateData` the way SES does. For tests that craft the data themselves. */
export function renderTemplateData(def: TemplateDefinition, data: SesTemplateData): RenderedEmail {
  let render = compiled.get(def.name);
  if (!render) {
    render = compile(def);
    compiled.set(def.name, render);
  }
  return render(data);
}

/** Validates and renders a template locally, exactly as SES would: previews and unit tests. */
export function renderTemplate<N extends TemplateName>(name: N, data: TemplateInput<N>): RenderedEmail;
export function renderTemplate(name: string, data: unknown): RenderedEmail;
export function renderTemplate(name: string, data: unknown): RenderedEmail {
  return renderTemplateData(getTemplate(name), templateData(name, data));
}
