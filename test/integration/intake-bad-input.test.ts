import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { call, intakeBody } from "../support/requests";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/** After a refused intake: nothing stored for the email and nothing sent to it. */
async function expectNothingKept(stack: TestStack, email: string) {
  expect(await stack.deps.clients.clients.readForIntake(email.toLowerCase())).toEqual({});
  expect(await stack.emailsTo(email.toLowerCase())).toHaveLength(0);
}

describe("POST /v1/intake with bad input", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
  });

  it.each([
    [
      "an invalid email",
      { email: "not-an-email" },
      "email",
      "Your email address must be an email address like name@example.com",
    ],
    ["a missing email", { email: undefined }, "email", "Enter your email address"],
    [
      "an unknown time zone",
      { timezone: "Europe/Atlantis" },
      "timezone",
      "Your time zone must be a time zone name such as Europe/Lisbon",
    ],
    [
      "empty topics",
      { preferences: { topics: [], languages: ["en"], cadence: "weekly" } },
      "preferences.topics",
      "Choose at least one of the topics",
    ],
    [
      "topics sent as a string",
      { preferences: { topics: "delegation", languages: ["en"], cadence: "weekly" } },
      "preferences.topics",
      "Topics must be a list",
    ],
    [
      "an unknown cadence",
      { preferences: { topics: ["delegation"], languages: ["en"], cadence: "daily" } },
      "preferences.cadence",
      "Choose how often you would like to meet: weekly, biweekly, monthly or ad-hoc",
    ],
    [
      "a name over 120 characters",
      { name: "x".repeat(121) },
      "name",
      "Your name must be 120 characters or fewer",
    ],
    [
      "a challenge over 4,000 characters",
      { challenge: "x".repeat(4001) },
      "challenge",
      "Your top challenge must be 4000 characters or fewer",
    ],
    ["missing consent", { consent: undefined }, "consent", "Tick the box to give consent to be contacted"],
    ["consent refused", { consent: false }, "consent", "Tick the box to give consent to be contacted"],
  ])(
    "answers 400 naming the field for %s in plain words, and keeps nothing",
    async (_what, change, path, message) => {
      const email = uniqueEmail("bad");
      const body = intakeBody(email, change);
      const res = await call(stack.app, "POST", "/v1/intake", body);

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      // One message per field, with the label the form shows, in the error body and its summary.
      expect(res.body.error.fields).toEqual([{ path, label: expect.any(String), message }]);
      expect(message.toLowerCase()).toContain(res.body.error.fields[0].label.toLowerCase());
      expect(res.body.error.message).toBe(message);
      await expectNothingKept(
        stack,
        typeof body.email === "string" && body.email.includes("@") ? body.email : email,
      );
    },
  );

  it("answers 413 for a body over 64 KB", async () => {
    const email = uniqueEmail("big");
    const res = await call(
      stack.app,
      "POST",
      "/v1/intake",
      intakeBody(email, { background: "x".repeat(70 * 1024) }),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    await expectNothingKept(stack, email);
  });

  it("answers 415 for a content type it does not take", async () => {
    const email = uniqueEmail("xml");
    const res = await stack.app.request("/v1/intake", {
      method: "POST",
      headers: { "content-type": "text/xml" },
      body: "<intake/>",
    });
    expect(res.status).toBe(415);
    await expectNothingKept(stack, email);
  });

  it("answers 400 for malformed JSON without echoing it", async () => {
    const res = await call(stack.app, "POST", "/v1/intake", '{"name": "Sam", "email": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("malformed_json");
  });

  it("answers 400 for an Idempotency-Key with control characters", async () => {
    const email = uniqueEmail("key");
    const res = await call(stack.app, "POST", "/v1/intake", intakeBody(email), { "idempotency-key": "a b" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      {
        path: "Idempotency-Key",
        label: "Idempotency-Key header",
        message: "The Idempotency-Key header must be 1–255 visible ASCII characters",
      },
    ]);
    await expectNothingKept(stack, email);
  });

  it("never answers with a stack trace, and logs the unexpected failure with context", async () => {
    const broken = await startTestStack({ createTable: false });
    const res = await call(broken.app, "POST", "/v1/intake", intakeBody(uniqueEmail("boom")), {
      "x-request-id": "req-42",
    });

    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { code: "internal_error", message: "something went wrong on our side; it has been logged" },
    });
    const line = broken.logs.map((l) => JSON.parse(l)).find((l) => l.msg === "unexpected error");
    expect(line).toMatchObject({
      level: "error",
      requestId: "req-42",
      method: "POST",
      errorName: "ResourceNotFoundException",
    });
    expect(JSON.stringify(broken.logs)).not.toContain("boom.");
  });
});
