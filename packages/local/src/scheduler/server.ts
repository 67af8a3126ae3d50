import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { SchedulerApiError } from "./errors";
import type { HandlerContext } from "./handlers";
import { route } from "./routes";

const MAX_BODY_BYTES = 1_000_000;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new SchedulerApiError("ValidationException", "Request body is too large.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SchedulerApiError("ValidationException", "Request body is not valid JSON.");
  }
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    "x-amzn-requestid": randomUUID(),
    ...(errorType ? { "x-amzn-errortype": errorType } : {}),
  });
  res.end(payload);
}

/** Serves the EventBridge Scheduler REST-JSON API; answers errors as the real service does. */
async function handle(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://local");
    const segments = url.pathname
      .split("/")
      .filter((s) => s !== "")
      .map((s) => decodeURIComponent(s));
    const body = await readBody(req);
    const result = route(ctx, {
      method: req.method ?? "GET",
      segments,
      query: Object.fromEntries(url.searchParams),
      body,
    });
    send(res, 200, result);
  } catch (error) {
    if (error instanceof SchedulerApiError) {
      send(res, error.status, { Message: error.message }, error.type);
      return;
    }
    if (error instanceof URIError) {
      send(res, 400, { Message: "Malformed URL encoding." }, "ValidationException");
      return;
    }
    console.error("local scheduler: request failed", error);
    send(res, 500, { Message: String(error) }, "InternalServerException");
  }
}

/** Starts the HTTP server on host:port; resolves once it listens. */
export function listen(ctx: HandlerContext, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => void handle(ctx, req, res));
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
