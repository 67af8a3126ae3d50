import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { retryErrorType } from "../../packages/core/src/adapters/aws/retry";
import { errorFromAnswer } from "../../packages/core/src/adapters/aws/service-error";
import { ensureTable } from "../../packages/core/src/adapters/dynamodb/ensure-table";
import { DynamoSendLedger } from "../../packages/core/src/adapters/dynamodb/send-ledger";
import { FAULT_KINDS, FaultProxy, type FaultRates, RunKiller, type Service } from "./fault-proxy";
import { SeededRandom } from "./seeded-random";

const noFaults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as FaultRates;
const proxyFor = (service: Service, target?: string) =>
  new FaultProxy(service, new SeededRandom(7), noFaults, new RunKiller(), target).start();

describe("fault proxy", () => {
  it.each([
    ["dynamodb", 400, "ThrottlingException|ProvisionedThroughputExceededException"],
    ["ses", 429, "TooManyRequestsException"],
    ["scheduler", 429, "ThrottlingException"],
  ] as const)("answers %s's throttling error in its wire shape", async (service, status, names) => {
    const proxy = await proxyFor(service);
    try {
      proxy.script("throttle");
      const res = await fetch(`${proxy.endpoint}/`, { method: "POST", body: "{}" });
      const error = errorFromAnswer(res.status, Object.fromEntries(res.headers), await res.text());

      expect(res.status).toBe(status);
      expect(error.name).toMatch(new RegExp(`^(${names})$`));
      expect(retryErrorType(error)).toBe("THROTTLING");
      expect(proxy.counts.injected.throttle).toBe(1);
    } finally {
      await proxy.stop();
    }
  });

  it("cuts every call of a killed run after its k-th", async () => {
    const killer = new RunKiller();
    const proxy = await new FaultProxy("ses", new SeededRandom(7), noFaults, killer).start();
    try {
      killer.arm(1);
      proxy.script("error-500", "error-500");
      const first = await fetch(`${proxy.endpoint}/`, { method: "POST", body: "{}" });
      const second = fetch(`${proxy.endpoint}/`, { method: "POST", body: "{}" });

      expect(first.status).toBe(500);
      await expect(second).rejects.toThrow();
      expect(killer.cut).toBe(1);
    } finally {
      await proxy.stop();
    }
  });
});

describe("send ledger through a lost answer", () => {
  let proxy: FaultProxy;
  let db: DynamoDBDocumentClient;
  let ledger: DynamoSendLedger;

  beforeAll(async () => {
    proxy = await proxyFor("dynamodb", inject("dynamoEndpoint"));
    const client = new DynamoDBClient({ endpoint: proxy.endpoint });
    const table = `faults-ledger-${randomUUID()}`;
    await ensureTable(client, table);
    db = DynamoDBDocumentClient.from(client);
    ledger = new DynamoSendLedger(db, table, () => new Date());
  });
  afterAll(async () => {
    db.destroy();
    await proxy.stop();
  });

  it("a claim whose answer was lost is still the claimer's when the SDK retries it", async () => {
    // The PutItem reaches DynamoDB and its answer is lost; the SDK sends it again.
    proxy.script("drop-after");

    const claim = await ledger.claim(`k-${randomUUID()}`, { job: "booking-confirmation" });

    expect(proxy.counts.injected["drop-after"]).toBe(1);
    expect(proxy.counts.sdkRetries).toBe(1);
    expect(claim).toBe("claimed");
  });

  it("a claim whose every answer was lost is taken back, so the send is not left to end unknown", async () => {
    // Every attempt of the claim reaches DynamoDB and loses its answer (the client makes 4), so
    // the call fails with the claim written; its DeleteItem loses two answers too, then lands.
    const key = `k-${randomUUID()}`;
    proxy.script(...Array.from({ length: 6 }, () => "drop-after" as const));
    const before = proxy.counts.requests;

    await expect(ledger.claim(key, { job: "booking-confirmation" })).rejects.toThrow();

    expect(proxy.counts.requests - before).toBe(7);
    // Taken back: the next claim is a new one, not "busy" (and "unknown" after the lease).
    expect(await ledger.claim(key, { job: "booking-confirmation" })).toBe("claimed");
  });

  it("another sender's live claim is still busy", async () => {
    const key = `k-${randomUUID()}`;
    await ledger.claim(key, { job: "booking-confirmation" });

    expect(await ledger.claim(key, { job: "booking-confirmation" })).toBe("busy");
  });
});
