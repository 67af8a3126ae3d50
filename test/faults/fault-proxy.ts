import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { SeededRandom } from "./seeded-random";

/*
 * A fault-injecting HTTP proxy in front of one emulator (DynamoDB Local, the SES emulator or the
 * local Scheduler). Per request it draws, from a seeded source, one of:
 *   forward       pass the request on, answer what the emulator answered;
 *   drop-before   cut the client's connection before forwarding: the service never saw it;
 *   drop-after    forward, wait for the whole answer, then cut the connection: the service acted
 *                 and the caller cannot know (the dangerous case for at-most-once);
 *   error-500     answer 500 InternalServerError in the service's wire shape;
 *   error-503     answer 503 ServiceUnavailable;
 *   throttle      answer the service's throttling error (DynamoDB: 400 with `__type`
 *                 ThrottlingException or ProvisionedThroughputExceededException; SES v2 and
 *                 Scheduler REST-JSON: 429 with `x-amzn-errortype`);
 *   latency       wait 5–40 ms, then forward.
 * It counts what it did, can be healed (every request forwarded) and, for a "killed" dispatcher
 * run, cuts every request after the run's k-th (see RunKiller).
 */

export type Service = "dynamodb" | "ses" | "scheduler";
export const FAULT_KINDS = [
  "drop-before",
  "drop-after",
  "error-500",
  "error-503",
  "throttle",
  "latency",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Probability of each fault per request; the rest is forwarded untouched. */
export type FaultRates = Record<FaultKind, number>;

interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const DYNAMODB_PREFIX = "com.amazonaws.dynamodb.v20120810#";

/** The error answer a service sends for `kind`, shaped as its protocol has it. */
function errorAnswer(service: Service, kind: "error-500" | "error-503" | "throttle", random: SeededRandom) {
  if (service === "dynamodb") {
    // JSON 1.0: the type in the body's `__type`, namespaced; throttling is a 400.
    const type =
      kind === "throttle"
        ? random.pick(["ThrottlingException", "ProvisionedThroughputExceededException"])
        : kind === "error-500"
          ? "InternalServerError"
          : "ServiceUnavailable";
    return {
      status: kind === "throttle" ? 400 : kind === "error-500" ? 500 : 503,
      headers: { "content-type": "application/x-amz-json-1.0" },
      body: JSON.stringify({ __type: `${DYNAMODB_PREFIX}${type}`, message: `injected ${kind}` }),
    } satisfies ErrorAnswer;
  }
  // REST-JSON (SES v2, Scheduler): the type in `x-amzn-errortype`.
  const type =
    kind === "throttle"
      ? service === "ses"
        ? "TooManyRequestsException"
        : "ThrottlingException"
      : kind === "error-500"
        ? "InternalServerException"
        : "ServiceUnavailableException";
  return {
    status: kind === "throttle" ? 429 : kind === "error-500" ? 500 : 503,
    headers: { "content-type": "application/json", "x-amzn-errortype": type },
    body: JSON.stringify({ message: `injected ${kind}` }),
  } satisfies ErrorAnswer;
}

/**
 * Shared by the three proxies: while armed for a run, the run's first `k` calls (all services
 * together) go through as usual and every later one is cut before forwarding, as if Lambda had
 * ended the invocation at that point. Only one run may be armed at a time, so calls in the window
 * belong to that run.
 */
export class RunKiller {
  #limit: number | undefined;
  #seen = 0;
  /** Calls cut because their run was killed. */
  cut = 0;
  /** Counts armed runs; the current one's number while armed, else undefined. */
  #run = 0;

  get armedRun(): number | undefined {
    return this.#limit === undefined ? undefined : this.#run;
  }

  /** The number of the last armed run. */
  get lastRun(): number {
    return this.#run;
  }

  arm(k: number): void {
    this.#limit = k;
    this.#seen = 0;
    this.#run++;
  }

  disarm(): void {
    this.#limit = undefined;
  }

  /** Counts a call of the armed run; true when it must be cut. */
  admit(): boolean {
    if (this.#limit === undefined) return true;
    this.#seen++;
    if (this.#seen <= this.#limit) return true;
    this.cut++;
    return false;
  }
}

export interface ProxyCounts {
  requests: number;
  forwarded: number;
  /** Requests that carried the SDK's `amz-sdk-request: attempt=n` with n > 1 (DynamoDB only). */
  sdkRetries: number;
  injected: Record<FaultKind, number>;
}

/**
 * An SES request as the journal keeps it: forwarded (SES had it), or cut before forwarding
 * (`drop-before`, or `cut` by the run killer), which the caller cannot tell from a lost answer.
 * The DynamoDB proxy keeps every send-ledger write (claim, completion, release, unknown), with the
 * fault it met, to tell which sends the ledger could not record.
 */
export interface Forwarded {
  fault: FaultKind | undefined;
  /** The armed run it belonged to, if any. */
  run: number | undefined;
  body: string;
  /** Cut by the run killer before forwarding: the service never had it. */
  cut?: boolean;
  /** From the request's arrival to its answer (or cut). */
  ms: number;
}

/** A write of a send-ledger entry (PutItem, UpdateItem, DeleteItem of a `SEND#` item). */
const isLedgerWrite = (service: Service, req: http.IncomingMessage, body: Buffer) =>
  service === "dynamodb" &&
  /\.(PutItem|UpdateItem|DeleteItem)$/.test(String(req.headers["x-amz-target"] ?? "")) &&
  body.includes('"S":"SEND#');

const zeroKinds = (): Record<FaultKind, number> =>
  Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;

export class FaultProxy {
  #server: http.Server | undefined;
  #healed = false;
  #script: (FaultKind | "forward")[] = [];
  readonly #agent = new http.Agent({ keepAlive: true });
  readonly counts: ProxyCounts = { requests: 0, forwarded: 0, sdkRetries: 0, injected: zeroKinds() };
  /**
   * Every request to SES and every send-ledger write to DynamoDB, forwarded, failed or cut: to
   * tell why an email went out twice or ended unknown.
   */
  readonly journal: Forwarded[] = [];

  constructor(
    readonly service: Service,
    private readonly random: SeededRandom,
    private readonly rates: FaultRates,
    private readonly killer: RunKiller,
    /** Where requests go; may be set after start (the Scheduler starts behind its proxy). */
    public target?: string,
  ) {}

  get endpoint(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error("proxy not started");
    return `http://127.0.0.1:${address.port}`;
  }

  /** Every request is forwarded from now on (a run's kill still applies). */
  heal(): void {
    this.#healed = true;
  }

  /** The next requests meet these faults, in order, before any drawn one (for focused tests). */
  script(...faults: (FaultKind | "forward")[]): void {
    this.#script.push(...faults);
  }

  /** Faults are drawn again. */
  injure(): void {
    this.#healed = false;
  }

  async start(): Promise<this> {
    const server = http.createServer((req, res) => {
      this.#handle(req, res).catch(() => res.socket?.destroy());
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.#server = server;
    return this;
  }

  async stop(): Promise<void> {
    this.#agent.destroy();
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The fault for the next request, or undefined to forward it. */
  #draw(): FaultKind | undefined {
    let r = this.random.next();
    for (const kind of FAULT_KINDS) {
      r -= this.rates[kind];
      if (r < 0) return kind;
    }
    return undefined;
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.counts.requests++;
    const attempt = /attempt=(\d+)/.exec(String(req.headers["amz-sdk-request"] ?? ""));
    if (attempt && Number(attempt[1]) > 1) this.counts.sdkRetries++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);

    const started = Date.now();
    const journal = (entry: Omit<Forwarded, "body" | "ms">) => {
      if (this.service === "ses" || isLedgerWrite(this.service, req, body))
        this.journal.push({ ...entry, body: body.toString("utf8"), ms: Date.now() - started });
    };

    if (!this.killer.admit()) {
      journal({ fault: undefined, run: this.killer.armedRun, cut: true });
      req.socket.destroy();
      return;
    }
    // Drawn whether healed or not, so healing does not shift the pattern of a later injury.
    const drawn = this.#draw();
    const scripted = this.#script.shift();
    const fault =
      scripted !== undefined
        ? scripted === "forward"
          ? undefined
          : scripted
        : this.#healed
          ? undefined
          : drawn;
    if (fault) this.counts.injected[fault]++;
    switch (fault) {
      case "drop-before":
        journal({ fault, run: this.killer.armedRun });
        req.socket.destroy();
        return;
      case "error-500":
      case "error-503":
      case "throttle": {
        journal({ fault, run: this.killer.armedRun });
        const answer = errorAnswer(this.service, fault, this.random);
        res.writeHead(answer.status, answer.headers).end(answer.body);
        return;
      }
      case "latency":
        await sleep(this.random.int(5, 40));
        break;
      default:
        break;
    }
    const run = this.killer.armedRun;
    const upstream = await this.#forward(req, body);
    this.counts.forwarded++;
    journal({ fault, run });
    if (fault === "drop-after") {
      req.socket.destroy();
      return;
    }
    res.writeHead(upstream.status, upstream.headers).end(upstream.body);
  }

  #forward(
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: http.OutgoingHttpHeaders; body: Buffer }> {
    if (!this.target) throw new Error(`${this.service} proxy has no target`);
    const target = new URL(this.target);
    return new Promise((resolve, reject) => {
      const out = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
          agent: this.#agent,
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on("data", (c: Buffer) => parts.push(c));
          answer.on("end", () => {
            const headers = { ...answer.headers };
            delete headers["transfer-encoding"];
            delete headers.connection;
            delete headers["keep-alive"];
            const content = Buffer.concat(parts);
            headers["content-length"] = String(content.length);
            resolve({ status: answer.statusCode ?? 502, headers, body: content });
          });
          answer.on("error", reject);
        },
      );
      out.on("error", reject);
      out.end(body);
    });
  }
}
