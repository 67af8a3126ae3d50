import type * as z from "../shared/zod";

/**
 * What the code that sends an email needs of its template: the SES template name, the schema its
 * data is validated (and normalized) with, and the fields its subject may show. The sources
 * (subject, HTML and text parts) live in `templates/` and are only needed to deploy, preview and
 * test templates: on AWS, SES renders the stored ones. Lambda code imports contracts only.
 */
export interface TemplateContract<N extends string = string, S extends z.core.$ZodType = z.core.$ZodType> {
  /** The SES template name; a contract with the code that sends. */
  readonly name: N;
  /** Validates (and may normalize) the data a caller passes. */
  readonly schema: S;
  /** Data fields the subject may show: never user-provided text. Checked again on every send. */
  readonly subjectFields: readonly string[];
}

/**
 * Declares a template's contract; the literal `name` becomes part of the `TemplateName` union.
 * The schema is built at import, with the contract (decision 0014: deferring it to the first send
 * did not make a cold start's first answer any faster).
 */
export function defineContract<const N extends string, S extends z.core.$ZodType>(def: {
  name: N;
  schema: S;
  subjectFields?: readonly (keyof z.output<S> & string)[];
}): TemplateContract<N, S> {
  return { name: def.name, schema: def.schema, subjectFields: def.subjectFields ?? [] };
}
