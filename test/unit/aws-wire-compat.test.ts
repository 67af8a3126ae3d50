import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  SchedulerClient,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import {
  CreateEmailTemplateCommand,
  SESv2Client,
  SendEmailCommand,
  UpdateEmailTemplateCommand,
} from "@aws-sdk/client-sesv2";
import { GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { afterEach, describe, expect, it } from "vitest";
import { AwsCaller, type AwsService } from "../../packages/core/src/adapters/aws";
import { buildDefinition } from "../../packages/core/src/adapters/scheduler/definition";
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  listScheduleNames,
  updateSchedule,
} from "../../packages/core/src/adapters/scheduler/schedules-api";
import { SCHEDULER } from "../../packages/core/src/adapters/scheduler/service";
import { SES_V2, SesEmailSender, upsertTemplates } from "../../packages/core/src/adapters/ses";
import { queueDepth, SQS } from "../../packages/core/src/adapters/sqs/queue-depth";
import { getTemplate, toSesTemplate } from "../../packages/core/src/email";
import { getSecretString, SECRETS_MANAGER } from "../../packages/functions/src/secrets-manager";
import { type Answer, type AwsAnswers, type ReceivedRequest, startAwsAnswers } from "../support/aws-answers";

/**
 * Each request the adapters send, next to the one the SDK client sent for the same operation and
 * input (the SDK is a dev dependency, kept for this and as an independent reader in integration
 * tests): same method, path, query, content type, target and JSON body. Idempotency tokens are
 * random on both sides, so they are checked for presence and shape, then left out.
 */

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const servers: AwsAnswers[] = [];
const destroy: (() => void)[] = [];

