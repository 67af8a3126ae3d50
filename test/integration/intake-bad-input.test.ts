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
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["a missing email", { email: undefined }, "email"],
    ["an unknown time zone", { timezone: "Europe/Atlantis" }, "timezone"],
    [
      "empty topics",
      { preferences: { topics: [], languages: ["en"], cadence: "weekly" } },
      "preferences.topics",
    ],
    [
      "an unknown cadence",
      { preferences: { topics: ["delegation"], languages: ["en"], cadence: "daily" } },
      "preferences.cadence",
    ],
    ["a name over 120 characters", { name: "x".repeat(121) }, "name"],
    ["a challenge over 4,000 characters", { challenge: "x".repeat(4001) }, "challenge"],
    ["missing consent", { consent: undefined }, "consent"],
    ["consent refused", { consent: false }, "consent"],
  ])("answers 400 naming the field for %s, and keeps nothing", async (_what, change, path) => {
    const email = uniqueEmail("bad");
    const body = intakeBody(email, change);
    const res = await call(stack.app, "POST", "/v1/intake", body);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(res.body.error.message).toContain(path);
    await expectNothingKept(
      stack,
      typeof body.email === "string" && body.email.includes("@") ? body.email : email,
    );
  });

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
    expect(res.body.error.fields[0].path).toBe("Idempotency-Key");
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
