export { defaultEndpoint, pathSegment } from "./endpoint";
export {
  flagRetryableErrors,
  isRetryable,
  type RetryErrorType,
  type RetryOptions,
  retryErrorType,
} from "./retry";
export { AwsServiceError, NETWORK_ERROR, TIMEOUT_ERROR } from "./service-error";
export {
  AwsCaller,
  type AwsCallerOptions,
  type AwsCredentials,
  type AwsJsonRequest,
  type AwsService,
  type CredentialsProvider,
} from "./signed-request";
