import { HttpRequest } from "@smithy/core/protocols";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterEach, describe, expect, it } from "vitest";
import { AwsServiceError } from "../../packages/core/src/adapters/aws/service-error";
import { AwsCaller } from "../../packages/core/src/adapters/aws/signed-request";
import { describeSesError, SES_V2, SesEmailSender } from "../../packages/core/src/adapters/ses";
import { type Fault, type FaultEndpoint, startFaultEndpoint } from "../support/fault-endpoint";

/**
 * What a SendEmail does when the network fails, against a real endpoint that fails (see
 * `fault-endpoint.ts`): a connection that never opened sent nothing and is tried again; a request
 * that reached the endpoint and got no answer is not, since SES may have sent the email.
 */

const open: { endpoint: FaultEndpoint; caller?: AwsCaller; handler?: NodeHttpHandler }[] = [];
afterEach(async () => {
  for (const { endpoint, caller, handler } of open.splice(0)) {
    caller?.destroy();
    handler?.destroy();
    await endpoint.close();
  }
});

async function faulty(fault: Fault) {
  const endpoint = await startFaultEndpoint(fault);
  const caller = new AwsCaller({
    service: SES_V2,
    region: "eu-west-1",
    endpoint: endpoint.endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    connectionTimeoutMs: 150,
    requestTimeoutMs: 600,
    retry: { maxAttempts: 3 },
  });
  open.push({ endpoint, caller });
  return { endpoint, caller, sender: new SesEmailSender(caller, { from: "hello@coachflow.test" }) };
}

const sendFails = (sender: SesEmailSender) =>
  sender.send({ to: "someone@example.test", template: "coach-brief", data: {} }).then(
    () => {
      throw new Error("expected the send to fail");
    },
    (e: unknown) => e as Error & { transient: boolean; cause: AwsServiceError },
  );

describe("the SDK's NodeHttpHandler errors this caller classifies on", () => {
  async function handlerError(fault: Fault, options: { requestTimeout?: number } = {}) {
    const endpoint = await startFaultEndpoint(fault);
    const handler = new NodeHttpHandler({
      connectionTimeout: 150,
      requestTimeout: options.requestTimeout,
      throwOnRequestTimeout: true,
    });
    open.push({ endpoint, handler });
    const url = new URL(endpoint.endpoint);
    const request = new HttpRequest({
      method: "POST",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/v2/email/outbound-emails",
      headers: { host: url.host, "content-type": "application/json" },
      body: "{}",
    });
    return handler.handle(request).then(
      () => {
        throw new Error("expected the request to fail");
      },
      (e: unknown) => e as Error & { code?: string },
    );
  }

  it("a connection timeout is a TimeoutError without a code", async () => {
    const error = await handlerError("no-handshake");

    expect({ name: error.name, code: error.code }).toEqual({ name: "TimeoutError", code: undefined });
  });

  it("a request timeout is a TimeoutError with code ETIMEDOUT", async () => {
    const error = await handlerError("hang", { requestTimeout: 200 });

    expect({ name: error.name, code: error.code }).toEqual({ name: "TimeoutError", code: "ETIMEDOUT" });
  });

  it("a refused connection is Node's ECONNREFUSED", async () => {
    const error = await handlerError("refuse");

    expect(error.code).toBe("ECONNREFUSED");
  });
});

describe("SendEmail against a failing endpoint", () => {
  it("tries again after a connect timeout, which sent nothing, and calls it transient", async () => {
    const { endpoint, sender } = await faulty("no-handshake");

    const error = await sendFails(sender);

    expect(error.cause).toBeInstanceOf(AwsServiceError);
    expect(error.cause).toMatchObject({ name: "TimeoutError", attempts: 3, outcomeUnknown: false });
    expect(error.transient).toBe(true);
    expect(describeSesError(error.cause)).toMatchObject({ transient: true, outcomeUnknown: false });
    expect(endpoint.requests).toBe(0);
  });

  it("tries again after a refused connection, which sent nothing, and calls it transient", async () => {
    const { sender } = await faulty("refuse");

    const error = await sendFails(sender);

    expect(error.cause).toMatchObject({ code: "ECONNREFUSED", attempts: 3, outcomeUnknown: false });
    expect(error.transient).toBe(true);
  });

  it("sends once only when the request arrived and no answer came: SES may have sent it", async () => {
    const { endpoint, sender } = await faulty("hang");

    const error = await sendFails(sender);

    expect(error.cause).toMatchObject({ name: "TimeoutError", attempts: 1, outcomeUnknown: true });
    expect(error.transient).toBe(false);
    expect(endpoint.requests).toBe(1);
  });
});
