import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { ConditionFailedError } from "../../errors";
import type { ProgramSettingsStore, StoredProgramSettings } from "../../ports";
import type { AgendaTemplates } from "../../program/schema";
import { failedConditions } from "./errors";
import { keys } from "./keys";

/** The program settings item, its agenda history and the clients' usage counters. */
export class DynamoProgramStore implements ProgramSettingsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(): Promise<StoredProgramSettings | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.programSettings(), ConsistentRead: true }),
    );
    const item = res.Item;
    return item
      ? { settings: item.settings, version: Number(item.version), updatedAt: String(item.updatedAt) }
      : undefined;
  }

  async write(next: StoredProgramSettings, previousVersion: number): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.programSettings(), type: "programSettings", ...next },
                ...(previousVersion === 0
                  ? { ConditionExpression: "attribute_not_exists(pk)" }
                  : {
                      ConditionExpression: "version = :prev",
                      ExpressionAttributeValues: { ":prev": previousVersion },
                    }),
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.programAgendas(next.updatedAt, next.version),
                  type: "programAgendas",
                  version: next.version,
                  agendaTemplates: next.settings.agendaTemplates,
                },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (failedConditions(error)) {
        throw new ConditionFailedError("the program settings changed meanwhile", undefined, { cause: error });
      }
      throw error;
    }
  }

  async agendaTemplatesAt(at: string): Promise<AgendaTemplates | undefined> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues: { ":pk": "PROGRAM", ":from": "AGENDAS#", ":to": `AGENDAS#${at}#~` },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    return res.Items?.[0]?.agendaTemplates as AgendaTemplates | undefined;
  }

  async clientUses(): Promise<Record<string, number>> {
    const uses: Record<string, number> = {};
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :uses)",
          ExpressionAttributeValues: { ":pk": "PROGRAM", ":uses": "USES#" },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of res.Items ?? []) uses[String(item.sk).slice("USES#".length)] = Number(item.clients);
      start = res.LastEvaluatedKey;
    } while (start);
    return uses;
  }
}

/**
 * The counter updates for a client whose counted words go from `before` to `after`, as items of
 * the transaction that writes the client (so a count never drifts from what is stored).
 */
export function useCounterUpdates(tableName: string, before: readonly string[], after: readonly string[]) {
  const delta = new Map<string, number>();
  for (const u of before) delta.set(u, (delta.get(u) ?? 0) - 1);
  for (const u of after) delta.set(u, (delta.get(u) ?? 0) + 1);
  return [...delta]
    .filter(([, n]) => n !== 0)
    .map(([use, n]) => ({
      Update: {
        TableName: tableName,
        Key: keys.programUse(use),
        UpdateExpression: "ADD clients :n SET #type = :type",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: { ":n": n, ":type": "programUse" },
      },
    }));
}
