import Handlebars from "handlebars";
import type { TemplateInput, TemplateName } from "./contract-registry";
import type { TemplateDefinition } from "./define";
import { getTemplate } from "./registry";
import { type EmailFooter, type SesTemplateData, templateData } from "./template-data";

export type { SesTemplateData } from "./template-data";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
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
export function renderTemplate<N extends TemplateName>(
  name: N,
  data: TemplateInput<N>,
  footer?: EmailFooter,
): RenderedEmail;
export function renderTemplate(name: string, data: unknown, footer?: EmailFooter): RenderedEmail;
export function renderTemplate(name: string, data: unknown, footer?: EmailFooter): RenderedEmail {
  return renderTemplateData(getTemplate(name), templateData(name, data, footer));
}
