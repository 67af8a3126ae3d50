import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";

/**
 * For a failed conditional write or transaction: the indexes (in the transaction's item order) of
 * the items whose condition failed, or `undefined` when the error is something else.
 */
export function failedConditions(error: unknown): number[] | undefined {
  if (error instanceof ConditionalCheckFailedException) return [0];
  if (error instanceof TransactionCanceledException) {
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.flatMap((r, i) => (r.Code === "ConditionalCheckFailed" ? [i] : []));
    return failed.length > 0 ? failed : undefined;
  }
  return undefined;
}

/**
 * True when a transaction was cancelled because another one was writing one of its items at that
 * moment (a shared counter, decision 0024): trying again is the answer, as for a lost condition.
 */
export function conflictedTransaction(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((r) => r.Code === "TransactionConflict")
  );
}

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString("base64url") : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
