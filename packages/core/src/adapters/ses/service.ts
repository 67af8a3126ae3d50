import type { AwsService } from "../aws/index";

/** SES v2: signs as `ses`, answers at `email.{region}.amazonaws.com`. */
export const SES_V2: AwsService = { signingName: "ses", endpointPrefix: "email" };
