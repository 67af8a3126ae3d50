import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { AwsCaller } from "@coachflow/core/adapters/aws/index";
import * as z from "@coachflow/core/shared/zod";
import { getSecretString, SECRETS_MANAGER } from "./secrets-manager";

/**
 * The settings that live in the stage's Secrets Manager secret (one JSON object), never in the
 * environment or the CloudFormation template. Only these keys, and each one's `<KEY>_PREVIOUS`
 * (the value it replaces, set only during a rotation: docs/deploy.md), are taken from the secret,
 * so a stray key there cannot override a deployment setting such as TABLE_NAME.
 */
export const SECRET_KEYS = [
  "CALENDLY_SIGNING_KEY",
  "CALCOM_WEBHOOK_SECRET",
  "LINK_SIGNING_SECRET",
  "ADMIN_TOKEN",
  /** Signs and verifies coach and admin JWTs (HS256). */
  "JWT_SECRET",
] as const;

export type SecretKey = (typeof SECRET_KEYS)[number];
type EnvLike = Record<string, string | undefined>;
export type FetchSecret = (arn: string, region: string | undefined) => Promise<string | undefined>;

const secretSchema = z.record(z.string(), z.unknown());

/**
 * GetSecretValue through a caller made for this one call: it runs at a cold start and then once
 * per SECRETS_MAX_AGE_SECONDS (secrets-refresh.ts). Without a region, the ARN's is used.
 */
const fetchFromSecretsManager: FetchSecret = async (arn, region) => {
  const secrets = new AwsCaller({
    service: SECRETS_MANAGER,
    region: region ?? arn.split(":")[3] ?? "",
    credentials: defaultProvider(),
  });
  try {
    return await getSecretString(secrets, arn);
  } finally {
    secrets.destroy();
  }
};

/**
 * `env` with the secret's values merged over it when `SECRETS_ARN` is set; `env` unchanged
 * otherwise (locally, and in tests). An empty value counts as unset, so a key nobody has filled in
 * yet fails `loadConfig` by name instead of passing as an empty string. Errors never carry values.
 */
export async function withSecrets(
  env: EnvLike,
  fetch: FetchSecret = fetchFromSecretsManager,
): Promise<EnvLike> {
  const arn = env.SECRETS_ARN;
  if (!arn) return env;
  const text = await fetch(arn, env.AWS_REGION);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const values = z.safeParse(secretSchema, parsed);
  if (!values.success) throw new Error("the secret at SECRETS_ARN is not a JSON object");
  const merged: EnvLike = { ...env };
  for (const key of SECRET_KEYS.flatMap((k) => [k, `${k}_PREVIOUS`])) {
    const value = values.data[key];
    if (typeof value === "string" && value.length > 0) merged[key] = value;
  }
  return merged;
}
