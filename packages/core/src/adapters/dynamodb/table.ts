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
    { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk", projection: "ALL" },
    { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk", projection: "ALL" },
    // Keys only: the admin console counts its entries (Select COUNT reads ~100 bytes an entry,
    // 10,000 clients in one or two pages) and reads the items it lists by key (decision 0033).
    { name: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk", projection: "KEYS_ONLY" },
  ],
} as const;

export type IndexName = (typeof TABLE.indexes)[number]["name"];

/** One index's CreateTable / UpdateTable definition. */
export function indexDefinition(i: (typeof TABLE.indexes)[number]) {
  return {
    IndexName: i.name,
    KeySchema: [
      { AttributeName: i.partitionKey, KeyType: "HASH" as const },
      { AttributeName: i.sortKey, KeyType: "RANGE" as const },
    ],
    Projection: { ProjectionType: i.projection },
  };
}

/** The CreateTable request for DynamoDB Local (on-demand, each index with its projection). */
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
    GlobalSecondaryIndexes: TABLE.indexes.map(indexDefinition),
  };
}
