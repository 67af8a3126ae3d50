import { EMAIL_PREVIEWS } from "@coachflow/core/admin/settings-preview";
import { ArnFormat, CfnOutput, Duration, Stack, type StackProps, Token } from "aws-cdk-lib";
import { FilterPattern, MetricFilter, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import type { Bundle, FunctionName } from "./bundling";
import { Alarms } from "./constructs/alarms";
import { AppFunction } from "./constructs/app-function";
import { Email } from "./constructs/email";
import { PublicApi } from "./constructs/http-api";
import { Scheduling } from "./constructs/scheduling";
import { AppSecrets } from "./constructs/secrets";
import { AppTable } from "./constructs/table";
import { acknowledge } from "./nag";
import { nameOf, type StageSettings } from "./settings";

export interface CoachflowStackProps extends StackProps {
  settings: StageSettings;
  /** The functions' esbuild bundles, built before synth (infra/bundling.ts). */
  bundles: Record<FunctionName, Pick<Bundle, "dir">>;
}

/** The DynamoDB actions each function's code performs (see the adapters in core/adapters/dynamodb). */
export const TABLE_ACTIONS = {
  // Reads, conditional writes and transactions (TransactWriteItems is authorized per item).
  // BatchWriteItem: erasing a client (DELETE /v1/clients/{id}, the your-data link), decision 0026.
  // PartiQLSelect: a client's sessions and action items in one call for the workspace pages
  // (decision 0028); a statement that would scan is denied (AppTable.grant).
  api: [
    "GetItem",
    "BatchGetItem",
    "Query",
    "PartiQLSelect",
    "PutItem",
    "UpdateItem",
    "DeleteItem",
    "ConditionCheckItem",
    "BatchWriteItem",
  ],
  // runJob: the session, client and coach (Get/BatchGet), the send ledger (Put/Update/Delete), and
  // on gsi1 a client's sessions (is a booking nudge still needed?) and action items (follow-ups).
  // BatchWriteItem: the daily retention sweep erases clients (decision 0026).
  dispatcher: ["GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem"],
  // Writes suppression records only.
  sesEvents: ["PutItem"],
} as const;

const LAMBDA_RUNTIME_REASON =
  "DESIGN.md pins nodejs22.x: the bundles target it and the local toolchain runs Node 20/22; 24.x is a deliberate later upgrade.";

/** One stage of coachflow: everything the local stack provides, on AWS. */
export class CoachflowStack extends Stack {
  readonly api: AppFunction;
  readonly dispatcher: AppFunction;
  readonly sesEvents: AppFunction;

  constructor(scope: Construct, id: string, props: CoachflowStackProps) {
    super(scope, id, props);
    const s = props.settings;
    const retain = s.stage === "prod";
    const logRetention = retain ? RetentionDays.SIX_MONTHS : RetentionDays.TWO_WEEKS;
    const name = (part: string) => nameOf(s.stage, part);

    const table = new AppTable(this, "Data", { tableName: name("data"), retain });
    const secrets = new AppSecrets(this, "Secrets", { secretName: `coachflow/${s.stage}`, retain });
    const scheduling = new Scheduling(this, "Scheduling", {
      groupName: `coachflow-${s.stage}`,
      queueName: name("dead-letters"),
      retain,
    });
    const email = new Email(this, "Email", {
      configurationSetName: `coachflow-${s.stage}`,
      domain: s.domain,
    });
    const publicApi = new PublicApi(this, "Http", { apiName: name("api"), logRetention, retain });

    // The dispatcher's ARN from its name: the dispatcher itself needs it in its environment, and a
    // function cannot refer to its own ARN attribute.
    const dispatcherName = name("dispatcher");
    const dispatcherArn = this.formatArn({
      service: "lambda",
      resource: "function",
      resourceName: dispatcherName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const appEnvironment: Record<string, string> = {
      TABLE_NAME: table.table.tableName,
      SCHEDULE_GROUP: scheduling.groupName,
      DISPATCHER_ARN: dispatcherArn,
      SCHEDULER_ROLE_ARN: scheduling.role.roleArn,
      SCHEDULER_DLQ_ARN: scheduling.deadLetters.queueArn,
      SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
      EMAIL_FROM: `${s.programName ?? "coachflow"} <no-reply@${s.domain}>`,
      ADMIN_EMAIL: s.adminEmail,
      // Who may sign in to /admin (decision 0033): the stage's list, else the alerts' address.
      ADMIN_EMAILS: s.adminEmails ?? s.adminEmail,
      PUBLIC_BASE_URL: s.publicBaseUrl ?? publicApi.url,
      LOG_LEVEL: "info",
      ...(s.programName ? { PROGRAM_NAME: s.programName } : {}),
      ...(s.rateLimitIpPerHour ? { RATE_LIMIT_IP_PER_HOUR: String(s.rateLimitIpPerHour) } : {}),
    };

    this.api = new AppFunction(this, "ApiFunction", {
      bundleDir: props.bundles.api.dir,
      functionName: name("api"),
      description: "coachflow HTTP API (Hono): intake, admin, webhooks",
      memorySize: 1024,
      timeout: Duration.seconds(29),
      // The shared secret (the link secret) and its own: webhook keys, admin token, JWT secret.
      // The dead-letter queue's URL: the admin dashboard counts its messages (decision 0036).
      environment: {
        ...appEnvironment,
        SECRETS_ARN: secrets.arns("both"),
        SCHEDULER_DLQ_URL: scheduling.deadLetters.queueUrl,
      },
      logRetention,
      retain,
    });
    this.dispatcher = new AppFunction(this, "DispatcherFunction", {
      bundleDir: props.bundles.dispatcher.dir,
      functionName: dispatcherName,
      description: "coachflow dispatcher: runs the job a schedule fires",
      memorySize: 512,
      timeout: Duration.seconds(60),
      // The shared secret only: its jobs sign links, and check no webhook, token or admin key.
      environment: { ...appEnvironment, SECRETS_ARN: secrets.arns("shared") },
      logRetention,
      retain,
      // EventBridge Scheduler invokes Lambda asynchronously: Lambda retries, then dead-letters here.
      deadLetterQueue: scheduling.deadLetters,
    });
    this.sesEvents = new AppFunction(this, "SesEventsFunction", {
      bundleDir: props.bundles["ses-events"].dir,
      functionName: name("ses-events"),
      description: "coachflow SES events: suppresses addresses that bounce or complain",
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { TABLE_NAME: table.table.tableName, LOG_LEVEL: "info" },
      logRetention,
      retain,
    });

    publicApi.routeAllTo(this.api.fn);
    scheduling.allowInvoke(this.dispatcher.fn);
    scheduling.grantManageSchedules(this.api.fn);
    scheduling.grantCountDeadLetters(this.api.fn);
    // The retention sweep deletes erased clients' schedules (the API's grant above covers its own).
    scheduling.grantEraseSchedules(this.dispatcher.fn);
    scheduling.addRetentionSweep(this.dispatcher.fn);
    email.routeSuppressingEvents(this.sesEvents.fn, scheduling.deadLetters);

    table.grant(this.api.fn, [...TABLE_ACTIONS.api], { indexes: true });
    table.grant(this.dispatcher.fn, [...TABLE_ACTIONS.dispatcher], { indexes: true });
    table.grant(this.sesEvents.fn, [...TABLE_ACTIONS.sesEvents], { leadingKeys: "SUPPRESSED#*" });
    email.grantTestRender(this.api.fn, Object.keys(EMAIL_PREVIEWS));
    for (const fn of [this.api, this.dispatcher]) email.grantSend(fn.fn);
    secrets.grantRead(this.api.fn, "both");
    secrets.grantRead(this.dispatcher.fn, "shared");

    // Webhook requests refused with nothing written are counted in the API's log lines (decision
    // 0031); this turns those lines into a metric.
    new MetricFilter(this, "WebhookRefusals", {
      logGroup: this.api.logGroup,
      filterPattern: FilterPattern.stringValue("$.msg", "=", "webhook refused"),
      metricNamespace: `coachflow/${s.stage}`,
      metricName: "WebhookRefusals",
      metricValue: "1",
    });

    const alarms = new Alarms(this, "Alarms", { topicName: name("alarms"), email: s.alarmEmail });
    alarms.watchFunction("Api", this.api.fn);
    alarms.watchFunction("Dispatcher", this.dispatcher.fn);
    alarms.watchFunction("SesEvents", this.sesEvents.fn);
    alarms.watchDeadLetters(scheduling.deadLetters);

    for (const fn of [this.api, this.dispatcher, this.sesEvents]) {
      acknowledge(fn.fn, "AwsSolutions-L1", LAMBDA_RUNTIME_REASON);
    }
    acknowledge(
      this.api.role,
      `AwsSolutions-IAM5[Resource::${this.nagArn("scheduler", `schedule/${scheduling.groupName}/*`)}]`,
      "Schedule names are made at run time (one per session and job); the grant stops at this stage's group.",
    );
    acknowledge(
      this.dispatcher.role,
      `AwsSolutions-IAM5[Resource::${this.nagArn("scheduler", `schedule/${scheduling.groupName}/*`)}]`,
      "The retention sweep deletes an erased client's schedules, named at run time; the grant stops at this stage's group.",
    );

    this.outputs(publicApi, table, email, s.stage);
  }

  /** An ARN as cdk-nag prints it in a finding id: unresolved parts as `<AWS::…>`. */
  private nagArn(service: string, resource: string): string {
    const part = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    return `arn:<AWS::Partition>:${service}:${part(this.region, "Region")}:${part(this.account, "AccountId")}:${resource}`;
  }

  private outputs(publicApi: PublicApi, table: AppTable, email: Email, stage: string): void {
    new CfnOutput(this, "ApiUrl", {
      value: publicApi.url,
      description:
        "Point Calendly and Cal.com webhooks at <ApiUrl>/v1/webhooks/calendly and /v1/webhooks/calcom",
    });
    new CfnOutput(this, "SecretName", {
      value: `coachflow/${stage}/api`,
      description:
        "Set the webhook keys, admin token and JWT secret here (the link secret is in coachflow/<stage>)",
    });
    new CfnOutput(this, "TableName", { value: table.table.tableName });
    email.identity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: "Publish in the domain's DNS to verify it for SES",
      });
    });
  }
}
