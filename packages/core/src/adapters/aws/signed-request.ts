import { Sha256 } from "@smithy/core/checksum";
import { HttpRequest, HttpResponse } from "@smithy/core/protocols";
import { getRetryAfterHint, type StandardRetryStrategy } from "@smithy/core/retry";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { SignatureV4 } from "@smithy/signature-v4";
import { defaultEndpoint } from "./endpoint";
import { type RetryOptions, retryErrorType, standardRetry } from "./retry";
import { AwsServiceError, errorFromAnswer, errorFromFailure, TIMEOUT_ERROR } from "./service-error";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Credentials, or a function that finds them (e.g. `defaultProvider()` of the SDK). */
export type CredentialsProvider = () => Promise<AwsCredentials>;

/** How to reach and sign for one service: the only service-specific part a caller needs. */
export interface AwsService {
  /** The SigV4 signing name, e.g. "ses", "scheduler", "secretsmanager". */
  signingName: string;
  /** The first label of the service's regional host name, e.g. "email" for SES v2. */
  endpointPrefix: string;
}

export interface AwsCallerOptions {
  service: AwsService;
  region: string;
  /** Another endpoint than the regional one, e.g. a local emulator's `http://127.0.0.1:4566`. */
  endpoint?: string;
  credentials: CredentialsProvider | AwsCredentials;
  /** Longest wait for a connection to open; default 2 s. */
  connectionTimeoutMs?: number;
  /** Longest wait for one attempt's whole answer, headers and body; default 5 s. */
  requestTimeoutMs?: number;
  /** Default: the SDK's standard mode (3 attempts, its backoff and retry quota). */
  retry?: RetryOptions;
  /** The signing time; tests fix it. */
  now?: () => Date;
}

export interface AwsJsonRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** The path, each segment already percent-encoded (`pathSegment`). */
  path: string;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | undefined>;
  /** Extra headers, e.g. `x-amz-target`, or a content-type other than `application/json`. */
  headers?: Record<string, string>;
  /** Sent as JSON; none for undefined. */
  body?: unknown;
  /**
   * False for a call that acts again when repeated and carries no idempotency token (SES
   * SendEmail: a second email). Such a call is not tried again after any failure on an open
   * connection (a response timeout, a reset or broken connection), when the service may already
   * have acted: the error says `outcomeUnknown`. It still is after an answer that says it did not
   * (throttling, 5xx) and after a connection that never opened (refused, connect timeout, no
   * route: nothing was sent). Default true.
   */
  idempotent?: boolean;
}

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

type RetryErrorInfo = Parameters<StandardRetryStrategy["refreshRetryTokenForRetry"]>[1];

const DEFAULT_CONNECTION_TIMEOUT_MS = 2_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
const USER_AGENT = "coachflow-aws-caller/1";

/**
 * Calls one AWS service's JSON API over HTTPS: the request signed with SigV4 (the SDK's
 * `SignatureV4` and SHA-256), sent with the SDK's `NodeHttpHandler` (keep-alive), the JSON answer
 * parsed. Every failure is an `AwsServiceError`, except the credentials' own. Retries are the
 * SDK's standard strategy (`retry.ts`: its classification, backoff and retry quota, one quota per
 * caller), except that a call that is not idempotent (`AwsJsonRequest.idempotent`) is not tried
 * again once its request may have reached the service. Knows no service: the adapters say what to send.
 */
export class AwsCaller {
  readonly endpoint: URL;
  readonly #signer: SignatureV4;
  readonly #http: NodeHttpHandler;
  readonly #retry: StandardRetryStrategy;
  readonly #requestTimeoutMs: number;
  readonly #now: () => Date;

