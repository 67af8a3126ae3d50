import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { PrivacyDeps } from "@coachflow/core/privacy/erase";

/**
 * The data-protection deps, built on first use: the privacy store's module is loaded only by an
 * export, an erasure or the retention sweep, never by an ordinary cold start.
 */
export function lazyPrivacy(
  doc: DynamoDBDocumentClient,
  tableName: string,
  parts: Omit<PrivacyDeps, "privacy">,
): () => Promise<PrivacyDeps> {
  let built: Promise<PrivacyDeps> | undefined;
  return () => {
    built ??= import("@coachflow/core/adapters/dynamodb/privacy-store").then((m) => ({
      ...parts,
      privacy: new m.DynamoPrivacyStore(doc, tableName),
    }));
    return built;
  };
}
