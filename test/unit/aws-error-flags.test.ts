import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it } from "vitest";
import { flagRetryableErrors } from "../../packages/core/src/adapters/aws";
import { describeError, isTransient } from "../../packages/core/src/shared/describe-error";
import { type Answer, type AwsAnswers, startAwsAnswers } from "../support/aws-answers";

/**
 * Domain code reads whether an error is transient from flags only (`shared/describe-error.ts`):
 * the DynamoDB client's errors get theirs from the SDK's own classification, through
 * `flagRetryableErrors`, here on the real client and document client against answers shaped as
 * DynamoDB sends them (awsJson1_0, `__type` with its namespace).
 */

const servers: AwsAnswers[] = [];
const clients: DynamoDBClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

async function dynamoAnswering(answer: Answer, flagged = true) {
  const server = await startAwsAnswers([answer]);
  servers.push(server);
  const client = new DynamoDBClient({
    region: "us-east-1",
    endpoint: server.endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  clients.push(client);
  if (flagged) flagRetryableErrors(client);
  const doc = DynamoDBDocumentClient.from(client);
  return doc.send(new GetCommand({ TableName: "t", Key: { pk: "a", sk: "b" } })).then(
    () => {
      throw new Error("expected the read to fail");
    },
    (e: unknown) => e,
  );
}

const dynamoError = (type: string, status: number): Answer => ({
  status,
  headers: { "content-type": "application/x-amz-json-1.0" },
  body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: "no" },
});

describe("the DynamoDB client's errors, as domain code sees them", () => {
  it.each([
    ["throttling", dynamoError("ThrottlingException", 400), true],
    ["exceeded throughput", dynamoError("ProvisionedThroughputExceededException", 400), true],
    ["an internal server error", dynamoError("InternalServerError", 500), true],
    ["a validation error", dynamoError("ValidationException", 400), false],
    ["a missing table", dynamoError("ResourceNotFoundException", 400), false],
  ])("calls %s transient: %s", async (_what, answer, transient) => {
    const error = await dynamoAnswering(answer);

    expect(describeError(error)).toMatchObject({ transient });
  });

  it("leaves an error unflagged without the middleware: domain code keeps no list of codes", async () => {
    const error = await dynamoAnswering(dynamoError("ThrottlingException", 400), false);

    expect(describeError(error)).toMatchObject({ errorName: "ThrottlingException", transient: false });
  });

  it("keeps a flag an error already has", () => {
    const error = Object.assign(new Error("x"), { name: "ThrottlingException", transient: false });

    expect(describeError(error).transient).toBe(false);
  });
});

describe("which failures are worth another try", () => {
  const flagged = (name: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error("x"), { name, ...extra });

  it.each([
    ["an adapter's transient verdict", flagged("EmailSendError", { transient: true }), true],
    [
      "an adapter's permanent verdict, over a retryable cause",
      flagged("EmailSendError", { transient: false, retryable: true }),
      false,
    ],
    ["a retryable AWS error", flagged("ThrottlingException", { retryable: true }), true],
    ["an AWS error that is not retryable", flagged("ValidationException", { retryable: false }), false],
    ["a programming error", new TypeError("undefined is not a function"), false],
    ["not an error at all", "boom", false],
  ])("%s: %s", (_what, error, transient) => {
    expect(isTransient(error)).toBe(transient);
    expect(describeError(error).transient).toBe(transient);
  });

  it("never puts the message in what it describes (it may quote personal data)", () => {
    expect(JSON.stringify(describeError(new Error("no such address: eve@example.com")))).not.toContain(
      "eve@",
    );
  });
});
