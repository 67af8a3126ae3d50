import { createTableInput, TABLE } from "@coachflow/core/adapters/dynamodb/table";
import { TEMPLATES, toSesTemplate } from "@coachflow/core/email/index";
import { loadConfig } from "@coachflow/functions/config";
import { API_SECRET_KEYS, JOB_SECRET_KEYS, SECRET_KEYS } from "@coachflow/functions/secrets";
import { Match } from "aws-cdk-lib/assertions";
import { Topic } from "aws-cdk-lib/aws-sns";
import { beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_ROUTES } from "../../infra/constructs/http-api";
import { TABLE_ACTIONS } from "../../infra/stack";
import { asArray, logicalId, type Synthesized, statements, synthesize } from "./synth";

let dev: Synthesized;
let prod: Synthesized;

beforeAll(() => {
  dev = synthesize();
  prod = synthesize({ stage: "prod", rateLimitIpPerHour: 200 });
});

const fnId = (s: Synthesized, name: string) =>
  logicalId(
    s,
    "AWS::Lambda::Function",
    (p) => p.FunctionName === `coachflow-${s.stack.node.id.slice(10)}-${name}`,
  );
const envOf = (s: Synthesized, name: string): Record<string, unknown> =>
  s.json.Resources[fnId(s, name)]!.Properties.Environment.Variables;
const roleOf = (s: Synthesized, name: string): string =>
  s.json.Resources[fnId(s, name)]!.Properties.Role["Fn::GetAtt"][0];
/** The stage's shared secret (`coachflow/<stage>`) or the API's own (`…/api`). */
const secretId = (s: Synthesized, which: "shared" | "api") =>
  logicalId(s, "AWS::SecretsManager::Secret", (p) => (which === "api") === String(p.Name).endsWith("/api"));
const statementsOf = (s: Synthesized, roleId: string) =>
  statements(s)
    .filter((x) => x.roles.includes(roleId))
    .map((x) => x.statement);

