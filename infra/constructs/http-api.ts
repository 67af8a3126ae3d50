import { RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  HttpApi,
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
 * The API Gateway HTTP API in front of the API function: one `$default` route sends every path
 * (intake, admin, webhooks, docs) to the Hono app, which does its own routing and authentication.
 * The API is made before the function so the function can be told its own public URL.
 */
export class PublicApi extends Construct {
  readonly httpApi: HttpApi;
  readonly accessLogs: LogGroup;

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
    new HttpStage(this, "DefaultStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
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

  /** Sends every request to `handler`. */
  routeAllTo(handler: IFunction): void {
    const route = new HttpRoute(this, "DefaultRoute", {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration("Integration", handler),
    });
    acknowledge(
      route,
      "AwsSolutions-APIG4",
      "The app authenticates itself: admin bearer token, webhook HMAC signatures, signed links; intake is public by design.",
    );
  }
}
