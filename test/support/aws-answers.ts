import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";
import { AwsCaller, type AwsCallerOptions } from "../../packages/core/src/adapters/aws/signed-request";

/** A request as it reached the server. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * What the server answers one request with: a status, headers and a body (an object is sent as
 * JSON), optionally after `delayMs`; `"hang"` never answers; `"reset"` drops the connection;
 * `stallBody` sends the headers and then nothing more.
 */
export type Answer =
  | {
      status: number;
      headers?: Record<string, string>;
      body?: unknown;
      delayMs?: number;
      stallBody?: boolean;
    }
  | "hang"
  | "reset";

/**
 * A real HTTP server on 127.0.0.1 that answers each request with the next scripted answer, as an
 * AWS service would (status, `x-amzn-errortype`, JSON body), and keeps every request it got. With
 * no answer left it fails the request with a 599 that names it, so an unexpected call is seen.
 */
export async function startAwsAnswers(answers: Answer[] = []) {
  const queue = [...answers];
  const received: ReceivedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const [path = "", query = ""] = (req.url ?? "").split("?");
    received.push({
      method: req.method ?? "",
      path,
      query,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    const answer = queue.shift() ?? {
      status: 599,
      body: { __type: "UnexpectedRequest", message: `no answer scripted for ${req.method} ${path}` },
    };
    if (answer === "hang") return;
    if (answer === "reset") {
      req.socket.destroy();
      return;
    }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    const body =
      answer.body === undefined
        ? ""
        : typeof answer.body === "string"
          ? answer.body
          : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      "content-type": "application/json",
      "x-amzn-requestid": `req-${received.length}`,
      ...answer.headers,
    });
    if (answer.stallBody) {
      res.write(body.slice(0, 1));
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    /** Adds answers to the end of the script. */
    answer(...more: Answer[]) {
      queue.push(...more);
    },
    /** Drops the answers not used yet. */
    reset() {
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type AwsAnswers = Awaited<ReturnType<typeof startAwsAnswers>>;

/**
 * A backoff for the SDK's retry strategy that waits 1 ms and records the delay base the strategy
 * sets before each retry (its own values: 50 ms, 1000 ms after throttling).
 */
export function quickBackoff() {
  const bases: number[] = [];
  return {
    bases,
    setDelayBase: (delay: number) => {
      bases.push(delay);
    },
    computeNextBackoffDelay: () => 1,
  };
}

type ScriptedCallerOptions = Omit<AwsCallerOptions, "endpoint" | "region" | "credentials"> &
  Partial<Pick<AwsCallerOptions, "region" | "credentials">>;

/**
 * For one test file: the returned function starts a scripted server (`startAwsAnswers`) and an
 * `AwsCaller` on it, with local credentials and 1 ms waits between attempts (`quickBackoff`) unless
 * `options` says otherwise. Both are closed after each test.
 */
export function scriptedCallers() {
  const open: { server: AwsAnswers; caller: AwsCaller }[] = [];
  afterEach(async () => {
    for (const { server, caller } of open.splice(0)) {
      caller.destroy();
      await server.close();
    }
  });
  return async (answers: Answer[], options: ScriptedCallerOptions) => {
    const server = await startAwsAnswers(answers);
    const caller = new AwsCaller({
      region: "eu-west-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      ...options,
      retry: { backoff: quickBackoff(), ...options.retry },
      endpoint: server.endpoint,
    });
    open.push({ server, caller });
    return { server, caller };
  };
}
