import { type TemplateDefinition, toSesTemplate } from "../../email/define";
import { type AwsCaller, pathSegment } from "../aws/index";
import { isAlreadyExists, isNotFound, TemplateUpsertError } from "./errors";

export interface UpsertResult {
  created: string[];
  updated: string[];
}

/**
 * Makes SES hold exactly these template sources: CreateEmailTemplate (`POST /v2/email/templates`),
 * and UpdateEmailTemplate (`PUT /v2/email/templates/{name}`) when the name already exists. One at a
 * time, because SES allows about one template call per second (the caller retries its throttling
 * errors). Safe to run again and again. `ses` is a caller built for `SES_V2`.
 */
export async function upsertTemplates(
  ses: AwsCaller,
  templates: readonly TemplateDefinition[],
): Promise<UpsertResult> {
  const result: UpsertResult = { created: [], updated: [] };
  for (const def of templates) {
    const { TemplateName, TemplateContent } = toSesTemplate(def);
    try {
      await ses.call({
        method: "POST",
        path: "/v2/email/templates",
        body: { TemplateName, TemplateContent },
      });
      result.created.push(def.name);
      continue;
    } catch (error) {
      if (!isAlreadyExists(error)) throw TemplateUpsertError.from(error, "CreateEmailTemplate", def.name);
    }
    try {
      await ses.call({
        method: "PUT",
        path: `/v2/email/templates/${pathSegment(TemplateName)}`,
        body: { TemplateContent },
      });
      result.updated.push(def.name);
    } catch (error) {
      // Deleted between our two calls: a rare race; the next run creates it.
      const reason = isNotFound(error) ? "UpdateEmailTemplate (template vanished)" : "UpdateEmailTemplate";
      throw TemplateUpsertError.from(error, reason, def.name);
    }
  }
  return result;
}
