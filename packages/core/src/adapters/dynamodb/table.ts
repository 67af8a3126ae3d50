import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * The single table, defined once: the adapters, the local stack and the CDK stack all derive
 * their table from this object, so the keys the code writes and the indexes AWS has cannot drift.
 * docs/data-model.md lists the access pattern each key and index serves.
 */
export const TABLE = {
  partitionKey: "pk",
  sortKey: "sk",
  ttlAttribute: "expiresAt",
  indexes: [
    { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  ],
} as const;

export type IndexName = (typeof TABLE.indexes)[number]["name"];

/** The CreateTable request for DynamoDB Local (on-demand, every index projecting all attributes). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyNames = [
    TABLE.partitionKey,
    TABLE.sortKey,
    ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: keyNames.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: "HASH" },
      { AttributeName: TABLE.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: "HASH" },
        { AttributeName: i.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
  };
}
