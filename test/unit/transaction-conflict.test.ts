import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { conflictedTransaction, failedConditions } from "../../packages/core/src/adapters/dynamodb/errors";

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe("conflictedTransaction", () => {
  it("tells a transaction that met another one on a shared item from a lost condition", () => {
    expect(conflictedTransaction(cancelled("None", "None", "TransactionConflict"))).toBe(true);
    expect(failedConditions(cancelled("None", "None", "TransactionConflict"))).toBeUndefined();

    expect(conflictedTransaction(cancelled("ConditionalCheckFailed", "None"))).toBe(false);
    expect(conflictedTransaction(new ConditionalCheckFailedException({ message: "x", $metadata: {} }))).toBe(
      false,
    );
    expect(conflictedTransaction(new Error("TransactionConflict"))).toBe(false);
  });
});
