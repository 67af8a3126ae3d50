export { defaultEndpoint, pathSegment } from "./endpoint";
export { type RetryPolicy, STANDARD_RETRY } from "./retry";
export { AwsServiceError, TIMEOUT_ERROR } from "./service-error";
export {
  AwsCaller,
  type AwsCallerOptions,
  type AwsCredentials,
  type AwsJsonRequest,
  type AwsService,
  type CredentialsProvider,
} from "./signed-request";
