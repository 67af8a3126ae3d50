import type { AwsCaller, AwsService } from "@coachflow/core/adapters/aws/index";

/** Secrets Manager: signs as `secretsmanager`, answers at `secretsmanager.{region}.amazonaws.com`. */
export const SECRETS_MANAGER: AwsService = {
  signingName: "secretsmanager",
  endpointPrefix: "secretsmanager",
};

/**
 * GetSecretValue (awsJson1_1: `POST /`, `X-Amz-Target: secretsmanager.GetSecretValue`) through a
 * caller built for `SECRETS_MANAGER`: the secret's string, or undefined for a binary secret.
 */
export async function getSecretString(secrets: AwsCaller, secretId: string): Promise<string | undefined> {
  const out = await secrets.call<{ SecretString?: unknown }>({
    method: "POST",
    path: "/",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "secretsmanager.GetSecretValue",
    },
    body: { SecretId: secretId },
  });
  return typeof out.SecretString === "string" ? out.SecretString : undefined;
}
