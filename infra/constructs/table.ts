import { TABLE } from "@coachflow/core/adapters/dynamodb/table";
import { RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, BillingMode, Table } from "aws-cdk-lib/aws-dynamodb";
import { Effect, type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";

/**
 * The single table, derived from `TABLE` (core/adapters/dynamodb/table.ts), the same object the
 * adapters and DynamoDB Local use: keys, TTL attribute and indexes cannot drift from the code.
 */
export class AppTable extends Construct {
  readonly table: Table;
  /** The ARNs of the table's indexes, one per index in `TABLE` (for exact IAM resources). */
  readonly indexArns: string[];

  constructor(scope: Construct, id: string, props: { tableName: string; retain: boolean }) {
    super(scope, id);
    this.table = new Table(this, "Table", {
      tableName: props.tableName,
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }
    this.indexArns = TABLE.indexes.map((i) => `${this.table.tableArn}/index/${i.name}`);
  }

  /**
   * Exactly `actions` on the table (and on its indexes when `indexes` is set); `leadingKeys`
   * restricts the partition keys the grantee may touch (`dynamodb:LeadingKeys`). A PartiQL SELECT
   * is allowed only as the queries it stands for: one that would scan is denied (decision 0028).
   */
  grant(
    grantee: IGrantable,
    actions: string[],
    opts: { indexes?: boolean; leadingKeys?: string } = {},
  ): void {
    const resources = [this.table.tableArn, ...(opts.indexes ? this.indexArns : [])];
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: actions.map((a) => `dynamodb:${a}`),
        resources,
        ...(opts.leadingKeys
          ? { conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [opts.leadingKeys] } } }
          : {}),
      }),
    );
    if (actions.includes("PartiQLSelect"))
      grantee.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.DENY,
          actions: ["dynamodb:PartiQLSelect"],
          resources,
          conditions: { Bool: { "dynamodb:FullTableScan": ["true"] } },
        }),
      );
  }
}
