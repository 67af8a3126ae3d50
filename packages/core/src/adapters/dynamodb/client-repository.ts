import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { foldName } from "../../admin/fold-name";
import type { Client } from "../../clients/model";
import { ConditionFailedError } from "../../errors";
import type { ClientRepository, IntakeRecord, StoredIdempotentResponse, StoreWrites } from "../../ports";
import type { Goal } from "../../sessions/model";
import { conflictedTransaction, failedConditions } from "./errors";
import { keys, stripKeys } from "./keys";
import { suppressionKey } from "./suppression";

/** How long a stored `Idempotency-Key` response is kept (DynamoDB TTL removes it afterwards). */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export class DynamoClientRepository implements ClientRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<Client | undefined> {
    // Consistent: an optimistic-lock write on `version` usually follows this read.
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.client(id), ConsistentRead: true }),
    );
    return res.Item ? stripKeys<Client>(res.Item) : undefined;
  }

  /**
   * One read for an intake: the email's record, whether the address is suppressed (bounced or
   * complained), and, when a key is given, the stored response of that `Idempotency-Key`.
   */
  async readForIntake(
    email: string,
    idempotencyKey?: string,
  ): Promise<{ record?: IntakeRecord; idempotent?: StoredIdempotentResponse; suppressed?: boolean }> {
    const recordKey = keys.clientEmail(email);
    const suppressed = suppressionKey(email);
    const idemKey = idempotencyKey ? keys.idempotency("intake", idempotencyKey) : undefined;
    const res = await this.db.send(
      new BatchGetCommand({
        RequestItems: {
          [this.tableName]: {
            Keys: [recordKey, suppressed, ...(idemKey ? [idemKey] : [])],
            ConsistentRead: true,
          },
        },
      }),
    );
    const items = res.Responses?.[this.tableName] ?? [];
    const record = items.find((i) => i.pk === recordKey.pk);
    // TTL deletes expired items within days, not at once: an expired response is not replayed.
    const idem = idemKey && items.find((i) => i.pk === idemKey.pk && Number(i.expiresAt) * 1000 > Date.now());
    return {
      ...(record ? { record: stripKeys<IntakeRecord>(record) } : {}),
      ...(idem ? { idempotent: stripKeys<StoredIdempotentResponse>(idem) } : {}),
      ...(items.some((i) => i.pk === suppressed.pk) ? { suppressed: true } : {}),
    };
  }

  async save(
    client: Client,
    opts: { idempotency?: { key: string } & StoredIdempotentResponse; also?: StoreWrites } = {},
  ): Promise<void> {
    const idem = opts.idempotency;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...clientWrites(this.tableName, client),
            ...(idem ? [{ Put: idempotencyPut(this.tableName, idem, client.updatedAt, client.id) }] : []),
            ...((opts.also ?? []) as []),
          ],
        }),
      );
    } catch (error) {
      if (failedConditions(error) || conflictedTransaction(error)) {
        throw new ConditionFailedError("the client changed meanwhile", undefined, { cause: error });
      }
      throw error;
    }
  }

  async markForRetry(email: string, clientId: string, idempotencyKey?: string): Promise<void> {
    const mark = {
      TableName: this.tableName,
      Key: keys.clientEmail(email),
      UpdateExpression: "SET retry = :yes",
      ConditionExpression: "clientId = :id",
      ExpressionAttributeValues: { ":yes": true, ":id": clientId },
    };
    if (!idempotencyKey) {
      await this.db.send(new UpdateCommand(mark));
      return;
    }
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: mark },
          { Delete: { TableName: this.tableName, Key: keys.idempotency("intake", idempotencyKey) } },
        ],
      }),
    );
  }

  async setGoals(clientId: string, goals: Goal[], now: string): Promise<void> {
    await this.setFields(clientId, { smartGoals: goals, updatedAt: now });
  }

  async setNudgesOff(clientId: string, off: boolean, now: string): Promise<void> {
    await this.setFields(clientId, { nudgesOff: off, updatedAt: now });
  }

  /** Sets fields that belong to later steps of the journey; the intake's `version` is left alone. */
  private async setFields(clientId: string, fields: Record<string, unknown>): Promise<void> {
    const names = Object.fromEntries(Object.keys(fields).map((k) => [`#${k}`, k]));
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [`:${k}`, v]));
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.client(clientId),
        UpdateExpression: `SET ${Object.keys(fields)
          .map((k) => `#${k} = :${k}`)
          .join(", ")}`,
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }
}

/**
 * The writes that save a client, as TransactItems: the profile (created, or updated over the
 * version read) and its email record (the email's lock and the intake's one read), each with its
 * condition. `save` sends them; confirming pending answers sends them with the pending item's
 * delete (pending-answers.ts), so the two cannot drift apart.
 */
export function clientWrites(tableName: string, client: Client) {
  const creating = client.version === 1;
  const record: IntakeRecord = {
    clientId: client.id,
    answersHash: client.answersHash,
    status: client.status,
    matches: client.matches,
    version: client.version,
    createdAt: client.createdAt,
  };
  return [
    creating ? { Put: createClient(tableName, client) } : { Update: updateClient(tableName, client) },
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

/** A stored response of an `Idempotency-Key`, on the client's responses (gsi1) for an erasure. */
export function idempotencyPut(
  tableName: string,
  idem: { key: string } & StoredIdempotentResponse,
  now: string,
  clientId: string,
) {
  return {
    TableName: tableName,
    Item: {
      ...keys.idempotency("intake", idem.key),
      ...keys.clientResponses(clientId, idem.key),
      type: "idempotency",
      requestHash: idem.requestHash,
      status: idem.status,
      body: idem.body,
      expiresAt: Math.floor(Date.parse(now) / 1000) + IDEMPOTENCY_TTL_SECONDS,
    },
    ConditionExpression: "attribute_not_exists(pk)",
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
