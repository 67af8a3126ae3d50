import { describe, expect, it } from "vitest";
import { describeSesError, EmailSendError } from "../../../packages/core/src/adapters/ses";

const sdkError = (name: string, status: number | undefined, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error("Email address is not verified: someone@example.test"), {
    name,
    $fault: status !== undefined && status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status },
    ...extra,
  });

describe("SES error translation", () => {
  it.each([
    ["throttling", sdkError("TooManyRequestsException", 429), true],
    ["a 5xx", sdkError("InternalFailure", 500), true],
    ["an unnamed 503", sdkError("Unknown", 503), true],
    ["a timeout", Object.assign(new Error("timed out"), { name: "TimeoutError" }), true],
    ["a reset connection", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), true],
    ["a rejected message", sdkError("MessageRejected", 400), false],
    ["a bad request", sdkError("BadRequestException", 400), false],
    ["a missing template", sdkError("NotFoundException", 404), false],
  ])("treats %s as transient: %s", (_what, error, transient) => {
    expect(describeSesError(error).transient).toBe(transient);
  });

  it("reads the error type the emulator puts in the body", () => {
    const error = sdkError("Unknown", 400, { type: "AlreadyExistsException" });

    expect(describeSesError(error).type).toBe("AlreadyExistsException");
  });

  it("keeps SES's message, which can hold addresses, out of its own and in the cause", () => {
    const cause = sdkError("MessageRejected", 400);

    const error = EmailSendError.from(cause, "coach-brief");

    expect(error.name).toBe("EmailSendError");
    expect(error.message).toBe("SES SendEmail failed for template coach-brief: MessageRejected (HTTP 400)");
    expect(error.cause).toBe(cause);
    expect(error.transient).toBe(false);
  });
});