describe("the table", () => {
  it("has the key schema, attributes and indexes of TABLE, the same definition DynamoDB Local gets", () => {
    const local = createTableInput("any");
    const table = Object.values(dev.json.Resources).find(
      (r) => r.Type === "AWS::DynamoDB::Table",
    )!.Properties;
    expect(table.KeySchema).toEqual(local.KeySchema);
    expect(new Set(table.AttributeDefinitions)).toEqual(new Set(local.AttributeDefinitions));
    const byName = (a: { IndexName?: string }, b: { IndexName?: string }) =>
      String(a.IndexName).localeCompare(String(b.IndexName));
    expect([...table.GlobalSecondaryIndexes].sort(byName)).toEqual(
      [...local.GlobalSecondaryIndexes!].sort(byName),
    );
    expect(table.GlobalSecondaryIndexes.map((i: any) => i.IndexName)).toEqual(
      TABLE.indexes.map((i) => i.name),
    );
  });

  it("is on-demand, with point-in-time recovery and the TTL attribute", () => {
    dev.template.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    });
  });

  it("is deletion-protected and retained in prod only", () => {
    prod.template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    dev.template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe("the functions", () => {
  it("run Node.js 22 on arm64 from index.mjs, log to a log group with a retention, with source maps on", () => {
    for (const name of ["api", "dispatcher", "ses-events"]) {
      const fn = dev.json.Resources[fnId(dev, name)]!.Properties;
      expect(fn).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], Handler: "index.handler" });
      expect(fn.Environment.Variables.NODE_OPTIONS).toBe("--enable-source-maps");
      const logGroup = dev.json.Resources[fn.LoggingConfig.LogGroup.Ref]!;
      expect(logGroup.Type).toBe("AWS::Logs::LogGroup");
      expect(logGroup.Properties.RetentionInDays).toBe(14);
    }
    const prodLogs = Object.values(prod.json.Resources).filter((r) => r.Type === "AWS::Logs::LogGroup");
    expect(prodLogs.every((r) => r.Properties.RetentionInDays === 180)).toBe(true);
  });

  it("tell the API and the dispatcher every resource they use", () => {
    const groupName = Object.values(dev.json.Resources).find(
      (r) => r.Type === "AWS::Scheduler::ScheduleGroup",
    )!.Properties.Name;
    const ref = (type: string) => ({ Ref: logicalId(dev, type, () => true) });
    const arnOf = (type: string, match: (p: any) => boolean = () => true) => ({
      "Fn::GetAtt": [logicalId(dev, type, match), "Arn"],
    });
    const schedulerRole = logicalId(dev, "AWS::IAM::Role", (p) =>
      JSON.stringify(p.AssumeRolePolicyDocument).includes("scheduler.amazonaws.com"),
    );
    for (const name of ["api", "dispatcher"]) {
      const env = envOf(dev, name);
      expect(env).toMatchObject({
        TABLE_NAME: ref("AWS::DynamoDB::Table"),
        SCHEDULE_GROUP: groupName,
        SCHEDULER_ROLE_ARN: { "Fn::GetAtt": [schedulerRole, "Arn"] },
        SCHEDULER_DLQ_ARN: arnOf("AWS::SQS::Queue"),
        SES_CONFIGURATION_SET: ref("AWS::SES::ConfigurationSet"),
        ADMIN_EMAIL: "admin@coaching.example",
        EMAIL_FROM: "coachflow <no-reply@mail.coaching.example>",
      });
      expect(JSON.stringify(env.DISPATCHER_ARN)).toContain(":function:coachflow-dev-dispatcher");
      expect(JSON.stringify(env.PUBLIC_BASE_URL)).toContain(
        logicalId(dev, "AWS::ApiGatewayV2::Api", () => true),
      );
    }
    expect(envOf(dev, "ses-events")).toMatchObject({ TABLE_NAME: ref("AWS::DynamoDB::Table") });
    // Each reads its own secrets (decision 0031): the API the shared one, then its own.
    expect(envOf(dev, "api").SECRETS_ARN).toEqual({
      "Fn::Join": ["", [{ Ref: secretId(dev, "shared") }, ",", { Ref: secretId(dev, "api") }]],
    });
    expect(envOf(dev, "dispatcher").SECRETS_ARN).toEqual({ Ref: secretId(dev, "shared") });
  });

  it("get RATE_LIMIT_IP_PER_HOUR from --rate-limit-ip-per-hour, and the code's default without it", () => {
    expect(envOf(prod, "api").RATE_LIMIT_IP_PER_HOUR).toBe("200");
    expect(envOf(dev, "api").RATE_LIMIT_IP_PER_HOUR).toBeUndefined();
  });

  it("start with their environment plus their secrets' keys: loadConfig accepts it", () => {
    for (const [name, keys] of [
      ["api", SECRET_KEYS],
      ["dispatcher", JOB_SECRET_KEYS],
    ] as const) {
      const env = Object.fromEntries(
        Object.entries(envOf(dev, name)).map(([key, value]) => [
          key,
          typeof value === "string"
            ? value
            : key === "PUBLIC_BASE_URL"
              ? "https://abc.execute-api.eu-west-1.amazonaws.com"
              : "arn:aws:resolved:eu-west-1:123456789012:x",
        ]),
      );
      const secrets = Object.fromEntries(keys.map((k) => [k, "s".repeat(32)]));
      const load = (e: Record<string, string>) => (name === "api" ? loadConfig(e) : loadConfig(e, "jobs"));
      expect(() => load({ ...env, ...secrets })).not.toThrow();
      expect(() => load(env)).toThrow(name === "api" ? /CALENDLY_SIGNING_KEY/ : /LINK_SIGNING_SECRET/);
    }
  });

  it("hold no secret in their environment, and the template holds no secret value", () => {
    for (const name of ["api", "dispatcher", "ses-events"]) {
      for (const key of SECRET_KEYS) expect(envOf(dev, name)).not.toHaveProperty(key);
    }
    const shared = dev.json.Resources[secretId(dev, "shared")]!.Properties;
    expect(shared.SecretString).toBeUndefined();
    expect(shared.GenerateSecretString.GenerateStringKey).toBe("LINK_SIGNING_SECRET");
    // Byte for byte the template of the one secret every stage had before decision 0031: any
    // change would make CloudFormation generate it anew, wiping the link secret.
    expect(shared.GenerateSecretString.SecretStringTemplate).toBe(
      '{"CALENDLY_SIGNING_KEY":"","CALCOM_WEBHOOK_SECRET":"","ADMIN_TOKEN":"","JWT_SECRET":""}',
    );
    expect(shared.Name).toBe("coachflow/dev");
    const api = dev.json.Resources[secretId(dev, "api")]!.Properties;
    expect(api.Name).toBe("coachflow/dev/api");
    expect(api.GenerateSecretString).toBeUndefined();
    expect(JSON.parse(api.SecretString)).toEqual(Object.fromEntries(API_SECRET_KEYS.map((k) => [k, ""])));
  });
});

