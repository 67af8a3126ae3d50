import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AwsCaller } from "../../packages/core/src/adapters/aws";
import {
  EmailSendError,
  SES_V2,
  SesEmailSender,
  upsertTemplates,
} from "../../packages/core/src/adapters/ses";
import { getTemplate, renderTemplate, TEMPLATES, templateData } from "../../packages/core/src/email";

interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
}

const endpoint = inject("sesEndpoint");
const client = new AwsCaller({
  service: SES_V2,
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const sender = new SesEmailSender(client, { from: "Tech Lead Coaching Network <hello@coachflow.test>" });
const uniqueAddress = (tag: string) => `${tag}-${randomUUID()}@example.test`;

async function storedEmailTo(address: string): Promise<StoredEmail> {
  const res = await fetch(`${endpoint}/store`);
  const store = (await res.json()) as { emails: StoredEmail[] };
  const found = store.emails.filter((e) => e.destination.to.includes(address));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("SES adapter against the SES v2 emulator", () => {
  beforeAll(async () => {
    await upsertTemplates(client, TEMPLATES);
  });
  afterAll(() => client.destroy());

  it("updates existing templates on a second upsert instead of failing", async () => {
    // Act
    const result = await upsertTemplates(client, TEMPLATES);

    // Assess
    expect(result.created).toEqual([]);
    expect(result.updated.sort()).toEqual(TEMPLATES.map((t) => t.name).sort());
  });

  it("sends coach-recommendations with an escaped name, a working booking link and a plain-text body", async () => {
    // Prepare
    const to = uniqueAddress("recommendations");
    const sample = getTemplate("coach-recommendations").sample;
    const input = { ...sample, clientName: "Eve & <b>Co</b>" };
    const bookingUrl = sample.coaches[0]!.bookingUrl;

    // Act
    const { messageId } = await sender.send({
      to,
      template: "coach-recommendations",
      data: templateData("coach-recommendations", input),
    });

    // Assess
    const email = await storedEmailTo(to);
    expect(email.messageId).toBe(messageId);
    expect(email.subject).toBe("Your recommended coaches");
    expect(email.body.html).toContain("Hi Eve &amp; &lt;b&gt;Co&lt;/b&gt;,");
    expect(email.body.html).not.toContain("<b>Co</b>");
    expect(email.body.html).toContain(`href="${bookingUrl.replaceAll("&", "&amp;")}"`);
    expect(email.body.text).toContain("Hi Eve & <b>Co</b>,");
    expect(email.body.text).toContain(`Book an intro session with Ada Mensah:\n${bookingUrl}\n`);
    expect(email.body.text).not.toContain("&amp;");
    // The local renderer used for previews and unit tests produces the very same email.
    const local = renderTemplate("coach-recommendations", input);
    expect(email.body).toEqual({ html: local.html, text: local.text });
  });

  it("passes custom headers through to the message", async () => {
    const to = uniqueAddress("headers");
    const sample = getTemplate("intake-waitlisted").sample;

    await sender.send({
      to,
      template: "intake-waitlisted",
      data: templateData("intake-waitlisted", sample),
      headers: { "X-Coachflow-Delivery": "dlv_01J9ZQ4N6Y3M8K2V5T7W9X1B3C" },
    });

    const email = await storedEmailTo(to);
    expect(email.headers).toEqual([
      { name: "X-Coachflow-Delivery", value: "dlv_01J9ZQ4N6Y3M8K2V5T7W9X1B3C" },
    ]);
  });

  it("reports a send to a template SES does not have as permanent, without the address", async () => {
    const to = uniqueAddress("missing");

    const failure = await sender
      .send({ to, template: "no-such-template", data: {} })
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(EmailSendError);
    const error = failure as EmailSendError;
    expect(error.transient).toBe(false);
    expect(error.sesErrorType).toBe("NotFoundException");
    expect(error.message).toBe(
      "SES SendEmail failed for template no-such-template: NotFoundException (HTTP 404)",
    );
    expect(error.message).not.toContain(to);
  });

  it("refuses a header value with a line break before calling SES", async () => {
    const to = uniqueAddress("injection");

    const failure = await sender
      .send({ to, template: "intake-waitlisted", data: {}, headers: { "X-Note": "a\r\nBcc: x@evil.test" } })
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(EmailSendError);
    expect((failure as EmailSendError).transient).toBe(false);
    expect((failure as Error).message).not.toContain("evil");
  });
});
