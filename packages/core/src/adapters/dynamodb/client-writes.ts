import { foldName } from "../../admin/fold-name";
import type { Client } from "../../clients/model";
import type { IntakeRecord } from "../../ports";
import { type CountedPlan, phaseTally, watched } from "./figures";
import { keys } from "./keys";

export { sendCounted } from "./figures";

/**
 * The writes that save a client, as TransactItems: the profile (created, or updated over the
 * version read) and its email record (the email's lock and the intake's one read), each with its
 * condition. `save` sends them; confirming pending answers sends them with the pending item's
 * delete (pending-answers.ts), so the two cannot drift apart.
 */
export function clientWrites(tableName: string, client: Client) {
  return clientPlan(tableName, client, assumedPhase(client)).items;
}

/**
 * The phase (`gsi3pk`) a save assumes its client is listed in before it: none for a new one, else
 * the status it was read with (`from`), or its status. The write is conditioned on it and counts
 * the move (figures.ts, decision 0035); a wrong guess costs one more call, never a wrong count.
 */
export function assumedPhase(client: Client, from?: Client["status"]): string | null | undefined {
  if (client.version === 1) return undefined;
  return keys.clientPhase(from ?? client.status, "", "").gsi3pk;
}

const ADVANCED = ["CLIENTS#booked", "CLIENTS#engaged", "CLIENTS#ended"];

/**
 * `clientWrites` for a client listed in `phase` before the save (`undefined`: a new client), with
 * the phase counters' move: a booking or engagement moved the client on for good (`phaseKey`),
 * else the list follows the status.
 */
export function clientPlan(tableName: string, client: Client, phase: string | null | undefined): CountedPlan {
  const creating = client.version === 1;
  const record: IntakeRecord = {
    clientId: client.id,
    answersHash: client.answersHash,
    status: client.status,
    matches: client.matches,
    version: client.version,
    createdAt: client.createdAt,
  };
  const listed = keys.clientPhase(client.status, "", "").gsi3pk;
  const to = phase && ADVANCED.includes(phase) ? phase : listed;
  const items: CountedPlan["items"] = [
    creating
      ? { Put: createClient(tableName, client) }
      : { Update: watched(updateClient(tableName, client), "gsi3pk", phase) },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.clientEmail(client.email),
          ...keys.clientEmailListing(client.email),
          type: "clientEmail",
          ...record,
        },
        ...(creating
          ? { ConditionExpression: "attribute_not_exists(pk)" }
          : {
              ConditionExpression: "clientId = :id",
              ExpressionAttributeValues: { ":id": client.id },
            }),
      },
    },
  ];
  return {
    items,
    watched: creating ? [] : [{ at: 0, attribute: "gsi3pk" }],
    tally: phaseTally(creating ? null : phase, to),
  };
}

function createClient(tableName: string, client: Client) {
  return {
    TableName: tableName,
    Item: {
      ...keys.client(client.id),
      ...keys.clientListing(client.id),
      ...keys.clientPhase(client.status, client.createdAt, client.id),
      ...keys.clientName(foldName(client.name), client.id),
      type: "client",
      ...client,
    },
    ConditionExpression: "attribute_not_exists(pk)",
  };
}

/**
 * Sets the fields the caller owns and removes the optional intake answers it left out; any other
 * attribute on the item (written by later steps of the journey) is kept.
 */
function updateClient(tableName: string, client: Client) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":prev": client.version - 1 };
  const sets: string[] = [];
  for (const [k, v] of Object.entries(client)) {
    if (k === "id" || k === "createdAt" || v === undefined || (LATER_STEPS as readonly string[]).includes(k))
      continue;
    names[`#${k}`] = k;
    values[`:${k}`] = v;
    sets.push(`#${k} = :${k}`);
  }
  // The console's indexes (decision 0033): the name may change; the phase only while no booking
  // or engagement moved the client on (`phaseKey`, which those writes set, wins).
  const phase = keys.clientPhase(client.status, client.createdAt, client.id);
  Object.assign(values, { ":p3": phase.gsi3pk, ":s3": phase.gsi3sk });
  sets.push("gsi3pk = if_not_exists(phaseKey, :p3), gsi3sk = if_not_exists(gsi3sk, :s3)");
  // An unverified booking's own profile keeps gsi2 for the admin's list of them (decision 0030).
  if (!client.unverified) {
    const name = keys.clientName(foldName(client.name), client.id);
    Object.assign(values, { ":p2": name.gsi2pk, ":s2": name.gsi2sk });
    sets.push("gsi2pk = :p2, gsi2sk = :s2");
  }
  const removed = OPTIONAL_ANSWERS.filter((k) => client[k] === undefined);
  for (const k of removed) names[`#${k}`] = k;
  const remove = removed.length > 0 ? ` REMOVE ${removed.map((k) => `#${k}`).join(", ")}` : "";
  return {
    TableName: tableName,
    Key: keys.client(client.id),
    UpdateExpression: `SET ${sets.join(", ")}${remove}`,
    ConditionExpression: "version = :prev",
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * Fields later steps of the journey own and write on their own (goals, engagement, nudges); a save
 * of answers or matches never writes them back, so a stale copy cannot undo a newer change.
 */
const LATER_STEPS = [
  "smartGoals",
  "engagement",
  "engagementVersion",
  "nudgesOff",
] as const satisfies readonly (keyof Client)[];

/** Intake answers a resubmission may leave out; leaving one out clears it. */
const OPTIONAL_ANSWERS = ["seniority", "team", "goals"] as const satisfies readonly (keyof Client)[];
