import { once } from "../shared/once";
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
 * `schema` is a function, called once when the schema is first read: a cold start then builds
 * only the schemas of the emails it sends (a firing sends one of the sixteen), not all of them at
 * import. Measured on the whole cold start (import and first answer), this pays, unlike the
 * `z.lazy` wrappers the other schemas had (decision 0014, its update of issue 9).
 */
export function defineContract<const N extends string, S extends z.core.$ZodType>(def: {
  name: N;
  schema: () => S;
  subjectFields?: readonly (keyof z.output<S> & string)[];
}): TemplateContract<N, S> {
  const schema = once(def.schema);
  return {
    name: def.name,
    subjectFields: def.subjectFields ?? [],
    get schema() {
      return schema();
    },
  };
}
