import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { AwsCaller } from "../../packages/core/src/adapters/aws";
import { ensureTable } from "../../packages/core/src/adapters/dynamodb/ensure-table";
import { keys } from "../../packages/core/src/adapters/dynamodb/keys";
import { DynamoSendLedger } from "../../packages/core/src/adapters/dynamodb/send-ledger";
import { SES_V2, SesEmailSender } from "../../packages/core/src/adapters/ses";
import { Mailer } from "../../packages/core/src/notifications/mailer";
import type { Logger } from "../../packages/core/src/ports";
import { type JobOutcome, sendOnce } from "../../packages/core/src/sessions/jobs";
import { type Answer, quickBackoff, startAwsAnswers } from "../support/aws-answers";
import { type Fault, startFaultEndpoint } from "../support/fault-endpoint";

/**
 * Nothing dropped, nothing twice: one email sent through the send ledger (`sendOnce`: checks →
 * claim → send → complete, release, markUnknown or markFailed) with the real Mailer, SES sender
 * and caller, the ledger in DynamoDB Local, and an SES endpoint that fails. A failure that sent
 * nothing gives the key back, so a later firing sends; one after which SES may have sent it keeps
 * the key, marked unknown (outcome-unknown), and is never sent again: at most once (decision 0012).
 */

const dynamodb = new DynamoDBClient({
  region: "us-east-1",
  endpoint: inject("dynamoEndpoint"),
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const doc = DynamoDBDocumentClient.from(dynamodb);
const table = `send-faults-${randomUUID()}`;
const ledger = new DynamoSendLedger(doc, table, () => new Date());
const logger: Logger = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  await ensureTable(dynamodb, table);
});
afterAll(() => dynamodb.destroy());

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** One logical send of `key` through SES at `endpoint`: what `sendOnce` answers, or throws. */
async function sendVia(
  endpoint: string,
  key: string,
): Promise<{ outcome?: JobOutcome; thrown?: Error & { transient?: boolean } }> {
  const caller = new AwsCaller({
    service: SES_V2,
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    connectionTimeoutMs: 150,
    requestTimeoutMs: 600,
    retry: { maxAttempts: 3, backoff: quickBackoff() },
  });
  closers.push(async () => caller.destroy());
  const mailer = new Mailer(new SesEmailSender(caller, { from: "hello@coachflow.test" }), "Program");
  return sendOnce({ ledger, logger, mailer }, key, { job: "test" }, async (gated) => {
    await gated.send("client@example.test", "intake-waitlisted", {
      programName: "Program",
      clientName: "Ada",
    });
  }).then(
    (outcome) => ({ outcome }),
    (error: unknown) => ({ thrown: error as Error & { transient?: boolean } }),
  );
}

async function fault(kind: Fault) {
  const endpoint = await startFaultEndpoint(kind);
  closers.push(() => endpoint.close());
  return endpoint;
}

async function answering(answers: Answer[]) {
  const server = await startAwsAnswers(answers);
  closers.push(() => server.close());
  return server;
}

const SENT: Answer = { status: 200, body: { MessageId: "0100-sent" } };
const ledgerEntry = async (key: string) =>
  (await doc.send(new GetCommand({ TableName: table, Key: keys.ledger(key), ConsistentRead: true }))).Item;
const ledgerStatus = async (key: string) => (await ledgerEntry(key))?.status;

describe("a send whose connection never opened: nothing was sent, so a later firing sends", () => {
  it.each([
    ["a connect timeout (no TCP handshake)", "no-handshake"],
    ["a refused connection", "refuse"],
  ] as const)("%s: retried, then the key is released", async (_what, kind) => {
    const key = `faults:${kind}:${randomUUID()}`;
    const broken = await fault(kind);

    const first = await sendVia(broken.endpoint, key);

    expect(first.thrown?.transient).toBe(true);
    expect(first.thrown?.cause).toMatchObject({ attempts: 3 });
    expect(broken.requests).toBe(0);
    expect(await ledgerStatus(key)).toBeUndefined();

    const ses = await answering([SENT]);
    expect(await sendVia(ses.endpoint, key)).toEqual({ outcome: "sent" });
    expect(ses.received).toHaveLength(1);
    expect(await ledgerStatus(key)).toBe("sent");
  });
});