describe("IAM", () => {
  it("has no wildcard action and no '*' resource anywhere", () => {
    for (const { statement } of statements(dev)) {
      for (const action of asArray(statement.Action)) expect(action).not.toContain("*");
      for (const resource of asArray(statement.Resource ?? [])) expect(resource).not.toBe("*");
    }
  });

  it("lets the scheduler role invoke the dispatcher and nothing else, and dead-letter to the queue", () => {
    const role = logicalId(dev, "AWS::IAM::Role", (p) =>
      JSON.stringify(p.AssumeRolePolicyDocument).includes("scheduler.amazonaws.com"),
    );
    const granted = statementsOf(dev, role);
    expect(granted).toEqual([
      {
        Effect: "Allow",
        Action: "sqs:SendMessage",
        Resource: { "Fn::GetAtt": [logicalId(dev, "AWS::SQS::Queue", () => true), "Arn"] },
      },
      {
        Effect: "Allow",
        Action: "lambda:InvokeFunction",
        Resource: { "Fn::GetAtt": [fnId(dev, "dispatcher"), "Arn"] },
      },
    ]);
    const trust = dev.json.Resources[role]!.Properties.AssumeRolePolicyDocument.Statement[0];
    expect(trust.Condition.StringEquals["aws:SourceAccount"]).toBe("123456789012");
  });

  it("lets the API manage schedules in its group only and pass the scheduler role only, to the scheduler", () => {
    const granted = statementsOf(dev, roleOf(dev, "api"));
    const schedules = granted.find((s) => asArray(s.Action).includes("scheduler:CreateSchedule"));
    expect(asArray(schedules.Action).sort()).toEqual([
      "scheduler:CreateSchedule",
      "scheduler:DeleteSchedule",
      "scheduler:GetSchedule",
      "scheduler:UpdateSchedule",
    ]);
    expect(JSON.stringify(schedules.Resource)).toContain(":schedule/coachflow-dev/*");
    const pass = granted.find((s) => s.Action === "iam:PassRole");
    const schedulerRole = logicalId(dev, "AWS::IAM::Role", (p) =>
      JSON.stringify(p.AssumeRolePolicyDocument).includes("scheduler.amazonaws.com"),
    );
    expect(pass).toEqual({
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: { "Fn::GetAtt": [schedulerRole, "Arn"] },
      Condition: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
    });
  });

  it("gives each function exactly the table actions its code performs", () => {
    const table = logicalId(dev, "AWS::DynamoDB::Table", () => true);
    const dynamo = (name: string) =>
      statementsOf(dev, roleOf(dev, name)).filter((s) =>
        asArray(s.Action).some((a: string) => a.startsWith("dynamodb:")),
      );
    const api = dynamo("api");
    expect(api).toHaveLength(2);
    expect(api[0].Effect).toBe("Allow");
    expect(asArray(api[0].Action)).toEqual(TABLE_ACTIONS.api.map((a) => `dynamodb:${a}`));
    expect(JSON.stringify(api[0].Resource)).toContain(`/index/${TABLE.indexes[0].name}`);
    // The workspace's PartiQL statements may query, never scan (decision 0028).
    expect(api[1]).toMatchObject({
      Effect: "Deny",
      Action: "dynamodb:PartiQLSelect",
      Condition: { Bool: { "dynamodb:FullTableScan": ["true"] } },
    });
    expect(api[1].Resource).toEqual(api[0].Resource);
    const dispatcher = dynamo("dispatcher");
    expect(asArray(dispatcher[0].Action)).toEqual(TABLE_ACTIONS.dispatcher.map((a) => `dynamodb:${a}`));
    // Booking nudges and follow-ups query gsi1 (a client's sessions, a client's action items).
    expect(JSON.stringify(dispatcher[0].Resource)).toContain(`/index/${TABLE.indexes[0].name}`);
    expect(JSON.stringify(dispatcher[0].Resource)).toContain(table);
    const sesEvents = statementsOf(dev, roleOf(dev, "ses-events"));
    expect(sesEvents.flatMap((s) => asArray(s.Action)).sort()).toEqual(
      ["dynamodb:PutItem", "logs:CreateLogStream", "logs:PutLogEvents"].sort(),
    );
    expect(dynamo("ses-events")[0].Condition).toEqual({
      "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["SUPPRESSED#*"] },
    });
  });

  it("runs the retention sweep daily: a recurring schedule that invokes the dispatcher with the sweep's input", () => {
    const sweeps = Object.values(dev.json.Resources).filter(
      (r: any) => r.Type === "AWS::Scheduler::Schedule",
    ) as any[];
    expect(sweeps).toHaveLength(1);
    const p = sweeps[0].Properties;
    expect(p.ScheduleExpression).toBe("cron(0 3 * * ? *)");
    expect(p.GroupName).toBe("coachflow-dev");
    expect(p.Target.Arn).toEqual({ "Fn::GetAtt": [fnId(dev, "dispatcher"), "Arn"] });
    // No `repeat`: the recurring schedule runs it, the sweep does not schedule itself on AWS.
    expect(JSON.parse(p.Target.Input)).toEqual({ v: 1, job: "retention-sweep" });
    expect(p.Target.DeadLetterConfig.Arn).toBeDefined();
  });

  it("lets the dispatcher only delete schedules (retention sweep) and keeps secrets off the SES events function", () => {
    const actions = (name: string) => statementsOf(dev, roleOf(dev, name)).flatMap((s) => asArray(s.Action));
    expect(
      actions("dispatcher").filter((a: string) => a.startsWith("scheduler:") || a === "iam:PassRole"),
    ).toEqual(["scheduler:DeleteSchedule"]);
    const deletes = statementsOf(dev, roleOf(dev, "dispatcher")).find(
      (s) => s.Action === "scheduler:DeleteSchedule",
    );
    expect(JSON.stringify(deletes.Resource)).toContain(":schedule/coachflow-dev/*");
    expect(
      actions("ses-events").some((a: string) => a.startsWith("secretsmanager:") || a.startsWith("ses:")),
    ).toBe(false);
    for (const name of ["api", "dispatcher"]) {
      const send = statementsOf(dev, roleOf(dev, name)).find((s) => s.Action === "ses:SendEmail");
      expect(JSON.stringify(send.Resource)).toContain(":identity/mail.coaching.example");
    }
  });

  it("lets only the API count the dead-letter queue's messages, and tells it the queue's URL (decision 0036)", () => {
    const queue = logicalId(dev, "AWS::SQS::Queue", () => true);
    const counts = (name: string) =>
      statementsOf(dev, roleOf(dev, name)).filter((s) =>
        asArray(s.Action).some((a: string) => a === "sqs:GetQueueAttributes" || a === "sqs:*"),
      );
    expect(counts("api")).toEqual([
      { Effect: "Allow", Action: "sqs:GetQueueAttributes", Resource: { "Fn::GetAtt": [queue, "Arn"] } },
    ]);
    // Nothing else of SQS: no message is read, sent or deleted by the API.
    const sqs = statementsOf(dev, roleOf(dev, "api")).flatMap((s) =>
      asArray(s.Action).filter((a: string) => a.startsWith("sqs:")),
    );
    expect(sqs).toEqual(["sqs:GetQueueAttributes"]);
    expect(counts("dispatcher")).toEqual([]);
    expect(counts("ses-events")).toEqual([]);
    expect(envOf(dev, "api").SCHEDULER_DLQ_URL).toEqual({ Ref: queue });
    expect(envOf(dev, "dispatcher").SCHEDULER_DLQ_URL).toBeUndefined();
  });

  it("lets only the API render the two templates the admin settings preview shows (decision 0034)", () => {
    const render = (name: string) =>
      statementsOf(dev, roleOf(dev, name)).filter((s) =>
        asArray(s.Action).includes("ses:TestRenderEmailTemplate"),
      );
    const [granted, ...more] = render("api");
    expect(more).toEqual([]);
    const resources = JSON.stringify(granted.Resource);
    expect(resources).toContain(":template/session-followup");
    expect(resources).toContain(":template/welcome-pricing");
    expect(asArray(granted.Resource)).toHaveLength(2);
    expect(render("dispatcher")).toEqual([]);
    expect(render("ses-events")).toEqual([]);
  });
});

