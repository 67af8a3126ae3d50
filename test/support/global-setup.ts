import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../../packages/local/src/emulators/dynamodb-local";
import { freePorts } from "../../packages/local/src/emulators/ports";
import { startSesLocal } from "../../packages/local/src/emulators/ses-local";

/** Starts DynamoDB Local (in memory) and the SES emulator once for the whole test run. */
export default async function setup(project: TestProject) {
  const [dynamoPort, sesPort] = await freePorts(2);
  const [dynamo, ses] = await Promise.all([
    startDynamoDbLocal({ port: dynamoPort! }),
    startSesLocal({ port: sesPort! }),
  ]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("sesEndpoint", ses.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop()]);
  };
}
