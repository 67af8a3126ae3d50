import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { PrivacyStore } from "@coachflow/core/ports";
import { onceUnlessFailed } from "@coachflow/core/shared/once";

/**
 * A `PrivacyStore` that loads the DynamoDB privacy store on its first call (as `lazyScheduler`
 * does the Scheduler adapter): the dispatcher needs it only for the daily retention sweep, so no
 * other firing's cold start loads it.
 */
export function lazyPrivacyStore(doc: DynamoDBDocumentClient, tableName: string): PrivacyStore {
  const real = onceUnlessFailed(async () => {
    const { DynamoPrivacyStore } = await import("@coachflow/core/adapters/dynamodb/privacy-store");
    return new DynamoPrivacyStore(doc, tableName);
  });
  return {
    footprint: async (id) => (await real()).footprint(id),
    erase: async (fp, tombstone) => (await real()).erase(fp, tombstone),
    allClients: async () => (await real()).allClients(),
  };
}
