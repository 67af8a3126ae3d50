import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Email } from "aws-ses-v2-local/dist/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepSentMail } from "../../../packages/local/src/emulators/ses-mail-file";

/** The emulator's own store module, which its request handlers call. */
const store = createRequire(import.meta.url)("aws-ses-v2-local/dist/store.js") as {
  saveEmail(email: Email): void;
  clearStore(): void;
  getStoreReadonly(): { emails: Email[] };
};

const mail = (messageId: string): Email => ({
  messageId,
  from: "program@example.com",
  replyTo: [],
  destination: { to: ["client@example.com"], cc: [], bcc: [] },
  subject: `subject ${messageId}`,
  body: { text: "hello" },
  attachments: [],
  at: 1_700_000_000,
});
const lines = async (file: string) => (await readFile(file, "utf8")).split("\n").filter(Boolean);

describe("keepSentMail", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "coachflow-mail-"));
    file = join(dir, "ses-mail.jsonl");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("loads the mail of earlier runs, drops a line a crash cut short, and appends after it", async () => {
    const cut = JSON.stringify(mail("m-3")).slice(0, 40);
    await writeFile(file, `${JSON.stringify(mail("m-1"))}\n${JSON.stringify(mail("m-2"))}\n${cut}`);

    const kept = keepSentMail(file);
    expect(kept.loaded).toBe(2);
    expect(store.getStoreReadonly().emails.map((e) => e.messageId)).toEqual(["m-1", "m-2"]);

    store.saveEmail(mail("m-4"));
    expect((await lines(file)).map((l) => (JSON.parse(l) as Email).messageId)).toEqual(["m-1", "m-2", "m-4"]);
    expect(store.getStoreReadonly().emails).toHaveLength(3);
  });

  it("empties the file when the mail viewer clears the store", async () => {
    store.clearStore();
    expect(await lines(file)).toEqual([]);
    expect(keepSentMail(file).loaded).toBe(0);
  });

  it("writes nothing more once stopped", async () => {
    keepSentMail(file).stop();
    store.saveEmail(mail("m-5"));
    expect(await lines(file)).toEqual([]);
  });
});
