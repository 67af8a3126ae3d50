import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { onceUnlessFailed } from "@coachflow/core/shared/once";
import type { WebAuthStore } from "@coachflow/core/web-auth/ports";
import type { WorkspaceStore } from "@coachflow/core/workspace/ports";

/** The coach workspace's stores: sign-in links, web sessions, talking points, page reads. */
export interface WebStores {
  auth: WebAuthStore;
  workspace: WorkspaceStore;
}

/**
 * The workspace's stores, loaded on first use (a dynamic import, so a chunk of its own): the
 * API's init code does not grow with the workspace, and only the workspace's pages and a coach's
 * deactivation (which ends their web sessions) ever load them.
 */
export function lazyWebStores(doc: DynamoDBDocumentClient, table: string): () => Promise<WebStores> {
  return onceUnlessFailed(async () => {
    const [{ DynamoWebAuthStore }, { DynamoWorkspaceStore }] = await Promise.all([
      import("@coachflow/core/adapters/dynamodb/web-auth-store"),
      import("@coachflow/core/adapters/dynamodb/workspace-store"),
    ]);
    const auth = new DynamoWebAuthStore(doc, table);
    return { auth, workspace: new DynamoWorkspaceStore(doc, table) };
  });
}