describe("a send that may have reached SES and got no answer: at most once", () => {
  it.each([
    ["a response timeout", "hang"],
    ["a connection reset after the request", "reset"],
  ] as const)("%s: not retried, marked unknown, and no later firing sends it again", async (_what, kind) => {
    const key = `faults:${kind}:${randomUUID()}`;
    const broken = kind === "hang" ? await fault("hang") : await answering(["reset", SENT]);

    expect(await sendVia(broken.endpoint, key)).toEqual({ outcome: "failed" });

    expect("requests" in broken ? broken.requests : broken.received.length).toBe(1);
    expect(await ledgerEntry(key)).toMatchObject({ status: "unknown", failure: "outcome-unknown" });
    const ses = await answering([SENT]);
    expect(await sendVia(ses.endpoint, key)).toEqual({ outcome: "duplicate" });
    expect(ses.received).toHaveLength(0);
  });
});

describe("a sender that died between its claim and recording the outcome", () => {
  it("is not sent again once its lease is over: the outcome is recorded unknown", async () => {
    const key = `faults:died:${randomUUID()}`;
    const past = new Date(Date.now() - 10 * 60_000);
    expect(await new DynamoSendLedger(doc, table, () => past).claim(key, { job: "test" })).toBe("claimed");
    const ses = await answering([SENT]);

    expect(await sendVia(ses.endpoint, key)).toEqual({ outcome: "failed" });

    expect(ses.received).toHaveLength(0);
    expect(await ledgerEntry(key)).toMatchObject({ status: "unknown", failure: "outcome-unknown" });
    expect(await sendVia(ses.endpoint, key)).toEqual({ outcome: "duplicate" });
  });

  it("claims only after every check: a send skipped before SES leaves no entry", async () => {
    const key = `faults:skipped:${randomUUID()}`;
    const mailer = new Mailer({ send: () => Promise.reject(new Error("must not send")) }, "Program", {
      isSuppressed: async () => true,
      suppress: async () => {},
    });

    const outcome = await sendOnce({ ledger, logger, mailer }, key, { job: "test" }, (gated) =>
      gated.send("client@example.test", "intake-waitlisted", { programName: "Program", clientName: "Ada" }),
    );

    expect(outcome).toBe("stale");
    expect(await ledgerEntry(key)).toBeUndefined();
  });
});

describe("answers that say SES did not send: retried by the SDK's strategy", () => {
  const throttled: Answer = { status: 400, headers: { "x-amzn-errortype": "TooManyRequestsException" } };
  const busy: Answer = { status: 503, headers: { "x-amzn-errortype": "ServiceUnavailable" } };

  it.each([
    ["throttling", [throttled, SENT], 2],
    ["a 503, twice", [busy, busy, SENT], 3],
  ])("%s, then sent once", async (_what, answers, attempts) => {
    const key = `faults:answers:${randomUUID()}`;
    const ses = await answering(answers as Answer[]);

    expect(await sendVia(ses.endpoint, key)).toEqual({ outcome: "sent" });

    expect(ses.received).toHaveLength(attempts as number);
    expect(await ledgerStatus(key)).toBe("sent");
  });

  it("gives the key back when every attempt is refused with a 503", async () => {
    const key = `faults:answers:${randomUUID()}`;
    const ses = await answering([busy, busy, busy, SENT]);

    const first = await sendVia(ses.endpoint, key);

    expect(first.thrown?.transient).toBe(true);
    expect(ses.received).toHaveLength(3);
    expect(await ledgerStatus(key)).toBeUndefined();
  });
});
