import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { AwsCaller } from "@coachflow/core/adapters/aws/index";
import * as z from "@coachflow/core/shared/zod";
import { getSecretString, SECRETS_MANAGER } from "./secrets-manager";

/**
 * The settings that live in the stage's Secrets Manager secrets (JSON objects), never in the
 * environment or the CloudFormation template. Only these keys, and each one's `<KEY>_PREVIOUS`
 * (the value it replaces, set only during a rotation: docs/deploy.md), are taken from a secret,
 * so a stray key there cannot override a deployment setting such as TABLE_NAME. Each function
 * reads only its own (decision 0031): the dispatcher the job keys, from the stage's shared secret;
 * the API those and its own, from its own secret too.
 */
export const JOB_SECRET_KEYS = [
  /** Signs client links and booking-link correlation tokens; the jobs' emails carry them. */
  "LINK_SIGNING_SECRET",
] as const;

/** The API's alone, in the secret only its role may read. */
export const API_SECRET_KEYS = [
  "CALENDLY_SIGNING_KEY",
  "CALCOM_WEBHOOK_SECRET",
  "ADMIN_TOKEN",
  /** Signs and verifies coach and admin JWTs (HS256). */
  "JWT_SECRET",
] as const;

export const SECRET_KEYS = [...JOB_SECRET_KEYS, ...API_SECRET_KEYS] as const;

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
 * `env` with the secrets' values merged over it when `SECRETS_ARN` is set (one ARN, or several
 * separated by commas, read at once and merged in that order); `env` unchanged otherwise (locally,
 * and in tests). Only `keys` and their `_PREVIOUS` are taken. An empty value counts as unset, so a
 * key nobody has filled in yet fails `loadConfig` by name instead of passing as an empty string,
 * and a later secret's empty key leaves an earlier one's value. Errors never carry values.
 */
export async function withSecrets(
  env: EnvLike,
  fetch: FetchSecret = fetchFromSecretsManager,
  keys: readonly SecretKey[] = SECRET_KEYS,
): Promise<EnvLike> {
  const arns = (env.SECRETS_ARN ?? "").split(",").filter((arn) => arn.trim());
  if (arns.length === 0) return env;
  const texts = await Promise.all(arns.map((arn) => fetch(arn.trim(), env.AWS_REGION)));
  const merged: EnvLike = { ...env };
  for (const text of texts) {
    let parsed: unknown;
    try {
      parsed = text === undefined ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const values = z.safeParse(secretSchema, parsed);
    if (!values.success) throw new Error("a secret at SECRETS_ARN is not a JSON object");
    for (const key of keys.flatMap((k) => [k, `${k}_PREVIOUS`])) {
      const value = values.data[key];
      if (typeof value === "string" && value.length > 0) merged[key] = value;
    }
  }
  return merged;
}
