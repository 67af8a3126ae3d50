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
import { queryPages } from "./reads";

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
    // The clients' own answers, through the client listing (gsi1 `CLIENTS`): no counter to keep in
    // step, none to contend on in every intake, and clients stored before settings existed count too.
    const uses: Record<string, number> = {};
    const add = (use: string) => {
      uses[use] = (uses[use] ?? 0) + 1;
    };
    const listed = await queryPages(this.db, {
      TableName: this.tableName,
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :clients",
      ExpressionAttributeValues: { ":clients": keys.clientListing("").gsi1pk },
      ProjectionExpression: "sk, seniority, preferences.#style",
      ExpressionAttributeNames: { "#style": "style" },
    });
    for (const item of listed) {
      if (item.sk !== "PROFILE") continue;
      const style = (item.preferences as { style?: string } | undefined)?.style;
      if (style) add(`coachingStyles#${style}`);
      if (typeof item.seniority === "string") add(`seniorityLevels#${item.seniority}`);
    }
    return uses;
  }
}
