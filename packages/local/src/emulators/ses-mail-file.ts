import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { Email } from "aws-ses-v2-local/dist/store";
import { z } from "zod";

/** The emulator's store module: the one its request handlers call through (`store_1.saveEmail`). */
interface StoreModule {
  saveEmail(email: Email): void;
  clearStore(): void;
  getStoreReadonly(): { emails: Email[] };
}

/** The fields the mail viewer reads; anything else in a line is kept as written. */
const storedEmail = z.looseObject({
  messageId: z.string(),
  from: z.string(),
  replyTo: z.array(z.string()),
  destination: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  attachments: z.array(z.unknown()),
  at: z.number(),
});

function parseLines(text: string): { emails: Email[]; damaged: number } {
  const emails: Email[] = [];
  let damaged = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const parsed = storedEmail.safeParse(JSON.parse(line));
      if (parsed.success) emails.push(parsed.data as Email);
      else damaged++;
    } catch {
      damaged++; // a line cut short by a crash
    }
  }
  return { emails, damaged };
}

let file: string | undefined;
let wrapped = false;

function append(email: Email): void {
  if (!file) return;
  try {
    appendFileSync(file, `${JSON.stringify(email)}\n`);
  } catch (error) {
    // The mail is in the viewer still; it is only not kept for the next start.
    console.warn(
      `SES emulator: could not keep mail ${email.messageId} in ${file} (${(error as NodeJS.ErrnoException).code})`,
    );
  }
}

/**
 * Keeps the SES emulator's sent mail in `mailFile` (JSON Lines): loads what earlier runs sent back
 * into the emulator's store, then appends each mail as the emulator stores it, before it answers
 * the send, so a crash loses nothing that was sent. The viewer's "Clear" empties the file too.
 * aws-ses-v2-local keeps its store in memory only and has no hook for this: we wrap the two store
 * functions its handlers call (decision 0019). Returns how many mails were loaded and a function
 * that stops keeping.
 */
export function keepSentMail(mailFile: string): { loaded: number; stop(): void } {
  const require = createRequire(import.meta.url);
  const store = require("aws-ses-v2-local/dist/store.js") as StoreModule;
  mkdirSync(dirname(mailFile), { recursive: true });
  const text = existsSync(mailFile) ? readFileSync(mailFile, "utf8") : "";
  const { emails, damaged } = parseLines(text);
  // Drop damaged lines, so that the next mail starts on a line of its own.
  if (damaged > 0 || (text !== "" && !text.endsWith("\n"))) {
    writeFileSync(mailFile, emails.map((e) => `${JSON.stringify(e)}\n`).join(""));
  }
  store.getStoreReadonly().emails.push(...emails);
  file = mailFile;

  if (!wrapped) {
    wrapped = true;
    const save = store.saveEmail;
    const clear = store.clearStore;
    store.saveEmail = (email) => {
      save(email);
      append(email);
    };
    store.clearStore = () => {
      clear();
      if (file) writeFileSync(file, "");
    };
  }
  return {
    loaded: emails.length,
    stop: () => {
      file = undefined;
    },
  };
}
