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
export function templateData<N extends TemplateName>(name: N, data: TemplateInput<N>): SesTemplateData;
export function templateData(name: string, data: unknown): SesTemplateData;
export function templateData(name: string, data: unknown): SesTemplateData {
  const contract = getContract(name);
  const parsed = z.safeParse(contract.schema, data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const names = fields.map((f) => f.path || "(root)").join(", ");
    throw validationFailed(`invalid data for email template ${contract.name}: ${names}`, fields);
  }
  const value = parsed.data as Record<string, unknown>;
  assertSubjectSafe(contract, value);
  return { text: value, html: escapeDeep(value) as Record<string, unknown> };
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
