import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { Effect, PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { CfnSchedule, CfnScheduleGroup } from "aws-cdk-lib/aws-scheduler";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { acknowledge } from "../nag";

/**
 * EventBridge Scheduler for one stage: the schedule group the API creates one-time schedules in,
 * the role the scheduler assumes to invoke the dispatcher (and nothing else), and the dead-letter
 * queue for firings that failed every retry.
 */
export class Scheduling extends Construct {
  readonly groupName: string;
  readonly group: CfnScheduleGroup;
  readonly role: Role;
  readonly deadLetters: Queue;

  constructor(
    scope: Construct,
    id: string,
    props: { groupName: string; queueName: string; retain: boolean },
  ) {
    super(scope, id);
    this.groupName = props.groupName;
    this.group = new CfnScheduleGroup(this, "Group", { name: props.groupName });
    this.deadLetters = new Queue(this, "DeadLetters", {
      queueName: props.queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    acknowledge(
      this.deadLetters,
      "AwsSolutions-SQS3",
      "This queue is itself the dead-letter queue of the scheduler, the dispatcher and the SES events rule.",
    );
    const account = Stack.of(this).account;
    this.role = new Role(this, "Role", {
      description: "Assumed by EventBridge Scheduler to invoke the coachflow dispatcher",
      assumedBy: new ServicePrincipal("scheduler.amazonaws.com", {
        conditions: {
          StringEquals: { "aws:SourceAccount": account },
          ArnLike: { "aws:SourceArn": this.schedulesArn() },
        },
      }),
    });
    // Scheduler writes a firing that failed every retry to the queue with this role.
    this.role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["sqs:SendMessage"],
        resources: [this.deadLetters.queueArn],
      }),
    );
  }

  /** The ARN pattern of every schedule in this stage's group. */
  schedulesArn(): string {
    return Stack.of(this).formatArn({
      service: "scheduler",
      resource: "schedule",
      resourceName: `${this.groupName}/*`,
    });
  }

  /** Lets the scheduler role invoke `dispatcher`: the only function it may invoke. */
  allowInvoke(dispatcher: IFunction): void {
    this.role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["lambda:InvokeFunction"],
        resources: [dispatcher.functionArn],
      }),
    );
  }

  /**
   * Lets `fn` read how many messages the dead-letter queue holds (`GetQueueAttributes` on this
   * queue only: no message is read, sent or deleted), for the admin dashboard (decision 0036).
   */
  grantCountDeadLetters(fn: IFunction): void {
    const role = fn.role;
    if (!role) throw new Error("function has no role");
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["sqs:GetQueueAttributes"],
        resources: [this.deadLetters.queueArn],
      }),
    );
  }

  /** What the API needs to manage this group's schedules: create/update/delete/get, and pass the role. */
  grantManageSchedules(fn: IFunction): void {
    const role = fn.role;
    if (!role) throw new Error("function has no role");
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [
          "scheduler:CreateSchedule",
          "scheduler:UpdateSchedule",
          "scheduler:DeleteSchedule",
          "scheduler:GetSchedule",
        ],
        resources: [this.schedulesArn()],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["iam:PassRole"],
        resources: [this.role.roleArn],
        conditions: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
      }),
    );
  }

  /**
   * The daily retention sweep (decision 0026): a recurring schedule in this group that invokes
   * the dispatcher with the sweep's input. Without `repeat`, the sweep does not schedule itself
   * (the local Scheduler, which fires at() schedules only, uses a one-time schedule that does).
   */
  addRetentionSweep(dispatcher: IFunction): CfnSchedule {
    const sweep = new CfnSchedule(this, "RetentionSweep", {
      name: "retention-sweep-daily",
      groupName: this.groupName,
      description: "coachflow: erases clients whose retention period ended",
      scheduleExpression: "cron(0 3 * * ? *)",
      flexibleTimeWindow: { mode: "OFF" },
      target: {
        arn: dispatcher.functionArn,
        roleArn: this.role.roleArn,
        input: JSON.stringify({ v: 1, job: "retention-sweep" }),
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 6 * 3600 },
        deadLetterConfig: { arn: this.deadLetters.queueArn },
      },
    });
    sweep.addDependency(this.group);
    return sweep;
  }

  /**
   * What erasing a client needs of the scheduler: delete their pending schedules, whose names are
   * deterministic (no listing, no creating, no passing the role).
   */
  grantEraseSchedules(fn: IFunction): void {
    const role = fn.role;
    if (!role) throw new Error("function has no role");
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["scheduler:DeleteSchedule"],
        resources: [this.schedulesArn()],
      }),
    );
  }
}
