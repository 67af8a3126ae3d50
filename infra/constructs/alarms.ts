import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { acknowledge } from "../nag";

/** The stage's alarms, all notifying one SNS topic (and its email subscriber, when one is given). */
export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: { topicName: string; email?: string }) {
    super(scope, id);
    this.topic = new Topic(this, "Topic", { topicName: props.topicName, enforceSSL: true });
    acknowledge(
      this.topic,
      "AwsSolutions-SNS2",
      "Alarm notifications carry alarm names only; CloudWatch cannot publish to a topic under the AWS-managed SNS key.",
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }

  /** Alarms when the function fails or is throttled at all in five minutes. */
  watchFunction(id: string, fn: IFunction): void {
    this.alarm(`${id}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), `${id}: invocations failed`);
    this.alarm(
      `${id}Throttles`,
      fn.metricThrottles({ period: Duration.minutes(5) }),
      `${id}: invocations throttled`,
    );
  }

  /** Alarms as soon as a message waits in the dead-letter queue. */
  watchDeadLetters(queue: IQueue): void {
    this.alarm(
      "DeadLetters",
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" }),
      "events failed every retry and wait in the dead-letter queue",
    );
  }

  private alarm(id: string, metric: IMetric, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
  }
}
