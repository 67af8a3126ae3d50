import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { EngagementChange } from "../../ports";
import { phaseTally, sendCounted, watched } from "./figures";
import { keys } from "./keys";

/**
 * Sends `items` (followup-store.ts: a finished session's, or none) with an engagement change: the
 * client's engagement and its list on the console (decision 0033), conditioned on the list it
 * leaves and counted (decision 0035), and the coaches' load. The guess: an active engagement's
 * client is engaged, an ended one's ended, else booked (an engagement follows a session); a
 * wrong one costs the transaction once more.
 */
export function sendWithEngagement(
  db: DynamoDBDocumentClient,
  table: string,
  // biome-ignore lint/suspicious/noExplicitAny: TransactItems as followup-store.ts builds them
  items: any[],
  change: EngagementChange,
  now: string,
): Promise<void> {
  const guess = keys.clientPhase(
    change.previous ? (change.previous.status === "active" ? "engaged" : "ended") : "booked",
    "",
    "",
  ).gsi3pk;
  const to = keys.clientPhase(change.next.status === "active" ? "engaged" : "ended", "", "").gsi3pk;
  return sendCounted(db, table, [guess], ([from]) => ({
    items: [...items, ...engagementWrites(table, change, now, from)],
    watched: [{ at: items.length, attribute: "gsi3pk" }],
    tally: phaseTally(from, to),
  }));
}

function engagementWrites(t: string, change: EngagementChange, now: string, from: string | null | undefined) {
  const load = new Map<string, number>();
  const add = (coachId: string, delta: number) => load.set(coachId, (load.get(coachId) ?? 0) + delta);
  if (change.previous?.status === "active") add(change.previous.coachId, -1);
  if (change.next.status === "active") add(change.next.coachId, +1);
  return [
    {
      Update: watched(
        {
          TableName: t,
          Key: keys.client(change.clientId),
          // The console's phase follows the engagement (decision 0033).
          UpdateExpression:
            "SET engagement = :e, engagementVersion = :next, updatedAt = :now, phaseKey = :phase, gsi3pk = :phase",
          ConditionExpression:
            change.version === 0
              ? "attribute_exists(pk) AND attribute_not_exists(engagementVersion)"
              : "engagementVersion = :read",
          ExpressionAttributeValues: {
            ":e": change.next,
            ":phase": keys.clientPhase(change.next.status === "active" ? "engaged" : "ended", "", "").gsi3pk,
            ":next": change.version + 1,
            ":now": now,
            ...(change.version === 0 ? {} : { ":read": change.version }),
          },
        },
        "gsi3pk",
        from,
      ),
    },
    ...[...load]
      .filter(([, delta]) => delta !== 0)
      .map(([coachId, delta]) => ({
        Update: {
          TableName: t,
          Key: keys.coach(coachId),
          UpdateExpression: "ADD activeClients :d",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":d": delta },
        },
      })),
  ];
}
