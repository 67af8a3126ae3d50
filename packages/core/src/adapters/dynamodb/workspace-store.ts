import { ExecuteStatementCommand } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { ConditionFailedError, notFound } from "../../errors";
import type { ActionItem } from "../../followups/model";
import type { Session } from "../../sessions/model";
import type { SessionClaim } from "../../web-auth/session-claim";
import type {
  ClientRef,
  FirstReads,
  FirstWants,
  HomeSessionFields,
  WorkspaceReads,
} from "../../workspace/ports";
import type {
  TalkingPoint,
  TalkingPointList,
  TalkingPointStore,
  TalkingPoints,
} from "../../workspace/talking-points";
import { failedConditions } from "./errors";
import { type Key, keys, stripKeys } from "./keys";
import { batchGetAll, queryPages } from "./reads";
import { itemVersionCondition, sessionBump } from "./session-part";

type Item = Record<string, unknown>;

/**
 * What the home page's read carries: web session, coach, and client names with what says whether
 * the coach has them (decision 0030); no profile, answers or notes.
 */
const NAMES_ONLY = {
  ProjectionExpression:
    "pk, sk, id, #n, #tz, active, coachId, idHash, createdAtMs, lastSeenAtMs, matches, engagement, unverified",
  // Both are DynamoDB reserved words.
  ExpressionAttributeNames: { "#n": "name", "#tz": "timezone" },
};

const talkingPointsOf = (item: Item | undefined): TalkingPoints => ({
  points: Array.isArray(item?.points) ? (item.points as TalkingPoint[]) : [],
  dismissed: Array.isArray(item?.dismissed) ? (item.dismissed as string[]) : [],
  version: typeof item?.version === "number" ? item.version : 0,
});

/** The coach workspace's own items and reads: talking points, and the reads its pages need in few calls. */
export class DynamoWorkspaceStore implements TalkingPointStore, WorkspaceReads {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getTalkingPoints(sessionId: string): Promise<TalkingPoints> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.talkingPoints(sessionId), ConsistentRead: true }),
    );
    return talkingPointsOf(res.Item);
  }

  async putTalkingPoints(
    sessionId: string,
    coachId: string,
    list: TalkingPointList,
    expectedVersion: number,
    now: string,
  ): Promise<void> {
    const { values, ...condition } = itemVersionCondition(expectedVersion);
    try {
      // With the session's version bump, as every write into a session's partition (decision 0009).
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            sessionBump(this.tableName, sessionId),
            {
              Put: {
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
                ...condition,
                ...(values ? { ExpressionAttributeValues: values } : {}),
              },
            },
          ],
        }),
      );
    } catch (error) {
      const failed = failedConditions(error);
      // The session was merged away since it was read: its points are the kept session's now.
      if (failed?.includes(0)) throw notFound("session");
      if (failed) throw new ConditionFailedError("changed meanwhile", undefined, { cause: error });
      throw error;
    }
  }

  async firstReads(claim: SessionClaim, wants: FirstWants): Promise<FirstReads> {
    const { sessionId: s, clientId, names } = wants;
    const found = await batchGetAll(
      this.db,
      this.tableName,
      [
        keys.webSession(claim.idHash),
        keys.coach(claim.coachId),
        ...(s ? [keys.session(s), keys.sessionNotes(s), keys.talkingPoints(s)] : []),
        ...(clientId ? [keys.client(clientId)] : []),
        ...(names ?? []).map((id) => keys.client(id)),
      ],
      names && NAMES_ONLY,
    );
    const item = (k?: Key) => k && found.find((i) => i.pk === k.pk && i.sk === k.sk);
    const got = <T>(k?: Key) => {
      const i = item(k);
      return i ? stripKeys<T>(i) : undefined;
    };
    const notes = item(s ? keys.sessionNotes(s) : undefined);
    return {
      webSession: got(keys.webSession(claim.idHash)),
      coach: got(keys.coach(claim.coachId)),
      session: got(s ? keys.session(s) : undefined),
      ...(notes
        ? {
            notes: {
              notes: String(notes.notes),
              updatedAt: String(notes.updatedAt),
              version: typeof notes.version === "number" ? notes.version : 0,
            },
          }
        : {}),
      talkingPoints: talkingPointsOf(item(s ? keys.talkingPoints(s) : undefined)),
      client: got(clientId ? keys.client(clientId) : undefined),
      names: new Map(
        found
          .filter((i) => String(i.pk).startsWith("CLIENT#"))
          .map((i) => [String(i.id), stripKeys<ClientRef>(i)]),
      ),
    };
  }

  async clientRecords(clientId: string): Promise<{ sessions: Session[]; actionItems: ActionItem[] }> {
    const sessionsPk = keys.clientSessions(clientId, "", "").gsi1pk;
    const found: Item[] = [];
    let next: string | undefined;
    // One statement over both partitions of the index: `IN` on its partition key runs as a query
    // of each (no scan), in one call (decision 0028).
    do {
      const res = await this.db.send(
        new ExecuteStatementCommand({
          Statement: `SELECT * FROM "${this.tableName}"."gsi1" WHERE gsi1pk IN [?, ?]`,
          Parameters: [{ S: sessionsPk }, { S: keys.clientActionItems(clientId, "", "").gsi1pk }],
          NextToken: next,
        }),
      );
      // The SDK's own command (the document client's would add its marshalling code for one call).
      found.push(...(res.Items ?? []).map((i) => unmarshall(i)));
      next = res.NextToken;
    } while (next);
    const of = <T>(sessions: boolean) =>
      found.filter((i) => (i.gsi1pk === sessionsPk) === sessions).map((i) => stripKeys<T>(i));
    return { sessions: of<Session>(true), actionItems: of<ActionItem>(false) };
  }

  async scheduledSessionsOfCoach(coachId: string, from: string, to: string): Promise<HomeSessionFields[]> {
    const items = await queryPages(this.db, {
      TableName: this.tableName,
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :p AND gsi2sk BETWEEN :from AND :to",
      // Finished and cancelled sessions stay in the table's answer: only the fields shown travel.
      FilterExpression: "#s = :scheduled",
      ProjectionExpression: "id, clientId, coachId, #k, #n, startsAt, endsAt, #s",
      ExpressionAttributeNames: { "#s": "status", "#k": "kind", "#n": "number" },
      ExpressionAttributeValues: {
        ":p": keys.coachSessions(coachId, "", "").gsi2pk,
        ":from": from,
        ":to": `${to}~`,
        ":scheduled": "scheduled",
      },
    });
    return items as unknown as HomeSessionFields[];
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
}