afterEach(async () => {
  for (const d of destroy.splice(0)) d();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** What must be the same between the SDK's request and ours. */
function wire(req: ReceivedRequest) {
  const query = Object.fromEntries(new URLSearchParams(req.query));
  if ("clientToken" in query) {
    expect(query.clientToken).toMatch(UUID);
    delete query.clientToken;
  }
  const body = req.body === "" ? undefined : (JSON.parse(req.body) as Record<string, unknown>);
  if (body && "ClientToken" in body) {
    expect(body.ClientToken).toMatch(UUID);
    delete body.ClientToken;
  }
  // The signature itself differs (time, headers the SDK adds), but not what it is for: the
  // credential scope names the region and the signing name, which no local server checks.
  const authorization = String(req.headers.authorization ?? "");
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization);
  const signedHeaders = /SignedHeaders=([^,\s]+)/.exec(authorization)?.[1]?.split(";") ?? [];
  return {
    method: req.method,
    path: req.path,
    query,
    contentType: req.headers["content-type"],
    target: req.headers["x-amz-target"],
    body,
    algorithm: authorization.split(" ")[0],
    scope: scope ? { region: scope[1], service: scope[2] } : undefined,
    // Both sign what defines the request; the SDK signs a few headers of its own besides.
    signs: ["host", "x-amz-date", "content-type"].filter(
      (h) => signedHeaders.includes(h) && (h !== "content-type" || req.headers[h] !== undefined),
    ),
  };
}

async function server(answer: Answer) {
  const s = await startAwsAnswers([answer, answer]);
  servers.push(s);
  return s;
}

/** The request `run` sends with the SDK client made by `make` at a local server answering `answer`. */
async function sdkRequest<C extends { destroy(): void }>(
  make: (config: object) => C,
  run: (client: C) => Promise<unknown>,
  answer: Answer = { status: 200, body: {} },
) {
  const s = await server(answer);
  const client = make({ endpoint: s.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
  destroy.push(() => client.destroy());
  await run(client);
  return wire(s.received[0]!);
}

/** The request `run` sends through our caller for `service` at a local server answering `answer`. */
async function ourRequest(
  service: AwsService,
  run: (caller: AwsCaller) => Promise<unknown>,
  answer: Answer = { status: 200, body: {} },
) {
  const s = await server(answer);
  const caller = new AwsCaller({ service, endpoint: s.endpoint, region: "us-east-1", credentials });
  destroy.push(() => caller.destroy());
  await run(caller);
  return wire(s.received[0]!);
}

const scheduler = (config: object) => new SchedulerClient(config);
const definition = buildDefinition(
  "ses_1-prework-reminder",
  "at(2030-01-01T09:00:00)",
  '{"sessionId":"ses_1"}',
  {
    groupName: "coachflow-test",
    targetArn: "arn:aws:lambda:us-east-1:000000000000:function:dispatcher",
    roleArn: "arn:aws:iam::000000000000:role/scheduler-invoke",
    deadLetterArn: "arn:aws:sqs:us-east-1:000000000000:dlq",
    maximumRetryAttempts: 10,
    maximumEventAgeInSeconds: 3600,
  },
);

describe("EventBridge Scheduler requests, ours and the SDK's", () => {
  it("CreateSchedule", async () => {
    const sdk = await sdkRequest(scheduler, (c) => c.send(new CreateScheduleCommand(definition)));
    const ours = await ourRequest(SCHEDULER, (c) => createSchedule(c, definition));

    expect(ours).toEqual(sdk);
    expect(ours).toMatchObject({ method: "POST", path: "/schedules/ses_1-prework-reminder" });
    expect(ours.body).toMatchObject({ GroupName: "coachflow-test", ActionAfterCompletion: "DELETE" });
  });

  it("UpdateSchedule", async () => {
    const sdk = await sdkRequest(scheduler, (c) => c.send(new UpdateScheduleCommand(definition)));
    const ours = await ourRequest(SCHEDULER, (c) => updateSchedule(c, definition));

    expect(ours).toEqual(sdk);
    expect(ours.method).toBe("PUT");
  });

  it("GetSchedule", async () => {
    const sdk = await sdkRequest(scheduler, (c) =>
      c.send(new GetScheduleCommand({ Name: "ses_1-x", GroupName: "coachflow-test" })),
    );
    const ours = await ourRequest(SCHEDULER, (c) => getSchedule(c, "ses_1-x", "coachflow-test"));

    expect(ours).toEqual(sdk);
    expect(ours.query).toEqual({ groupName: "coachflow-test" });
  });

  it("DeleteSchedule, with a client token in the query", async () => {
    const sdk = await sdkRequest(scheduler, (c) =>
      c.send(new DeleteScheduleCommand({ Name: "ses_1-x", GroupName: "coachflow-test" })),
    );
    const ours = await ourRequest(SCHEDULER, (c) => deleteSchedule(c, "ses_1-x", "coachflow-test"));

    expect(ours).toEqual(sdk);
    expect(ours.method).toBe("DELETE");
  });

  it("ListSchedules", async () => {
    const page: Answer = { status: 200, body: { Schedules: [{ Name: "ses_1-a" }] } };
    const sdk = await sdkRequest(
      scheduler,
      (c) =>
        c.send(
          new ListSchedulesCommand({ GroupName: "coachflow-test", NamePrefix: "ses_1-", State: "ENABLED" }),
        ),
      page,
    );
    let names: string[] = [];
    const ours = await ourRequest(
      SCHEDULER,
      async (c) => {
        names = await listScheduleNames(c, {
          groupName: "coachflow-test",
          namePrefix: "ses_1-",
          state: "ENABLED",
        });
      },
      page,
    );

    expect(ours).toEqual(sdk);
    expect(names).toEqual(["ses_1-a"]);
  });
});

describe("SES v2 requests, ours and the SDK's", () => {
  const ses = (config: object) => new SESv2Client(config);
  const sent: Answer = { status: 200, body: { MessageId: "m-1" } };

  it("SendEmail, with headers and a configuration set", async () => {
    const data = { clientName: "Eve", n: 2 };
    const sdk = await sdkRequest(
      ses,
      (c) =>
        c.send(
          new SendEmailCommand({
            FromEmailAddress: "Coachflow <hello@coachflow.test>",
            Destination: { ToAddresses: ["eve@example.test"] },
            Content: {
              Template: {
                TemplateName: "coach-brief",
                TemplateData: JSON.stringify(data),
                Headers: [{ Name: "X-Coachflow-Delivery", Value: "dlv_1" }],
              },
            },
            ConfigurationSetName: "coachflow-events",
          }),
        ),
      sent,
    );
    const ours = await ourRequest(
      SES_V2,
      (c) =>
        new SesEmailSender(c, {
          from: "Coachflow <hello@coachflow.test>",
          configurationSetName: "coachflow-events",
        }).send({
          to: "eve@example.test",
          template: "coach-brief",
          data,
          headers: { "X-Coachflow-Delivery": "dlv_1" },
        }),
      sent,
    );

    expect(ours).toEqual(sdk);
    expect(ours).toMatchObject({ method: "POST", path: "/v2/email/outbound-emails" });
  });

  it("CreateEmailTemplate", async () => {
    const template = getTemplate("coach-brief");
    const sdk = await sdkRequest(ses, (c) => c.send(new CreateEmailTemplateCommand(toSesTemplate(template))));
    const ours = await ourRequest(SES_V2, (c) => upsertTemplates(c, [template]));

    expect(ours).toEqual(sdk);
  });

  it("UpdateEmailTemplate", async () => {
    const template = getTemplate("coach-brief");
    const sdk = await sdkRequest(ses, (c) => c.send(new UpdateEmailTemplateCommand(toSesTemplate(template))));
    const exists: Answer = { status: 400, body: { type: "AlreadyExistsException", message: "exists" } };
    const s = await startAwsAnswers([exists, { status: 200 }]);
    servers.push(s);
    const caller = new AwsCaller({ service: SES_V2, endpoint: s.endpoint, region: "us-east-1", credentials });
    destroy.push(() => caller.destroy());

    await upsertTemplates(caller, [template]);

    expect(wire(s.received[1]!)).toEqual(sdk);
  });
});

describe("Secrets Manager requests, ours and the SDK's", () => {
  it("GetSecretValue (awsJson1_1)", async () => {
    const arn = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:coachflow/prod-AbCdEf";
    const answer: Answer = { status: 200, body: { ARN: arn, SecretString: '{"ADMIN_TOKEN":"x"}' } };
    const sdk = await sdkRequest(
      (config) => new SecretsManagerClient(config),
      (c) => c.send(new GetSecretValueCommand({ SecretId: arn })),
      answer,
    );
    let value: string | undefined;
    const ours = await ourRequest(
      SECRETS_MANAGER,
      async (c) => {
        value = await getSecretString(c, arn);
      },
      answer,
    );

    expect(ours).toEqual(sdk);
    expect(ours).toMatchObject({
      method: "POST",
      path: "/",
      contentType: "application/x-amz-json-1.1",
      target: "secretsmanager.GetSecretValue",
    });
    expect(value).toBe('{"ADMIN_TOKEN":"x"}');
  });
});

describe("SQS requests, ours and the SDK's", () => {
  it("GetQueueAttributes (awsJson1_0), reading ApproximateNumberOfMessages", async () => {
    const queueUrl = "https://sqs.eu-west-1.amazonaws.com/000000000000/coachflow-prod-dead-letters";
    const answer: Answer = { status: 200, body: { Attributes: { ApproximateNumberOfMessages: "7" } } };
    const sdk = await sdkRequest(
      (config) => new SQSClient(config),
      (c) =>
        c.send(
          new GetQueueAttributesCommand({
            QueueUrl: queueUrl,
            AttributeNames: ["ApproximateNumberOfMessages"],
          }),
        ),
      answer,
    );
    let depth: number | undefined;
    const ours = await ourRequest(
      SQS,
      async (c) => {
        depth = await queueDepth(c, queueUrl);
      },
      answer,
    );

    expect(ours).toEqual(sdk);
    expect(ours).toMatchObject({
      method: "POST",
      path: "/",
      contentType: "application/x-amz-json-1.0",
      target: "AmazonSQS.GetQueueAttributes",
      body: { QueueUrl: queueUrl, AttributeNames: ["ApproximateNumberOfMessages"] },
      scope: { region: "us-east-1", service: "sqs" },
    });
    expect(depth).toBe(7);
  });

  it("refuses an answer without the count, and names SQS's error", async () => {
    const url = "https://sqs.eu-west-1.amazonaws.com/000000000000/q";
    const empty = await server({ status: 200, body: { Attributes: {} } });
    const caller = new AwsCaller({
      service: SQS,
      endpoint: empty.endpoint,
      region: "us-east-1",
      credentials,
    });
    destroy.push(() => caller.destroy());
    await expect(queueDepth(caller, url)).rejects.toThrow(/no ApproximateNumberOfMessages/);
    const denied = await server({
      status: 400,
      headers: { "x-amzn-query-error": "AccessDenied;Sender" },
      body: { __type: "com.amazonaws.sqs#AccessDenied", message: "not authorized" },
    });
    const other = new AwsCaller({
      service: SQS,
      endpoint: denied.endpoint,
      region: "us-east-1",
      credentials,
    });
    destroy.push(() => other.destroy());
    await expect(queueDepth(other, url)).rejects.toMatchObject({ name: "AccessDenied", retryable: false });
  });
});