describe("secrets", () => {
  /** Every secret `name`'s role may touch, by any secretsmanager action. */
  const secretsOf = (name: string) =>
    statementsOf(dev, roleOf(dev, name))
      .filter((s) => asArray(s.Action).some((a: string) => a.startsWith("secretsmanager:")))
      .map((s) => ({ actions: asArray(s.Action), resources: asArray(s.Resource) }));

  it("let the dispatcher read the shared secret only, which holds the link secret alone, and nothing else", () => {
    expect(secretsOf("dispatcher")).toEqual([
      { actions: ["secretsmanager:GetSecretValue"], resources: [{ Ref: secretId(dev, "shared") }] },
    ]);
    // The webhook keys, admin token and JWT secret live in the API's secret, out of its reach.
    expect(secretsOf("dispatcher").flatMap((s) => s.resources)).not.toContainEqual({
      Ref: secretId(dev, "api"),
    });
    expect(JOB_SECRET_KEYS).toEqual(["LINK_SIGNING_SECRET"]);
  });

  it("let the API read both, its own secret with every key but the link secret", () => {
    expect(secretsOf("api")).toEqual([
      {
        actions: ["secretsmanager:GetSecretValue"],
        resources: [{ Ref: secretId(dev, "shared") }, { Ref: secretId(dev, "api") }],
      },
    ]);
    expect([...API_SECRET_KEYS, ...JOB_SECRET_KEYS].sort()).toEqual([...SECRET_KEYS].sort());
  });

  it("keep no role but the API's and the dispatcher's near a secret", () => {
    const readers = statements(dev)
      .filter((x) => asArray(x.statement.Action).some((a: string) => a.startsWith("secretsmanager:")))
      .flatMap((x) => x.roles);
    expect([...new Set(readers)].sort()).toEqual([roleOf(dev, "api"), roleOf(dev, "dispatcher")].sort());
  });
});

