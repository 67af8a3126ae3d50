import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "./config";

export interface DataClients {
  dynamodb: DynamoDBClient;
  /** The document client every DynamoDB store is given. */
  doc: DynamoDBDocumentClient;
  ses: SESv2Client;
}

/**
 * The DynamoDB and SES clients. Locally the endpoints point at the emulators; on AWS they are
 * absent and the SDK finds the services itself.
 */
export function dataClients(config: Config): DataClients {
  const dynamodb = new DynamoDBClient({ region: config.region, endpoint: config.endpoints.dynamodb });
  const ses = new SESv2Client({ region: config.region, endpoint: config.endpoints.ses });
  const doc = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  return { dynamodb, doc, ses };
}
