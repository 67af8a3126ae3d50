import { Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * Acknowledges one cdk-nag AwsSolutions finding on `scope` (and its children), in the plugin's own
 * namespace as cdk-nag asks for it (`AwsSolutions::<rule>`). Every acknowledgement has a reason.
 */
export function acknowledge(scope: IConstruct, rule: `AwsSolutions-${string}`, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions::${rule}`, reason });
}
