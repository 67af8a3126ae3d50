import type { AwsCaller, AwsService } from "../aws/index";

/** SQS: signs as `sqs`, answers at `sqs.{region}.amazonaws.com` (the origin of its queue URLs). */
export const SQS: AwsService = { signingName: "sqs", endpointPrefix: "sqs" };

/**
 * How many messages a queue holds, as SQS estimates it (`ApproximateNumberOfMessages`: visible
 * ones, not those in flight or delayed): GetQueueAttributes in SQS's JSON protocol (awsJson1_0:
 * `POST /`, `X-Amz-Target: AmazonSQS.GetQueueAttributes`) through a caller built for `SQS`
 * (decision 0012: no SDK client). Reads no message. An answer without the count is an error.
 */
export async function queueDepth(sqs: AwsCaller, queueUrl: string): Promise<number> {
  const out = await sqs.call<{ Attributes?: Record<string, unknown> }>({
    method: "POST",
    path: "/",
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": "AmazonSQS.GetQueueAttributes",
    },
    body: { QueueUrl: queueUrl, AttributeNames: ["ApproximateNumberOfMessages"] },
  });
  const raw = out.Attributes?.ApproximateNumberOfMessages;
  const n = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new Error("GetQueueAttributes answered no ApproximateNumberOfMessages");
  return n;
}
