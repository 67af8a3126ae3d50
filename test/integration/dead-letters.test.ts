import { afterEach, describe, expect, it } from "vitest";
import { programAtAGlance } from "../../packages/core/src/admin/dashboard";
import { buildDeps } from "../../packages/functions/src/composition";
import { loadConfig } from "../../packages/functions/src/config";
import { JsonLogger } from "../../packages/functions/src/logger";
import { type Answer, type AwsAnswers, startAwsAnswers } from "../support/aws-answers";

/*
 * The dashboard's "dead-lettered schedules" on AWS (decision 0036): the composition, given the
 * queue's URL (SCHEDULER_DLQ_URL), counts its messages with SQS GetQueueAttributes. There is no
 * SQS emulator: the queue here is a real HTTP server on loopback that answers in SQS's JSON
 * protocol (awsJson1_0), and aws-wire-compat.test.ts checks the request against the SDK client's.
 */

const env = {
  LINK_SIGNING_SECRET: "link-secret-0123456789",
  CALENDLY_SIGNING_KEY: "calendly-key-0123456789",
  CALCOM_WEBHOOK_SECRET: "calcom-secret-0123456789",
  DISPATCHER_ARN: "arn:aws:lambda:eu-west-1:123456789012:function:coachflow-dev-dispatcher",
  SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/coachflow-dev-scheduler",
  AWS_REGION: "eu-west-1",
  // Never reached: the queue's count does not touch DynamoDB.
  DYNAMODB_ENDPOINT: "http://127.0.0.1:9",
  LOG_LEVEL: "debug",
};
const servers: AwsAnswers[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function queue(...answers: Answer[]) {
  const s = await startAwsAnswers(answers);
  servers.push(s);
  return { server: s, url: `${s.endpoint}/123456789012/coachflow-dev-dead-letters` };
}

function depsFor(url: string | undefined) {
  const logs: string[] = [];
  const config = loadConfig({ ...env, ...(url ? { SCHEDULER_DLQ_URL: url } : {}) });
  const logger = new JsonLogger("debug", {}, (line) => logs.push(line));
  return { deps: buildDeps(config, { logger }), logs };
}

describe("dead-lettered schedules on AWS", () => {
  it("counts the dead-letter queue's messages with GetQueueAttributes, signed for SQS in the stage's region", async () => {
    const { server, url } = await queue({
      status: 200,
      body: { Attributes: { ApproximateNumberOfMessages: "4" } },
    });
    const { deps } = depsFor(url);

    expect(await deps.admin.deadLetters?.()).toBe(4);
    const [request] = server.received;
    expect(request).toMatchObject({ method: "POST", path: "/" });
    expect(request!.headers["x-amz-target"]).toBe("AmazonSQS.GetQueueAttributes");
    expect(JSON.parse(request!.body)).toEqual({
      QueueUrl: url,
      AttributeNames: ["ApproximateNumberOfMessages"],
    });
    expect(String(request!.headers.authorization)).toMatch(/\/eu-west-1\/sqs\/aws4_request/);
  });

  it("shows no figure, not an error page, when the queue cannot be read; the log says so", async () => {
    const { url } = await queue({
      status: 400,
      headers: { "x-amzn-query-error": "AccessDenied;Sender" },
      body: { __type: "com.amazonaws.sqs#AccessDenied", message: "not authorized" },
    });
    const { deps, logs } = depsFor(url);

    expect(await deps.admin.deadLetters?.()).toBeUndefined();
    const line = logs.map((l) => JSON.parse(l)).find((l) => l.msg === "dead letters not counted");
    expect(line).toMatchObject({ level: "warn", errorName: "AccessDenied" });
    expect(JSON.stringify(line)).not.toContain("123456789012");
  });

  it("feeds the dashboard's figure; without the queue's URL there is none to show", async () => {
    const { url } = await queue({ status: 200, body: { Attributes: { ApproximateNumberOfMessages: "2" } } });
    const { deps } = depsFor(url);
    const zero = async () => 0;
    const reads = new Proxy({}, { get: () => zero }) as never;
    const withQueue = await programAtAGlance({
      reads,
      clock: deps.clock,
      deadLetters: deps.admin.deadLetters!,
    });
    expect(withQueue.deadLetters).toBe(2);
    expect(depsFor(undefined).deps.admin.deadLetters).toBeUndefined();
  });
});
