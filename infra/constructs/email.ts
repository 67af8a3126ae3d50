import { TEMPLATES, toSesTemplate } from "@coachflow/core/email/index";
import { Duration, Stack } from "aws-cdk-lib";
import { EventBus, Rule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { Effect, type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import {
  CfnTemplate,
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from "aws-cdk-lib/aws-ses";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

/** SES events that stop further mail to an address, as EventBridge names them. */
export const SUPPRESSING_EVENTS = ["Email Bounced", "Email Complaint Received"] as const;

/**
 * SES for one stage: a configuration set (bounces and complaints go to EventBridge), the sending
 * domain identity (DKIM records to publish are stack outputs), and every email template, made
 * from the same `TEMPLATES` sources the code validates and renders with (core/email).
 */
export class Email extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly identity: EmailIdentity;
  readonly templateNames: string[];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: { configurationSetName: string; domain: string },
  ) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, "ConfigurationSet", {
      configurationSetName: props.configurationSetName,
      reputationMetrics: true,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination("BouncesAndComplaints", {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, "DefaultBus", "default")),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    this.identity = new EmailIdentity(this, "Identity", {
      identity: Identity.domain(props.domain),
      configurationSet: this.configurationSet,
    });
    this.templateNames = TEMPLATES.map((def) => {
      const ses = toSesTemplate(def);
      new CfnTemplate(this, `Template-${def.name}`, {
        template: {
          templateName: ses.TemplateName,
          subjectPart: ses.TemplateContent.Subject,
          htmlPart: ses.TemplateContent.Html,
          textPart: ses.TemplateContent.Text,
        },
      });
      return ses.TemplateName;
    });
  }

  /** Sends this stage's bounce and complaint events (and only this stage's) to `handler`. */
  routeSuppressingEvents(handler: IFunction, deadLetterQueue: IQueue): Rule {
    return new Rule(this, "SuppressingEvents", {
      description: "SES bounces and complaints of this stage, to the SES events function",
      eventPattern: {
        source: ["aws.ses"],
        detailType: [...SUPPRESSING_EVENTS],
        detail: { mail: { tags: { "ses:configuration-set": [this.props.configurationSetName] } } },
      },
      targets: [
        new LambdaFunction(handler, { retryAttempts: 8, maxEventAge: Duration.hours(24), deadLetterQueue }),
      ],
    });
  }

  /**
   * ses:TestRenderEmailTemplate of these templates only: the admin console's settings preview
   * renders them with the typed copy, as SES would send them (decision 0034). Sends nothing.
   */
  grantTestRender(grantee: IGrantable, templateNames: readonly string[]): void {
    const stack = Stack.of(this);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["ses:TestRenderEmailTemplate"],
        resources: templateNames.map((resourceName) =>
          stack.formatArn({ service: "ses", resource: "template", resourceName }),
        ),
      }),
    );
  }

  /** ses:SendEmail from this stage's domain, through its configuration set, with its templates only. */
  grantSend(grantee: IGrantable): void {
    const stack = Stack.of(this);
    const arn = (resource: string, resourceName: string) =>
      stack.formatArn({ service: "ses", resource, resourceName });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["ses:SendEmail"],
        resources: [
          arn("identity", this.props.domain),
          arn("configuration-set", this.props.configurationSetName),
          ...this.templateNames.map((name) => arn("template", name)),
        ],
      }),
    );
  }
}
