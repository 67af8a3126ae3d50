import { describe, expect, it } from "vitest";
import { AwsServiceError } from "../../../packages/core/src/adapters/aws";
import {
  describeSesError,
  EmailSendError,
  SES_V2,
  SesEmailSender,
  TemplateUpsertError,
  upsertTemplates,
} from "../../../packages/core/src/adapters/ses";
import { getTemplate } from "../../../packages/core/src/email";
import { type Answer, scriptedCallers } from "../../support/aws-answers";

/**
 * SES error translation, driven by real HTTP answers shaped as SES v2 sends them (status,
 * `x-amzn-errortype`, a message that quotes addresses) from a local server, through the real caller.
 */

const ADDRESS = "someone@example.test";
const answer = (type: string, status: number): Answer => ({
  status,
  headers: { "x-amzn-errortype": type },
  body: { message: `Email address is not verified. The following identities failed the check: ${ADDRESS}` },
});

const callerAgainst = scriptedCallers();

async function sesAnswering(answers: Answer[], maxAttempts = 1) {
  const { server, caller } = await callerAgainst(answers, {
    service: SES_V2,
    retry: { maxAttempts },
    requestTimeoutMs: 100,
  });
  return { server, caller, sender: new SesEmailSender(caller, { from: "Coachflow <hello@coachflow.test>" }) };
}

/** The EmailSendError a send to ADDRESS ends in; fails the test when it succeeds. */
const send = (sender: SesEmailSender): Promise<EmailSendError> =>
  sender.send({ to: ADDRESS, template: "coach-brief", data: {} }).then(
    () => {
      throw new Error("expected the send to fail");
    },
    (e: unknown) => e as EmailSendError,
  );

describe("SES error translation", () => {
  it.each([
    ["throttling", answer("TooManyRequestsException", 429), true],
    ["a sending quota that refills", answer("LimitExceededException", 400), true],
    ["a 5xx", answer("InternalFailure", 500), true],
    ["an unnamed 503", { status: 503, body: "<html>busy</html>" } as Answer, true],
    // SES may have read the request before the connection broke: at most once (decision 0012).
    ["a dropped connection", "reset" as Answer, false],
    ["a rejected message", answer("MessageRejected", 400), false],
    ["a bad request", answer("BadRequestException", 400), false],
    ["a missing template", answer("NotFoundException", 404), false],
    ["a suspended account", answer("AccountSuspendedException", 400), false],
  ])("treats %s as transient: %s", async (_what, reply, transient) => {
    const { sender } = await sesAnswering([reply]);

    const error = await send(sender);

    expect(error).toBeInstanceOf(EmailSendError);
    expect(error.transient).toBe(transient);
    expect(describeSesError(error.cause).transient).toBe(transient);
  });

  it("treats a failure before any answer (no credentials, say) as transient", () => {
    const missing = Object.assign(new Error("Could not load credentials"), {
      name: "CredentialsProviderError",
    });

    expect(describeSesError(missing)).toEqual({
      type: "CredentialsProviderError",
      status: undefined,
      transient: true,
      outcomeUnknown: false,
    });
  });

  it("does not send again after a timeout, when SES may have sent it: one attempt, not transient", async () => {
    const { server, sender } = await sesAnswering(["hang", { status: 200, body: { MessageId: "m-2" } }], 3);

    const error = await send(sender);

    expect(server.received).toHaveLength(1);
    expect(error.transient).toBe(false);
    expect(describeSesError(error.cause)).toMatchObject({ type: "TimeoutError", outcomeUnknown: true });
    expect(error.message).toBe(
      "SES SendEmail failed for template coach-brief: TimeoutError (no response; SES may have sent it, so it is not sent again)",
    );
  });

  it("sends again after answers that say SES did not send", async () => {
    const { server, sender } = await sesAnswering(
      [
        answer("TooManyRequestsException", 429),
        answer("InternalFailure", 500),
        { status: 200, body: { MessageId: "m-3" } },
      ],
      3,
    );

    const sent = await sender.send({ to: ADDRESS, template: "coach-brief", data: {} });

    expect(sent).toEqual({ messageId: "m-3" });
    expect(server.received).toHaveLength(3);
  });

  it("does not send again after a dropped connection: the outcome is unknown", async () => {
    const { server, sender } = await sesAnswering(["reset", { status: 200, body: { MessageId: "m-2" } }], 3);

    const error = await send(sender);

    expect(error).toMatchObject({ transient: false, outcomeUnknown: true });
    expect(server.received).toHaveLength(1);
  });

  it("reads the error type the emulator puts in the body", async () => {
    const { sender } = await sesAnswering([
      { status: 400, body: { type: "AlreadyExistsException", message: "x" } },
    ]);

    const error = await send(sender);

    expect(error.sesErrorType).toBe("AlreadyExistsException");
  });

  it("keeps SES's message, which can hold addresses, out of its own and in the cause", async () => {
    const { sender } = await sesAnswering([answer("MessageRejected", 400)]);

    const error = await send(sender);

    expect(error.name).toBe("EmailSendError");
    expect(error.message).toBe("SES SendEmail failed for template coach-brief: MessageRejected (HTTP 400)");
    expect(error.cause).toBeInstanceOf(AwsServiceError);
    expect((error.cause as Error).message).toContain(ADDRESS);
    expect(error.message).not.toContain(ADDRESS);
    expect(error.transient).toBe(false);
  });

  it("sends once more after throttling, and answers the MessageId", async () => {
    const { sender, server } = await sesAnswering(
      [answer("TooManyRequestsException", 429), { status: 200, body: { MessageId: "0100-abc" } }],
      3,
    );

    const out = await sender.send({ to: ADDRESS, template: "coach-brief", data: { a: 1 } });

    expect(out).toEqual({ messageId: "0100-abc" });
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v2/email/outbound-emails",
      "POST /v2/email/outbound-emails",
    ]);
  });

  it("does not retry, and calls it permanent, when SES accepted but named no MessageId", async () => {
    const { sender, server } = await sesAnswering([{ status: 200, body: {} }, { status: 200 }], 3);

    const error = await send(sender);

    expect(error).toMatchObject({ transient: false });
    expect(error.message).toBe("SES returned no MessageId for template coach-brief");
    expect(server.received).toHaveLength(1);
  });

  it("turns a template upsert SES refuses into a TemplateUpsertError, without retrying", async () => {
    const template = getTemplate("coach-brief");
    const { server, caller } = await sesAnswering([answer("BadRequestException", 400)], 3);

    const error = await upsertTemplates(caller, [template]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TemplateUpsertError);
    expect(error).toMatchObject({
      transient: false,
      message: "SES CreateEmailTemplate failed for template coach-brief: BadRequestException (HTTP 400)",
    });
    expect(server.received).toHaveLength(1);
  });

  it("updates a template that exists, at its own path", async () => {
    const template = getTemplate("coach-brief");
    const { server, caller } = await sesAnswering([answer("AlreadyExistsException", 400), { status: 200 }]);

    const result = await upsertTemplates(caller, [template]);

    expect(result).toEqual({ created: [], updated: ["coach-brief"] });
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v2/email/templates",
      "PUT /v2/email/templates/coach-brief",
    ]);
    expect(JSON.parse(server.received[1]!.body)).toEqual({
      TemplateContent: { Subject: template.subject, Html: template.html, Text: template.text },
    });
  });
});
