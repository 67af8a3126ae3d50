import { validationFailed } from "../errors";
import * as z from "../shared/zod";
import type { TemplateContract } from "./contract";
import { getContract, type TemplateInput, type TemplateName } from "./contract-registry";
import { escapeDeep } from "./escape";
import { SUBJECT_SAFE } from "./schemas";

/** The object sent to SES as `TemplateData`: the values as they are, and an HTML-escaped copy. */
export interface SesTemplateData extends Record<string, unknown> {
  text: Record<string, unknown>;
  html: Record<string, unknown>;
}

/**
 * Validates `data` against the template's schema and returns the `TemplateData` object for SES.
 * Throws `AppError("validation_failed")` naming each wrong field (never echoing its value). Needs
 * only the template's contract, so sending code carries no template sources.
 */
export function templateData<N extends TemplateName>(
  name: N,
  data: TemplateInput<N>,
  footer?: EmailFooter,
): SesTemplateData;
export function templateData(name: string, data: unknown, footer?: EmailFooter): SesTemplateData;
export function templateData(name: string, data: unknown, footer: EmailFooter = {}): SesTemplateData {
  const contract = getContract(name);
  const parsed = z.safeParse(contract.schema, data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const names = fields.map((f) => f.path || "(root)").join(", ");
    throw validationFailed(`invalid data for email template ${contract.name}: ${names}`, fields);
  }
  const value = parsed.data as Record<string, unknown>;
  assertSubjectSafe(contract, value);
  const withFooter = footer.yourDataUrl ? { ...value, yourDataUrl: footerUrl(footer.yourDataUrl) } : value;
  return { text: withFooter, html: escapeDeep(withFooter) as Record<string, unknown> };
}

/** What the shared layout's footer shows besides the template's own data (client emails only). */
export interface EmailFooter {
  /** The signed "your data" link (decision 0026). */
  yourDataUrl?: string;
}

function footerUrl(url: string): string {
  if (!z.safeParse(z.url({ protocol: /^https?$/ }), url).success) {
    throw validationFailed("invalid email footer", [
      { path: "yourDataUrl", message: "must be an http(s) URL" },
    ]);
  }
  return url;
}

/** Defense in depth: whatever a schema allows, a subject never gets a line break or markup. */
function assertSubjectSafe(contract: TemplateContract, value: Record<string, unknown>): void {
  for (const field of contract.subjectFields) {
    const v = value[field];
    if (typeof v !== "string" || !SUBJECT_SAFE.test(v)) {
      throw validationFailed(`invalid data for email template ${contract.name}: ${field}`, [
        { path: field, message: "is not safe for a subject line" },
      ]);
    }
  }
}
