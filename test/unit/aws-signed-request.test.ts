import { Sha256 } from "@smithy/core/checksum";
import { HttpRequest } from "@smithy/core/protocols";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it, onTestFinished } from "vitest";
import { defaultEndpoint, pathSegment } from "../../packages/core/src/adapters/aws/endpoint";
import {
  AwsServiceError,
  errorFromAnswer,
  sanitizeErrorCode,
} from "../../packages/core/src/adapters/aws/service-error";
import { AwsCaller, type AwsCallerOptions } from "../../packages/core/src/adapters/aws/signed-request";
import { type Answer, quickBackoff, scriptedCallers } from "../support/aws-answers";
import { signature } from "../support/sigv4";

const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "session-token-example",
};
const SIGNING_DATE = new Date("2030-01-02T03:04:05Z");
const SERVICE = { signingName: "scheduler", endpointPrefix: "scheduler" };

const callerAgainst = scriptedCallers();

/** A caller against a scripted local server, with waits short enough for a unit test. */
const against = (answers: Answer[], options: Partial<AwsCallerOptions> = {}) =>
  callerAgainst(answers, {
    service: SERVICE,
    credentials: CREDENTIALS,
    now: () => SIGNING_DATE,
    ...options,
  });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e as AwsServiceError,
  );

describe("the SigV4 reference this test checks against", () => {
  it("reproduces the AWS documentation's example (IAM ListUsers, 2015-08-30)", () => {
    const expected = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    const ours = signature({
      method: "GET",
      path: "/",
      query: "Action=ListUsers&Version=2010-05-08",
      headers: {
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        host: "iam.amazonaws.com",
        "x-amz-date": "20150830T123600Z",
      },
      payload: "",
      amzDate: "20150830T123600Z",
      region: "us-east-1",
      service: "iam",
      secretAccessKey: CREDENTIALS.secretAccessKey,
    });

    expect(ours).toBe(expected);
  });

  it("agrees with the SDK's SignatureV4 on that example", async () => {
    const signer = new SignatureV4({
      service: "iam",
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: CREDENTIALS.secretAccessKey },
      sha256: Sha256,
      applyChecksum: false,
    });
    const signed = await signer.sign(
      new HttpRequest({
        method: "GET",
        protocol: "https:",
        hostname: "iam.amazonaws.com",
        path: "/",
        query: { Action: "ListUsers", Version: "2010-05-08" },
        headers: {
          host: "iam.amazonaws.com",
          "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        },
      }),
      { signingDate: new Date("2015-08-30T12:36:00Z") },
    );

    expect(signed.headers.authorization).toContain(
      "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    );
  });
});

describe("AwsCaller signing", () => {
  it("signs method, encoded path, query, headers and JSON body as the reference does", async () => {
    // Prepare
    const { server, caller } = await against([{ status: 200, body: { ok: true } }]);

    // Act
    const out = await caller.call({
      method: "PUT",
      path: `/things/${pathSegment("a b+c")}`,
      query: { groupName: "g 1", empty: undefined, b: "x/y" },
      headers: { "X-Amz-Target": "Things.Put" },
      body: { Name: "ü", n: 1 },
    });

    // Assess
    expect(out).toEqual({ ok: true });
    const [req] = server.received;
    expect(req).toMatchObject({ method: "PUT", path: "/things/a%20b%2Bc", body: '{"Name":"ü","n":1}' });
    expect(new URLSearchParams(req!.query).get("groupName")).toBe("g 1");
    expect(new URLSearchParams(req!.query).has("empty")).toBe(false);
    const auth = String(req!.headers.authorization);
    const match =
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20300102\/eu-west-1\/scheduler\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    expect(match, auth).not.toBeNull();
    const signedNames = match![1]!.split(";");
    expect(signedNames).toEqual(
      expect.arrayContaining([
        "content-type",
        "host",
        "x-amz-content-sha256",
        "x-amz-date",
        "x-amz-security-token",
        "x-amz-target",
      ]),
    );
    expect(req!.headers).toMatchObject({
      "x-amz-date": "20300102T030405Z",
      "x-amz-security-token": CREDENTIALS.sessionToken,
      "content-type": "application/json",
      "x-amz-target": "Things.Put",
    });
    const expected = signature({
      method: req!.method,
      path: req!.path,
      query: req!.query,
      headers: Object.fromEntries(signedNames.map((n) => [n, String(req!.headers[n])])),
      payload: req!.body,
      amzDate: "20300102T030405Z",
      region: "eu-west-1",
      service: "scheduler",
      secretAccessKey: CREDENTIALS.secretAccessKey,
    });
    expect(match![2]).toBe(expected);
  });

  it("asks the credentials provider on each call, so rotated credentials are used", async () => {
    let calls = 0;
    const { server, caller } = await against([{ status: 200 }, { status: 200 }], {
      credentials: async () => ({ accessKeyId: `AKID${++calls}`, secretAccessKey: "s" }),
    });

    await caller.call({ method: "GET", path: "/a" });
    await caller.call({ method: "GET", path: "/b" });

    expect(
      server.received.map((r) => /Credential=(\w+)\//.exec(String(r.headers.authorization))?.[1]),
    ).toEqual(["AKID1", "AKID2"]);
  });

  it("passes a credentials failure on as it is, without sending or retrying", async () => {
    const missing = Object.assign(new Error("Unable to find environment variable credentials."), {
      name: "CredentialsProviderError",
    });
    const { server, caller } = await against([], {
      credentials: async () => {
        throw missing;
      },
    });

    await expect(caller.call({ method: "GET", path: "/" })).rejects.toBe(missing);
    expect(server.received).toHaveLength(0);
  });
});

describe("AwsCaller answers", () => {
  it("answers {} for an empty 200 and sends no body or content-type on a GET", async () => {
    const { server, caller } = await against([{ status: 200 }]);

    expect(await caller.call({ method: "GET", path: "/x" })).toEqual({});
    expect(server.received[0]!.body).toBe("");
    expect(server.received[0]!.headers["content-type"]).toBeUndefined();
  });

  it.each([
    [
      "the x-amzn-errortype header, with the part after ':' dropped",
      {
        status: 400,
        headers: {
          "x-amzn-errortype": "ValidationException:http://internal.amazon.com/coral/com.amazonaws.scheduler/",
        },
        body: { Message: "Value at 'target.input' failed" },
      },
      "ValidationException",
      "Value at 'target.input' failed",
    ],
    [
      "the body's __type, with the namespace dropped",
      {
        status: 400,
        body: { __type: "com.amazonaws.secretsmanager#ResourceNotFoundException", Message: "not found" },
      },
      "ResourceNotFoundException",
      "not found",
    ],
    [
      "the body's code",
      { status: 404, body: { code: "NotFoundException", message: "gone" } },
      "NotFoundException",
      "gone",
    ],
    [
      "the body's type, as the SES emulator sends it",
      { status: 400, body: { type: "AlreadyExistsException", message: "exists" } },
      "AlreadyExistsException",
      "exists",
    ],
    ["nothing: Unknown", { status: 403, body: "<html>Forbidden</html>" }, "Unknown", "HTTP 403"],
  ])("names an error from %s", async (_what, answer, name, message) => {
    const { caller } = await against([answer as Answer]);

    const error = await failure(caller.call({ method: "POST", path: "/x", body: {} }));

    expect(error).toBeInstanceOf(AwsServiceError);
    expect(error).toMatchObject({ name, message, status: answer.status, retryable: false, attempts: 1 });
  });

  it("prefers the header to the body", () => {
    const error = errorFromAnswer(409, { "x-amzn-errortype": "ConflictException" }, '{"__type":"Other"}');

    expect(error.name).toBe("ConflictException");
  });

  it.each([
    ["ThrottlingException:http://x", "ThrottlingException"],
    ["com.amazon.coral.service#UnrecognizedClientException", "UnrecognizedClientException"],
    ["aws.protocoltests#Foo:http://a/b#c", "Foo"],
    ["Plain", "Plain"],
  ])("sanitizes the error code %s to %s", (raw, code) => {
    expect(sanitizeErrorCode(raw)).toBe(code);
  });

  it("refuses a 2xx answer that is not JSON, without retrying", async () => {
    const { server, caller } = await against([{ status: 200, body: "<html>" }]);

    const error = await failure(caller.call({ method: "GET", path: "/x" }));

    expect(error).toMatchObject({ name: "InvalidResponse", status: 200, retryable: false });
    expect(server.received).toHaveLength(1);
  });
});

describe("AwsCaller retries", () => {
  it("retries a 500 and answers the success that follows", async () => {
    const { server, caller } = await against([
      { status: 500, headers: { "x-amzn-errortype": "InternalServerException" }, body: { Message: "x" } },
      { status: 200, body: { MessageId: "m-1" } },
    ]);

    const out = await caller.call({ method: "POST", path: "/v2/email/outbound-emails", body: { a: 1 } });

    expect(out).toEqual({ MessageId: "m-1" });
    expect(server.received).toHaveLength(2);
    // The same request again, signed again.
    expect(server.received[1]!.body).toBe(server.received[0]!.body);
  });

  it.each([
    ["ThrottlingException (400)", { status: 400, headers: { "x-amzn-errortype": "ThrottlingException" } }],
    ["TooManyRequestsException (429)", { status: 429, body: { __type: "TooManyRequestsException" } }],
    ["an unnamed 503", { status: 503, body: "Service Unavailable" }],
  ])("retries %s", async (_what, answer) => {
    const { server, caller } = await against([answer as Answer, { status: 200, body: { ok: 1 } }]);

    expect(await caller.call({ method: "GET", path: "/x" })).toEqual({ ok: 1 });
    expect(server.received).toHaveLength(2);
  });

  it("gives up after 3 attempts, with the last error, marked retryable", async () => {
    const busy: Answer = { status: 503, headers: { "x-amzn-errortype": "ServiceUnavailableException" } };
    const { server, caller } = await against([busy, busy, busy, { status: 200 }]);

    const error = await failure(caller.call({ method: "GET", path: "/x" }));

    expect(error).toMatchObject({
      name: "ServiceUnavailableException",
      status: 503,
      retryable: true,
      attempts: 3,
    });
    expect(server.received).toHaveLength(3);
  });

  it.each([
    ["a validation error", 400, "ValidationException"],
    ["a conflict", 409, "ConflictException"],
    ["a missing resource", 404, "ResourceNotFoundException"],
    ["an access denial", 403, "AccessDeniedException"],
  ])("does not retry %s", async (_what, status, name) => {
    const { server, caller } = await against([
      { status, headers: { "x-amzn-errortype": name }, body: { message: "no" } },
      { status: 200 },
    ]);

    const error = await failure(caller.call({ method: "POST", path: "/x", body: {} }));

    expect(error).toMatchObject({ name, status, retryable: false, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it("retries a refused connection, then reports it as a retryable networking error", async () => {
    const { server } = await against([]);
    const closed = server.endpoint;
    await server.close();
    const caller = new AwsCaller({
      service: SERVICE,
      region: "eu-west-1",
      endpoint: closed,
      credentials: CREDENTIALS,
      retry: { backoff: quickBackoff() },
    });
    onTestFinished(() => caller.destroy());

    const error = await failure(caller.call({ method: "GET", path: "/x" }));

    expect(error).toMatchObject({
      name: "NetworkingError",
      code: "ECONNREFUSED",
      status: undefined,
      retryable: true,
      attempts: 3,
      notSent: true,
    });
  });

  it("waits with the SDK's own delay bases: 50 ms, and 1000 ms after throttling", async () => {
    const backoff = quickBackoff();
    const { caller } = await against(
      [
        { status: 503 },
        { status: 400, headers: { "x-amzn-errortype": "ThrottlingException" } },
        { status: 200, body: { ok: 1 } },
      ],
      { retry: { backoff } },
    );

    expect(await caller.call({ method: "GET", path: "/x" })).toEqual({ ok: 1 });
    expect(backoff.bases).toEqual([50, 1_000]);
  });

  it("stops retrying when the SDK's retry quota is spent, and refills it on success", async () => {
    // The quota holds 500; a retry after a 5xx costs 14 and a success gives 1 back (or the cost of
    // the retry that succeeded): 17 calls failing 3 times spend 476, the 18th gets one retry
    // (10 left), the 19th none.
    const busy: Answer = { status: 503 };
    const { server, caller } = await against([]);
    const attempts: number[] = [];
    for (let call = 0; call < 19; call++) {
      server.answer(busy, busy, busy);
      const error = await failure(caller.call({ method: "GET", path: "/x" }));
      attempts.push(error.attempts);
      // Drop what this call did not use, so the next one starts on a fresh script.
      server.reset();
    }

    expect(attempts).toEqual([...Array(17).fill(3), 2, 1]);
    server.answer({ status: 200 }, busy, busy);
    await caller.call({ method: "GET", path: "/x" });
    // One token back: still not enough for a retry (11 < 14).
    expect((await failure(caller.call({ method: "GET", path: "/x" }))).attempts).toBe(1);
  });

  it("does not retry a 501: the SDK retries 500, 502, 503 and 504 only", async () => {
    const { server, caller } = await against([{ status: 501 }, { status: 200 }]);

    const error = await failure(caller.call({ method: "GET", path: "/x" }));

    expect(error).toMatchObject({ status: 501, retryable: false, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });
});

describe("AwsCaller timeouts", () => {
  it("ends an attempt that gets no answer, and tries again up to 3 times", async () => {
    const { server, caller } = await against(["hang", "hang", "hang"], { requestTimeoutMs: 100 });

    const error = await failure(caller.call({ method: "GET", path: "/slow" }));

    expect(error).toMatchObject({ name: "TimeoutError", status: undefined, retryable: true, attempts: 3 });
    expect((error as AwsServiceError).outcomeUnknown).toBe(false);
    expect(server.received).toHaveLength(3);
  });

  it("does not repeat a call that is not idempotent after a timeout: the service may have acted", async () => {
    const { server, caller } = await against(["hang", { status: 200, body: { ok: true } }], {
      requestTimeoutMs: 100,
    });

    const error = await failure(caller.call({ method: "POST", path: "/send", body: {}, idempotent: false }));

    expect(error).toMatchObject({ name: "TimeoutError", retryable: false, attempts: 1 });
    expect((error as AwsServiceError).outcomeUnknown).toBe(true);
    expect(server.received).toHaveLength(1);
  });

  it("repeats a call that is not idempotent after answers that say it was not done", async () => {
    const { server, caller } = await against(
      [
        { status: 503, body: { __type: "ServiceUnavailable" } },
        { status: 429, headers: { "x-amzn-errortype": "TooManyRequestsException" } },
        { status: 200, body: { ok: true } },
      ],
      { requestTimeoutMs: 1_000 },
    );

    expect(await caller.call({ method: "POST", path: "/send", body: {}, idempotent: false })).toEqual({
      ok: true,
    });
    expect(server.received).toHaveLength(3);
  });

  it("does not repeat a call that is not idempotent after a connection reset: the service may have acted", async () => {
    const { server, caller } = await against(["reset", { status: 200, body: { ok: true } }], {
      requestTimeoutMs: 1_000,
    });

    const error = await failure(caller.call({ method: "POST", path: "/send", body: {}, idempotent: false }));

    expect(error).toMatchObject({ name: "NetworkingError", retryable: false, attempts: 1 });
    expect((error as AwsServiceError).outcomeUnknown).toBe(true);
    expect(server.received).toHaveLength(1);
  });

  it("repeats an idempotent call after a connection reset, as the SDK does", async () => {
    const { server, caller } = await against(["reset", { status: 200, body: { ok: true } }], {
      requestTimeoutMs: 1_000,
    });

    expect(await caller.call({ method: "POST", path: "/x", body: {} })).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
  });

  it("ends an attempt whose body stops arriving, and succeeds on the next", async () => {
    const { server, caller } = await against(
      [
        { status: 200, body: { big: "x".repeat(100) }, stallBody: true },
        { status: 200, body: { ok: true } },
      ],
      { requestTimeoutMs: 150 },
    );

    expect(await caller.call({ method: "GET", path: "/x" })).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
  });

  it("waits for a slow answer that comes within the timeout", async () => {
    const { caller } = await against([{ status: 200, body: { ok: true }, delayMs: 50 }], {
      requestTimeoutMs: 1_000,
    });

    expect(await caller.call({ method: "GET", path: "/x" })).toEqual({ ok: true });
  });
});

describe("default endpoints", () => {
  it.each([
    ["email", "eu-west-1", "https://email.eu-west-1.amazonaws.com"],
    ["scheduler", "us-east-1", "https://scheduler.us-east-1.amazonaws.com"],
    ["secretsmanager", "cn-north-1", "https://secretsmanager.cn-north-1.amazonaws.com.cn"],
  ])("%s in %s is %s", (prefix, region, url) => {
    expect(defaultEndpoint(prefix, region)).toBe(url);
  });

  it("refuses a region that is not one, since it becomes part of a host name", () => {
    expect(() => defaultEndpoint("email", "evil.example/")).toThrow(/not an AWS region/);
  });

  it("is used when no endpoint is given", () => {
    const c = new AwsCaller({ service: SERVICE, region: "ap-southeast-2", credentials: CREDENTIALS });

    expect(c.endpoint.href).toBe("https://scheduler.ap-southeast-2.amazonaws.com/");
    c.destroy();
  });
});
