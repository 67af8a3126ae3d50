import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { AwsCaller, type AwsService, flagRetryableErrors } from "@coachflow/core/adapters/aws/index";
import { SES_V2 } from "@coachflow/core/adapters/ses/service";
import type { JobConfig } from "./config";

export interface DataClients {
  dynamodb: DynamoDBClient;
  /** The document client every DynamoDB store is given. */
  doc: DynamoDBDocumentClient;
  /** SES v2, through the signed JSON caller (no SDK client: docs/decisions/0012). */
  ses: AwsCaller;
}

/**
 * A signed JSON caller for `service` in the configured region, at `endpoint` when one is set (the
 * local emulators), else at the service's regional endpoint. Credentials come from the SDK's
 * default chain; Lambda bundles replace it with the environment's (infra/bundling.ts).
 */
export function awsCaller(config: JobConfig, service: AwsService, endpoint: string | undefined): AwsCaller {
  return new AwsCaller({
    service,
    region: config.region,
    credentials: defaultProvider(),
    ...(endpoint ? { endpoint } : {}),
  });
}

/**
 * The DynamoDB client and the SES caller. Locally the endpoints point at the emulators; on AWS they
 * are absent and the regional endpoints are used. The DynamoDB client's errors carry `retryable`,
 * the SDK's classification, which the jobs read to tell a failure to retry from a permanent one.
 */
export function dataClients(config: JobConfig): DataClients {
  const dynamodb = new DynamoDBClient({ region: config.region, endpoint: config.endpoints.dynamodb });
  flagRetryableErrors(dynamodb);
  const ses = awsCaller(config, SES_V2, config.endpoints.ses);
  const doc = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  return { dynamodb, doc, ses };
}
