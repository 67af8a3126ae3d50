import {
  CreateEmailTemplateCommand,
  type SESv2Client,
  UpdateEmailTemplateCommand,
} from "@aws-sdk/client-sesv2";
import { type TemplateDefinition, toSesTemplate } from "../../email/define";
import { isAlreadyExists, isNotFound, TemplateUpsertError } from "./errors";

export interface UpsertResult {
  created: string[];
  updated: string[];
}

/**
 * Makes SES hold exactly these template sources: CreateEmailTemplate, and UpdateEmailTemplate when
 * the name already exists. One at a time, because SES allows about one template call per second
 * (the SDK retries its throttling errors). Safe to run again and again.
 */
export async function upsertTemplates(
  client: SESv2Client,
  templates: readonly TemplateDefinition[],
): Promise<UpsertResult> {
  const result: UpsertResult = { created: [], updated: [] };
  for (const def of templates) {
    const input = toSesTemplate(def);
    try {
      await client.send(new CreateEmailTemplateCommand(input));
      result.created.push(def.name);
      continue;
    } catch (error) {
      if (!isAlreadyExists(error)) throw TemplateUpsertError.from(error, "CreateEmailTemplate", def.name);
    }
    try {
      await client.send(new UpdateEmailTemplateCommand(input));
      result.updated.push(def.name);
    } catch (error) {
      // Deleted between our two calls: a rare race; the next run creates it.
      const reason = isNotFound(error) ? "UpdateEmailTemplate (template vanished)" : "UpdateEmailTemplate";
      throw TemplateUpsertError.from(error, reason, def.name);
    }
  }
  return result;
}
