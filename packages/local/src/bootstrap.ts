import { ensureTable } from "@coachflow/core/adapters/dynamodb/ensure-table";
import { upsertTemplates } from "@coachflow/core/adapters/ses/index";
import { TEMPLATES } from "@coachflow/core/email/index";
import type { AppDeps } from "@coachflow/functions";

/**
 * What the local stack (and the tests) do once the emulators run: create the table and its
 * indexes, and put every email template from the repo into SES. On AWS, the CDK stack does both.
 */
export async function bootstrapResources(
  deps: AppDeps,
): Promise<{ table: "created" | "exists"; templates: number }> {
  const table = await ensureTable(deps.aws.dynamodb, deps.config.tableName);
  await upsertTemplates(deps.aws.ses, TEMPLATES);
  return { table, templates: TEMPLATES.length };
}
