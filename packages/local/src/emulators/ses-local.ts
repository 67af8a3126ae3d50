import type { Server } from "node:http";
import { waitFor } from "./ports";

export interface SesLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts the `aws-ses-v2-local` emulator in this process; its web UI at `/` shows every email. */
export async function startSesLocal(opts: { port: number }): Promise<SesLocal> {
  type Start = (o: { port: number; host: string }) => Promise<Server>;
  // A CommonJS module: depending on the loader its function sits at `default` or `default.default`.
  const mod = (await import("aws-ses-v2-local")) as unknown as { default: Start | { default: Start } };
  const start = typeof mod.default === "function" ? mod.default : mod.default.default;
  const server = await start({ port: opts.port, host: "127.0.0.1" });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  await waitFor(async () => (await fetch(`${endpoint}/store`)).ok, 10_000, "the SES emulator");
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
