import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { SuppressionReason, Suppressions } from "../../ports";
import { keys } from "./keys";

/** One item per suppressed address; the key is the address itself, so a check is one read. */
export const suppressionKey = (email: string) => ({
  pk: `SUPPRESSED#${normalizeEmail(email)}`,
  sk: "SUPPRESSION",
});

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The addresses SES reported as permanently bounced or complaining. Written by the SES events
 * handler, read before every send. An address stays suppressed until someone deletes its item.
 */
export class DynamoSuppressions implements Suppressions {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async isSuppressed(email: string): Promise<boolean> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: suppressionKey(email), ProjectionExpression: "pk" }),
    );
    return res.Item !== undefined;
  }

  /**
   * Idempotent: a second report of the same address overwrites the first with the latest reason.
   * A new one is counted in the same transaction (decision 0035); a repeat costs one call more.
   */
  async suppress(email: string, reason: SuppressionReason): Promise<void> {
    const at = this.now().toISOString();
    const key = suppressionKey(email);
    // Loaded on first use (decision 0014): only the SES events handler suppresses.
    const { sendCounted, watched } = await import("./figures");
    await sendCounted(this.db, this.tableName, [undefined], ([was]) => ({
      items: [
        {
          Put: watched(
            {
              TableName: this.tableName,
              Item: {
                ...key,
                ...keys.suppressionListing(at, normalizeEmail(email)),
                type: "suppression",
                reason,
                suppressedAt: at,
              },
            },
            "pk",
            was,
          ),
        },
      ],
      watched: [{ at: 0, attribute: "pk" }],
      tally: was === undefined ? { suppressed: 1 } : {},
    }));
  }
}
