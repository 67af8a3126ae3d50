import { keys } from "./keys";

/**
 * How any item other than the session itself is written into a session's partition (notes,
 * talking points, …): in one transaction with this bump of the session's `version`, on a session
 * that still exists. A merge deletes the session it merges away under the version it read, so a
 * write that lands between the merge's read and its commit makes the merge read again and carry
 * that write over too, and a write after the merge fails instead of landing in an empty partition.
 * The item itself carries a `version` of its own, which every save and every merge moves: a writer
 * that read it before a merge joined another session's work into it fails instead of writing over
 * that work (decision 0009).
 */
export function sessionBump(table: string, sessionId: string) {
  return {
    Update: {
      TableName: table,
      Key: keys.session(sessionId),
      UpdateExpression: "SET version = version + :one",
      ConditionExpression: "attribute_exists(pk)",
      ExpressionAttributeValues: { ":one": 1 },
    },
  };
}

/** A condition that the item is at `version` (0: not saved yet, or saved before items had one). */
export function itemVersionCondition(version: number) {
  return version === 0
    ? { ConditionExpression: "attribute_not_exists(pk) OR attribute_not_exists(version)" }
    : { ConditionExpression: "version = :v", values: { ":v": version } };
}