describe("scheduling", () => {
  it("has one schedule group per stage and a dead-letter queue with an alarm on its depth", () => {
    dev.template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", { Name: "coachflow-dev" });
    prod.template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", { Name: "coachflow-prod" });
    dev.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "ApproximateNumberOfMessagesVisible",
      Namespace: "AWS/SQS",
      Threshold: 1,
      AlarmActions: Match.anyValue(),
    });
  });

  it("dead-letters dispatcher events that fail Lambda's own retries (Scheduler invokes asynchronously)", () => {
    const queue = logicalId(dev, "AWS::SQS::Queue", () => true);
    const dispatcher = dev.json.Resources[fnId(dev, "dispatcher")]!.Properties;
    expect(dispatcher.DeadLetterConfig).toEqual({ TargetArn: { "Fn::GetAtt": [queue, "Arn"] } });
    dev.template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", { MaximumRetryAttempts: 2 });
  });
});

describe("email", () => {
  it("deploys every template from TEMPLATES through toSesTemplate, unchanged", () => {
    const deployed = Object.values(dev.json.Resources)
      .filter((r) => r.Type === "AWS::SES::Template")
      .map((r) => r.Properties.Template);
    expect(deployed).toHaveLength(TEMPLATES.length);
    for (const def of TEMPLATES) {
      const ses = toSesTemplate(def);
      expect(deployed).toContainEqual({
        TemplateName: ses.TemplateName,
        SubjectPart: ses.TemplateContent.Subject,
        HtmlPart: ses.TemplateContent.Html,
        TextPart: ses.TemplateContent.Text,
      });
    }
  });

  it("has a configuration set, the domain identity, and routes this stage's bounces and complaints to the SES events function", () => {
    dev.template.hasResourceProperties("AWS::SES::ConfigurationSet", { Name: "coachflow-dev" });
    dev.template.hasResourceProperties("AWS::SES::EmailIdentity", { EmailIdentity: "mail.coaching.example" });
    dev.template.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(["bounce", "complaint"]),
        EventBridgeDestination: Match.anyValue(),
      }),
    });
    dev.template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: {
        source: ["aws.ses"],
        "detail-type": ["Email Bounced", "Email Complaint Received"],
        detail: { mail: { tags: { "ses:configuration-set": ["coachflow-dev"] } } },
      },
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [fnId(dev, "ses-events"), "Arn"] } })],
    });
  });
});

