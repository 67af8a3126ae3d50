import type { z } from "../shared/zod";

/**
 * One email template: the single source of truth for SES (upserted as a stored template) and for
 * local rendering. Sources are SES template syntax (Handlebars) and read their data from two copies:
 * `text.*` holds the validated values as they are, `html.*` the same values HTML-escaped. The HTML part
 * reads only `html.*`, the Text and Subject parts only `text.*`, and every placeholder is a
 * triple-stash `{{{…}}}`, so SES and the emulator render the same bytes (decision record 0003).
 */
export interface TemplateDefinition<N extends string = string, S extends z.core.$ZodType = z.core.$ZodType> {
  /** The SES template name; a contract with the code that sends. */
  readonly name: N;
  /** One line. Fixed text, or placeholders for the system-generated fields in `subjectFields` only. */
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Validates (and may normalize) the data a caller passes. */
  readonly schema: S;
  /** Realistic example data: previews, tests. */
  readonly sample: z.input<S>;
  /** Data fields the subject may show: never user-provided text. Checked again on every send. */
  readonly subjectFields: readonly string[];
}

/** Declares a template; the literal `name` becomes part of the `TemplateName` union. */
export function defineTemplate<const N extends string, S extends z.core.$ZodType>(def: {
  name: N;
  subject: string;
  html: string;
  text: string;
  schema: S;
  sample: z.input<S>;
  subjectFields?: readonly (keyof z.output<S> & string)[];
}): TemplateDefinition<N, S> {
  return { ...def, subjectFields: def.subjectFields ?? [] };
}

/** The SESv2 CreateEmailTemplate / UpdateEmailTemplate input shape (no SDK import in the domain). */
export interface SesTemplateInput {
  TemplateName: string;
  TemplateContent: { Subject: string; Html: string; Text: string };
}

export function toSesTemplate(def: TemplateDefinition): SesTemplateInput {
  return {
    TemplateName: def.name,
    TemplateContent: { Subject: def.subject, Html: def.html, Text: def.text },
  };
}