  constructor(options: AwsCallerOptions) {
    this.endpoint = new URL(
      options.endpoint ?? defaultEndpoint(options.service.endpointPrefix, options.region),
    );
    if (this.endpoint.protocol !== "https:" && this.endpoint.protocol !== "http:")
      throw new Error(`endpoint must be http(s), got ${this.endpoint.protocol}`);
    this.#signer = new SignatureV4({
      service: options.service.signingName,
      region: options.region,
      credentials: options.credentials,
      sha256: Sha256,
      uriEscapePath: true,
    });
    this.#http = new NodeHttpHandler({
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      httpAgent: { keepAlive: true },
      httpsAgent: { keepAlive: true },
    });
    this.#retry = standardRetry(options.retry);
    this.#requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Sends `request` and answers its parsed JSON body (`{}` for an empty one). The retry loop is
   * the SDK middleware's: a token for the first attempt, a new one (after its backoff) for each
   * retry the strategy grants, success recorded so the quota refills.
   */
  async call<T = Record<string, unknown>>(request: AwsJsonRequest): Promise<T> {
    const unsigned = this.#build(request);
    let token = await this.#retry.acquireInitialRetryToken("");
    for (;;) {
      // Signed again on each attempt: a signature is valid for a few minutes only.
      const signed = await this.#signer.sign(HttpRequest.clone(unsigned), { signingDate: this.#now() });
      let error: AwsServiceError;
      let retryAfterHint: Date | undefined;
      try {
        const answer = await this.#send(signed as HttpRequest);
        if (answer.status >= 200 && answer.status < 300) {
          this.#retry.recordSuccess(token);
          return parseBody<T>(answer);
        }
        error = errorFromAnswer(answer.status, answer.headers, answer.body);
        retryAfterHint = getRetryAfterHint(
          new HttpResponse({ statusCode: answer.status, headers: definedOnly(answer.headers) }),
        );
      } catch (failure) {
        error = errorFromFailure(failure, request.idempotent !== false);
      }
      const attempts = token.getRetryCount() + 1;
      if (!error.retryable) throw error.afterAttempts(attempts);
      try {
        token = await this.#retry.refreshRetryTokenForRetry(token, {
          errorType: retryErrorType(error),
          // The SDK's type for its own errors; the standard strategy does not read this field.
          error: error as unknown as RetryErrorInfo["error"],
          ...(retryAfterHint ? { retryAfterHint } : {}),
        });
      } catch {
        // No retry granted: attempts used up, or the retry quota is empty.
        throw error.afterAttempts(attempts);
      }
    }
  }

  /** Closes the kept-alive connections. */
  destroy(): void {
    this.#http.destroy();
  }

  #build(request: AwsJsonRequest): HttpRequest {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers: Record<string, string> = { host: this.endpoint.host, "user-agent": USER_AGENT };
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    const query: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.query ?? {}))
      if (value !== undefined) query[name] = value;
    const base = this.endpoint.pathname.replace(/\/$/, "");
    return new HttpRequest({
      method: request.method,
      protocol: this.endpoint.protocol,
      hostname: this.endpoint.hostname,
      ...(this.endpoint.port ? { port: Number(this.endpoint.port) } : {}),
      path: `${base}${request.path}`,
      query,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
  }

  /** One attempt, headers and body within the request timeout. */
  async #send(request: HttpRequest): Promise<Answer> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = Object.assign(new Error(`no answer within ${this.#requestTimeoutMs} ms`), {
          name: TIMEOUT_ERROR,
          code: "ETIMEDOUT",
        });
        reject(error);
        controller.abort(error);
      }, this.#requestTimeoutMs);
    });
    try {
      return await Promise.race([this.#exchange(request, controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #exchange(request: HttpRequest, signal: AbortSignal): Promise<Answer> {
    const { response } = await this.#http.handle(request, { abortSignal: signal });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
    return {
      status: response.statusCode,
      headers: lowerCaseKeys(response.headers),
      body: Buffer.concat(chunks).toString("utf8"),
    };
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function parseBody<T>(answer: Answer): T {
  if (answer.body.trim() === "") return {} as T;
  try {
    return JSON.parse(answer.body) as T;
  } catch {
    throw new AwsServiceError(
      "InvalidResponse",
      `HTTP ${answer.status} answer is not JSON`,
      answer.status,
      false,
      { requestId: answer.headers["x-amzn-requestid"] },
    );
  }
}

function definedOnly(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
}