describe("API and alarms", () => {
  it("sends every route of the HTTP API to the API function, with access logs and throttling", () => {
    dev.template.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "$default" });
    const integrations = Object.values(dev.json.Resources).filter(
      (r) => r.Type === "AWS::ApiGatewayV2::Integration",
    );
    expect(integrations).toHaveLength(1);
    const routes = Object.values(dev.json.Resources).filter((r) => r.Type === "AWS::ApiGatewayV2::Route");
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(["$default", ...WEBHOOK_ROUTES].sort());
    for (const route of routes) expect(route.Properties.Target).toEqual(routes[0]!.Properties.Target);
    dev.template.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      IntegrationType: "AWS_PROXY",
      PayloadFormatVersion: "2.0",
      IntegrationUri: { "Fn::GetAtt": [fnId(dev, "api"), "Arn"] },
    });
    dev.template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50 }),
    });
  });

  it("throttles each webhook route on its own, so an intake flood on $default cannot starve booking deliveries", () => {
    const stageId = logicalId(dev, "AWS::ApiGatewayV2::Stage", () => true);
    const stage = dev.json.Resources[stageId]! as { Properties: any; DependsOn?: string[] };
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
    expect(stage.Properties.RouteSettings).toEqual(
      Object.fromEntries(
        ["POST /v1/webhooks/calendly", "POST /v1/webhooks/calcom", "POST /v1/webhooks/calcom/{coachId}"].map(
          (key) => [key, { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 }],
        ),
      ),
    );
    // The routes the settings name exist before the stage is deployed with them.
    const routeIds = Object.entries(dev.json.Resources)
      .filter(([, r]) => r.Type === "AWS::ApiGatewayV2::Route")
      .map(([id]) => id);
    expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
    // The Hono app answers each of those paths (the route group of the webhooks).
    expect(WEBHOOK_ROUTES.every((key) => key.startsWith("POST /v1/webhooks/"))).toBe(true);
  });

  it("counts the webhook requests refused with nothing written, from the API's log lines", () => {
    dev.template.hasResourceProperties("AWS::Logs::MetricFilter", {
      FilterPattern: '{ $.msg = "webhook refused" }',
      MetricTransformations: [
        { MetricName: "WebhookRefusals", MetricNamespace: "coachflow/dev", MetricValue: "1" },
      ],
    });
  });

  it("alarms on each function's errors and throttles", () => {
    for (const name of ["api", "dispatcher", "ses-events"]) {
      for (const metric of ["Errors", "Throttles"]) {
        dev.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
          MetricName: metric,
          Namespace: "AWS/Lambda",
          Dimensions: [{ Name: "FunctionName", Value: { Ref: fnId(dev, name) } }],
        });
      }
    }
  });
});

describe("cdk-nag AwsSolutions", () => {
  it("fails the synth on a finding nobody acknowledged", () => {
    expect(() => synthesize({}, (stack) => new Topic(stack, "Unencrypted"))).toThrow(/AwsSolutions-SNS[23]/);
  });

  it("reports no finding that is not acknowledged, in dev and in prod", () => {
    for (const s of [dev, prod]) {
      const violations = s.validationReport.pluginReports.flatMap((r) => r.violations ?? []);
      expect(violations).toEqual([]);
    }
  });

  it("gives every acknowledgement a reason", () => {
    const acks = dev.stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === "aws:cdk:acknowledged-rules"))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acks.map(([id]) => id)).toEqual(
      expect.arrayContaining(["AwsSolutions::AwsSolutions-L1", "AwsSolutions::AwsSolutions-APIG4"]),
    );
    for (const [id, reason] of acks) {
      expect(id.startsWith("AwsSolutions::")).toBe(true);
      expect(reason.length).toBeGreaterThan(30);
    }
  });
});
