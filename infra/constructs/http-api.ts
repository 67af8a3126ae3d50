import { RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  type CfnStage,
  HttpApi,
  type HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { acknowledge } from "../nag";

/**
 * The webhook routes of the HTTP API, each with a throttle of its own: a route's limits are its
 * own token bucket, so a flood of intake requests (on `$default`) cannot use up what the booking
 * providers' deliveries need, and the other way round (decision 0031).
 */
export const WEBHOOK_ROUTES = [
  "POST /v1/webhooks/calendly",
  "POST /v1/webhooks/calcom",
  "POST /v1/webhooks/calcom/{coachId}",
] as const;
/** Per webhook route: far above what providers send (a few deliveries a minute), far below a flood's worth. */
export const WEBHOOK_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;
/** Every other route (`$default`): the stage's default. */
export const DEFAULT_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * The API Gateway HTTP API in front of the API function: the webhook routes and one `$default`
 * route for every other path (intake, admin, docs) all go to the Hono app, which does its own
 * routing and authentication. The API is made before the function so the function can be told
 * its own public URL.
 */
export class PublicApi extends Construct {
  readonly httpApi: HttpApi;
  readonly accessLogs: LogGroup;
  readonly stage: HttpStage;

  constructor(
    scope: Construct,
    id: string,
    props: { apiName: string; logRetention: RetentionDays; retain: boolean },
  ) {
    super(scope, id);
    this.httpApi = new HttpApi(this, "Api", { apiName: props.apiName, createDefaultStage: false });
    this.accessLogs = new LogGroup(this, "AccessLogs", {
      retention: props.logRetention,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, "DefaultStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: DEFAULT_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });
  }

  /** `https://<id>.execute-api.<region>.amazonaws.com`, without a trailing slash. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  /** Sends every request to `handler`: the webhook routes, throttled on their own, and `$default`. */
  routeAllTo(handler: IFunction): void {
    const integration = new HttpLambdaIntegration("Integration", handler);
    const routes = [
      new HttpRoute(this, "DefaultRoute", {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.DEFAULT,
        integration,
      }),
      ...WEBHOOK_ROUTES.map((key, i) => {
        const [method, path] = key.split(" ") as [string, string];
        return new HttpRoute(this, `WebhookRoute${i + 1}`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(path, method as HttpMethod),
          integration,
        });
      }),
    ];
    // RouteSettings is a JSON map in CloudFormation's schema: CDK passes it as written, so the
    // names are CloudFormation's own.
    const stage = this.stage.node.defaultChild as CfnStage;
    stage.routeSettings = Object.fromEntries(
      WEBHOOK_ROUTES.map((key) => [
        key,
        {
          ThrottlingRateLimit: WEBHOOK_THROTTLE.rateLimit,
          ThrottlingBurstLimit: WEBHOOK_THROTTLE.burstLimit,
        },
      ]),
    );
    for (const route of routes) {
      // A stage's route settings name routes that must exist when the stage is updated.
      this.stage.node.addDependency(route);
      acknowledge(
        route,
        "AwsSolutions-APIG4",
        "The app authenticates itself: admin bearer token, webhook HMAC signatures, signed links; intake is public by design.",
      );
    }
  }
}
