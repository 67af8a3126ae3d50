import type * as z from "../shared/zod";
import type { TemplateContract } from "./contract";

/**
 * One email template: its contract (name, schema, subject fields) and its sources, the single
 * source of truth for SES (upserted as a stored template) and for local rendering. Sources are SES
 * template syntax (Handlebars) and read their data from two copies: `text.*` holds the validated
 * values as they are, `html.*` the same values HTML-escaped. The HTML part reads only `html.*`, the
 * Text and Subject parts only `text.*`, and every placeholder is a triple-stash `{{{…}}}`, so SES
 * and the emulator render the same bytes (decision record 0003).
 */
export interface TemplateDefinition<N extends string = string, S extends z.core.$ZodType = z.core.$ZodType>
  extends TemplateContract<N, S> {
  /** One line. Fixed text, or placeholders for the system-generated fields in `subjectFields` only. */
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Realistic example data: previews, tests. */
  readonly sample: z.input<S>;
}

/** The sources of the template `contract` names, joined to it. */
export function defineTemplate<const N extends string, S extends z.core.$ZodType>(
  contract: TemplateContract<N, S>,
  sources: { subject: string; html: string; text: string; sample: NoInfer<z.input<S>> },
): TemplateDefinition<N, S> {
  // Not `{ ...contract }`: spreading would read the contract's schema getter and build the schema.
  return {
    name: contract.name,
    subjectFields: contract.subjectFields,
    get schema() {
      return contract.schema;
    },
    ...sources,
  };
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
