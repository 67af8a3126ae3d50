import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";

/**
 * An endpoint that fails the way a network does, for the caller's at-most-once rules:
 *
 * - `"hang"`: accepts the connection, reads the whole request, never answers. The service has the
 *   request: a response timeout, after which it may have acted.
 * - `"refuse"`: a closed port on 127.0.0.1, so the connection is refused (ECONNREFUSED). Nothing
 *   was sent.
 * - `"no-handshake"`: a listening socket whose accept queue is full, held by a child process that
 *   never accepts. Linux drops the SYN of every further connection (it does not refuse it), so the
 *   TCP handshake never completes and the client's connection timeout ends the attempt. Nothing was
 *   sent.
 *
 * `requests` counts the HTTP requests that reached the endpoint (only `"hang"` can receive any).
 */
export type Fault = "hang" | "refuse" | "no-handshake";

export interface FaultEndpoint {
  endpoint: string;
  /** HTTP requests that arrived (always 0 unless the fault is `"hang"`). */
  readonly requests: number;
  close(): Promise<void>;
}

export function startFaultEndpoint(fault: Fault): Promise<FaultEndpoint> {
  switch (fault) {
    case "hang":
      return hanging();
    case "refuse":
      return refusing();
    case "no-handshake":
      return withoutHandshake();
  }
}

async function hanging(): Promise<FaultEndpoint> {
  let requests = 0;
  const server: Server = createServer((req) => {
    req.resume();
    req.on("end", () => {
      requests++;
    });
  });
  const port = await listen(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was just free: bound, then closed, so nothing listens there. */
async function refusing(): Promise<FaultEndpoint> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { endpoint: `http://127.0.0.1:${port}`, requests: 0, close: async () => {} };
}

/**
 * The child listens with a backlog of 1 and then blocks its event loop, so it never calls accept().
 * The kernel completes handshakes into the accept queue until it is full; the filler connections
 * made here fill it, and from then on every SYN is dropped.
 */
const NEVER_ACCEPTS = `
const net = require("node:net");
const server = net.createServer();
server.listen({ port: 0, host: "127.0.0.1", backlog: 1 }, () => {
  process.stdout.write(server.address().port + "\\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
`;

async function withoutHandshake(): Promise<FaultEndpoint> {
  const child: ChildProcess = spawn(process.execPath, ["-e", NEVER_ACCEPTS], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.stdout!.once("data", (data) => resolve(Number(String(data).trim())));
  });
  const fillers: net.Socket[] = [];
  const stop = async () => {
    for (const s of fillers) s.destroy();
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }
  };
  // Connect until one connection does not complete: the queue is full. (Two fit with backlog 1.)
  for (let i = 0; ; i++) {
    const socket = net.connect(port, "127.0.0.1");
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      socket.once("connect", () => {
        clearTimeout(timer);
        resolve(true);
      });
      socket.once("error", () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (!connected) break;
    if (i >= 16) {
      await stop();
      throw new Error("the accept queue never filled: this kernel does not drop SYNs on a full queue");
    }
  }
  return { endpoint: `http://127.0.0.1:${port}`, requests: 0, close: stop };
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}
