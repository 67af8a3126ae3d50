import { describe, expect, it } from "vitest";
import { withSecrets } from "../../packages/functions/src/secrets";
import { getSecretString, SECRETS_MANAGER } from "../../packages/functions/src/secrets-manager";
import { type Answer, scriptedCallers } from "../support/aws-answers";

const ARN = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:coachflow/prod-AbCdEf";
const callerAgainst = scriptedCallers();

const secretsAnswering = (answers: Answer[]) => callerAgainst(answers, { service: SECRETS_MANAGER });

describe("GetSecretValue", () => {
  it("answers the secret's string", async () => {
    const { caller } = await secretsAnswering([{ status: 200, body: { ARN, SecretString: "{}" } }]);

    await expect(getSecretString(caller, ARN)).resolves.toBe("{}");
  });

  it("answers undefined for a binary secret", async () => {
    const { caller } = await secretsAnswering([{ status: 200, body: { ARN, SecretBinary: "AAEC" } }]);

    await expect(getSecretString(caller, ARN)).resolves.toBeUndefined();
  });

  it("names a missing secret from the awsJson1_1 __type, without retrying", async () => {
    const { caller, server } = await secretsAnswering([
      {
        status: 400,
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: {
          __type: "ResourceNotFoundException",
          Message: "Secrets Manager can't find the specified secret.",
        },
      },
    ]);

    await expect(getSecretString(caller, ARN)).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      status: 400,
      retryable: false,
    });
    expect(server.received).toHaveLength(1);
  });

  it("retries an internal error", async () => {
    const { caller, server } = await secretsAnswering([
      { status: 500, body: { __type: "InternalServiceError", Message: "x" } },
      { status: 200, body: { SecretString: "{}" } },
    ]);

    await expect(getSecretString(caller, ARN)).resolves.toBe("{}");
    expect(server.received).toHaveLength(2);
  });

  it("refuses to guess an endpoint when neither AWS_REGION nor the ARN names a region", async () => {
    await expect(withSecrets({ SECRETS_ARN: "coachflow/prod" })).rejects.toThrow(/not an AWS region/);
  });
});
