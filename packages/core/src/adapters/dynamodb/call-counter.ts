import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * Counts the DynamoDB calls a client makes, by operation, through SDK middleware: tests and the
 * benchmark use it to keep each workflow at its minimum number of calls. Counting again on the same
 * client replaces the previous counter.
 */
export function countCalls(client: DynamoDBClient): {
  readonly calls: string[];
  reset(): void;
  total(): number;
} {
  const calls: string[] = [];
  // One counter per client at a time: a new one replaces the last.
  client.middlewareStack.remove("coachflowCallCounter");
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName ?? "unknown").replace(/Command$/, ""));
      return next(args);
    },
    { step: "initialize", name: "coachflowCallCounter" },
  );
  return {
    calls,
    reset: () => {
      calls.length = 0;
    },
    total: () => calls.length,
  };
}
