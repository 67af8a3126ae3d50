import { type DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Coach } from "../../coaches/schema";
import type { CoachWebhookKey, CoachWebhookStore } from "../../coaches/webhook";
import { ConditionFailedError } from "../../errors";
import { failedConditions } from "./errors";
import { keys, stripKeys } from "./keys";
import { batchGetAll } from "./reads";

/** Coaches' webhook keys: one item beside each coach's profile, in the coach's partition. */
export class DynamoCoachWebhookStore implements CoachWebhookStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(coachId: string): Promise<{ coach?: Coach; key?: CoachWebhookKey }> {
    const items = await batchGetAll(this.db, this.tableName, [
      keys.coach(coachId),
      keys.coachWebhook(coachId),
    ]);
    const out: { coach?: Coach; key?: CoachWebhookKey } = {};
    for (const item of items) {
      if (item.sk === "PROFILE") out.coach = stripKeys<Coach>(item);
      else out.key = stripKeys<CoachWebhookKey>(item);
    }
    return out;
  }

  async create(key: CoachWebhookKey): Promise<void> {
    await this.put(key, "attribute_not_exists(pk)");
  }

  async replace(next: CoachWebhookKey, previous: CoachWebhookKey): Promise<void> {
    await this.put(next, "version = :v", { ":v": previous.version });
  }

  private async put(key: CoachWebhookKey, condition: string, values?: Record<string, unknown>) {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.coachWebhook(key.coachId), type: "coach-webhook", ...key },
          ConditionExpression: condition,
          ...(values ? { ExpressionAttributeValues: values } : {}),
        }),
      );
    } catch (error) {
      if (failedConditions(error))
        throw new ConditionFailedError("webhook key changed", undefined, { cause: error });
      throw error;
    }
  }
}
