import { AppError } from "../errors";
import type { Mailer } from "../notifications/mailer";
import { eraseClient, exportClient, type PrivacyDeps } from "./erase";
import type { ExportDocument } from "./export";

/** What the client's "your data" page can ask: their export, erasure, and its confirmation. */
export const YOUR_DATA_STEPS = ["download", "erase", "confirm-erase"] as const;
export type YourDataStep = (typeof YOUR_DATA_STEPS)[number];

export type YourDataOutcome =
  | { kind: "export"; document: ExportDocument }
  | { kind: "confirm" }
  | { kind: "erased"; erasedAt: string }
  | { kind: "gone" };

export interface YourDataDeps extends PrivacyDeps {
  mailer: Mailer;
  adminEmail: string;
}

/**
 * The client's own requests, from the signed link in their emails (decision 0026): the export
 * (private notes counted, never shown), and erasure, which takes a second, confirming press and
 * tells the admin. A client already erased (or never known) gets "gone", whatever the step.
 */
export async function yourData(
  deps: YourDataDeps,
  clientId: string,
  step: YourDataStep,
): Promise<YourDataOutcome> {
  try {
    switch (step) {
      case "download":
        return { kind: "export", document: await exportClient(deps, clientId) };
      case "erase":
        return (await deps.privacy.footprint(clientId)) ? { kind: "confirm" } : { kind: "gone" };
      case "confirm-erase": {
        const { erasedAt } = await eraseClient(deps, clientId);
        // The erasure is done whatever happens to the notice: a failed email is logged, not shown.
        await deps.mailer
          .send(deps.adminEmail, "admin-client-erased", {
            programName: deps.mailer.programName,
            clientId,
            erasedAt,
          })
          .catch((error: unknown) =>
            deps.logger.error("admin erasure notice failed", {
              clientId,
              errorName: error instanceof Error ? error.name : "unknown",
            }),
          );
        return { kind: "erased", erasedAt };
      }
    }
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { kind: "gone" };
    throw error;
  }
}
