import type { Server } from "node:http";
import { createRequire } from "node:module";
import { waitFor } from "./ports";
import { keepSentMail } from "./ses-mail-file";

export interface SesLocal {
  endpoint: string;
  /** Mails an earlier run sent, loaded back from `mailFile` (0 without one). */
  keptMails: number;
  stop(): Promise<void>;
}

/**
 * Starts the `aws-ses-v2-local` emulator in this process; its web UI at `/` shows every email.
 * With `mailFile` the sent mail survives restarts; without it the mail lives in memory only.
 */
export async function startSesLocal(opts: { port: number; mailFile?: string }): Promise<SesLocal> {
  // Loaded with `require`, as its store module is (ses-mail-file.ts), so that both are one instance.
  const require = createRequire(import.meta.url);
  const { default: start } = require("aws-ses-v2-local") as {
    default: (o: { port: number; host: string }) => Promise<Server>;
  };
  const kept = opts.mailFile ? keepSentMail(opts.mailFile) : undefined;
  const server = await start({ port: opts.port, host: "127.0.0.1" });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  await waitFor(async () => (await fetch(`${endpoint}/store`)).ok, 10_000, "the SES emulator");
  return {
    endpoint,
    keptMails: kept?.loaded ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        kept?.stop();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
