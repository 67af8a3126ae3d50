import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
} from "@aws-sdk/lib-dynamodb";
import { ConditionFailedError } from "../../errors";
import type { ActionItem } from "../../followups/model";
import type { ClientRef, CoachPrivate, CoachRef, WorkspaceReads } from "../../workspace/ports";
import type {
  TalkingPoint,
  TalkingPointList,
  TalkingPointStore,
  TalkingPoints,
} from "../../workspace/talking-points";
import { failedConditions } from "./errors";
import { keys, stripKeys } from "./keys";

/** The coach workspace's own items and reads: talking points, and the reads its pages need in few calls. */
export class DynamoWorkspaceStore implements TalkingPointStore, WorkspaceReads {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getTalkingPoints(sessionId: string): Promise<TalkingPoints> {
    return (await this.coachPrivate(sessionId)).talkingPoints;
  }

  async putTalkingPoints(
    sessionId: string,
    coachId: string,
    list: TalkingPointList,
    expectedVersion: number,
    now: string,
  ): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.talkingPoints(sessionId),
            type: "talkingPoints",
            sessionId,
            coachId,
            points: list.points,
            dismissed: list.dismissed,
            version: expectedVersion + 1,
            updatedAt: now,
          },
          ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "version = :v",
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ":v": expectedVersion } }),
        }),
      );
    } catch (error) {
      if (failedConditions(error))
        throw new ConditionFailedError("changed meanwhile", undefined, { cause: error });
      throw error;
    }
  }

  /** The coach's own items of a session (notes, talking points) in one query of its partition. */
  async coachPrivate(sessionId: string): Promise<CoachPrivate> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        // NOTES < SESSION < TALKINGPOINTS: the range holds the session item too, which is skipped
        // (a filter cannot name a key attribute).
        KeyConditionExpression: "pk = :p AND sk BETWEEN :notes AND :points",
        ExpressionAttributeValues: {
          ":p": keys.session(sessionId).pk,
          ":notes": keys.sessionNotes(sessionId).sk,
          ":points": keys.talkingPoints(sessionId).sk,
        },
        ConsistentRead: true,
      }),
    );
    const items = res.Items ?? [];
    const notes = items.find((i) => i.sk === keys.sessionNotes(sessionId).sk);
    const points = items.find((i) => i.sk === keys.talkingPoints(sessionId).sk);
    return {
      ...(typeof notes?.updatedAt === "string" ? { notesSavedAt: notes.updatedAt } : {}),
      talkingPoints: {
        points: Array.isArray(points?.points) ? (points.points as TalkingPoint[]) : [],
        dismissed: Array.isArray(points?.dismissed) ? (points.dismissed as string[]) : [],
        version: typeof points?.version === "number" ? points.version : 0,
      },
    };
  }

  async openActionItemsOfCoach(coachId: string, dueBefore: string, limit: number): Promise<ActionItem[]> {
    // Latest due first, one page: the home page lists the most recent ones.
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :p AND gsi2sk < :before",
        ExpressionAttributeValues: {
          ":p": keys.coachOpenActionItems(coachId, "", "").gsi2pk,
          ":before": dueBefore,
        },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    // The index is eventually consistent: an item marked done a moment ago may still be listed.
    return (res.Items ?? []).map((i) => stripKeys<ActionItem>(i)).filter((i) => !i.done);
  }

  async clientsAndCoach(clientIds: readonly string[], coachId: string) {
    const wanted = [keys.coach(coachId), ...[...new Set(clientIds)].map((id) => keys.client(id))];
    const clients = new Map<string, ClientRef>();
    let coach: CoachRef | undefined;
    for (let i = 0; i < wanted.length; i += 100) {
      let request: BatchGetCommandInput["RequestItems"] = {
        [this.tableName]: {
          Keys: wanted.slice(i, i + 100),
          // Only what the pages show, and whom the coach has (0030): no profile, answers or notes travel.
          ProjectionExpression: "pk, id, #n, #tz, active, matches, engagement, unverified",
          // Both are DynamoDB reserved words.
          ExpressionAttributeNames: { "#n": "name", "#tz": "timezone" },
        },
      };
      while (request && Object.keys(request).length > 0) {
        const res: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of res.Responses?.[this.tableName] ?? []) {
          if (String(item.pk).startsWith("COACH#")) coach = stripKeys<CoachRef>(item);
          else {
            const client = stripKeys<ClientRef>(item);
            clients.set(client.id, client);
          }
        }
        request = res.UnprocessedKeys;
      }
    }
    return { clients, coach };
  }
}
