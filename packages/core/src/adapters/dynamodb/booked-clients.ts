import type { Session } from "../../sessions/model";
import type { keys as Keys } from "./keys";

/**
 * A client's first booked session moves them to the console's "booked" list (decision 0033),
 * unless an engagement already moved them further: `phaseKey` is set once and then only by
 * engagement changes, and the list entry follows it. A chunk loaded on first use: only a booking
 * that creates a session needs it. The caller passes `keys` (keys.ts), as for profile-items.ts.
 */
export function bookedClients(table: string, sessions: readonly Session[], k: typeof Keys, created?: string) {
  const ids = new Set(
    sessions.filter((s) => s.version === 1 && s.status === "scheduled").map((s) => s.clientId),
  );
  // A profile this booking creates is written booked already (profile-items.ts): one op an item.
  if (created) ids.delete(created);
  return [...ids].map((clientId) => ({
    Update: {
      TableName: table,
      Key: k.client(clientId),
      UpdateExpression: "SET phaseKey = if_not_exists(phaseKey, :b), gsi3pk = if_not_exists(phaseKey, :b)",
      ConditionExpression: "attribute_exists(pk)",
      ExpressionAttributeValues: { ":b": "CLIENTS#booked" },
    },
  }));
}
