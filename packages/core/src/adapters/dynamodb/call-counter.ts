import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * Counts the DynamoDB calls a client makes, by operation, through SDK middleware: tests and the
 * benchmark use it to keep each workflow at its minimum number of calls, and `maxInFlight` says
 * how many were ever waiting at once (reads made together rather than one after another). Counting
 * again on the same client replaces the previous counter.
 */
export function countCalls(client: DynamoDBClient): {
  readonly calls: string[];
  reset(): void;
  total(): number;
  maxInFlight(): number;
} {
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  // One counter per client at a time: a new one replaces the last.
  client.middlewareStack.remove("coachflowCallCounter");
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName ?? "unknown").replace(/Command$/, ""));
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await next(args);
      } finally {
        inFlight -= 1;
      }
    },
    { step: "initialize", name: "coachflowCallCounter" },
  );
  return {
    calls,
    reset: () => {
      calls.length = 0;
      maxInFlight = inFlight;
    },
    total: () => calls.length,
    maxInFlight: () => maxInFlight,
  };
}
