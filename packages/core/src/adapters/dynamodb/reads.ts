import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { Key } from "./keys";

/** Every item a Query finds, page after page. */
export async function queryPages(db: DynamoDBDocumentClient, input: QueryCommandInput) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return items;
}

/** How many items a query matches (`Select: COUNT`), page after page. */
export async function countPages(db: DynamoDBDocumentClient, input: QueryCommandInput) {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.send(new QueryCommand({ ...input, Select: "COUNT", ExclusiveStartKey: start }));
    total += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return total;
}

/**
 * These items, read consistently: 100 keys per BatchGetItem, unprocessed keys asked again. `also`:
 * more of the request (a projection).
 */
export async function batchGetAll(
  db: DynamoDBDocumentClient,
  table: string,
  wanted: readonly Key[],
  also?: object,
) {
  const found: Record<string, unknown>[] = [];
  const unique = [...new Map(wanted.map((k) => [`${k.pk}\n${k.sk}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [table]: { Keys: unique.slice(i, i + 100), ConsistentRead: true, ...also },
    };
    while (request && Object.keys(request).length > 0) {
      const res = await db.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(res.Responses?.[table] ?? []));
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return found;
}
