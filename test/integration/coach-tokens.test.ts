import { beforeAll, describe, expect, it } from "vitest";
import { addCoach, moveTo, type TestCoach } from "../support/coaching";
import { call } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack } from "../support/stack";

/*
 * Coach bearer tokens (issue 11): a deactivated coach's tokens stop working within a minute, on
 * every instance, and a minted token lives 12 hours by default and 7 days at most.
 */

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as { iat: number; exp: number };

describe("coach bearer tokens", () => {
  let stack: TestStack;
  let coach: TestCoach;

  beforeAll(async () => {
    stack = await startTestStack();
    coach = await addCoach(stack);
  });

  const mint = (body: Record<string, unknown>) =>
    call(stack.app, "POST", "/v1/auth/coach-tokens", body, adminHeaders);

  it("mints a token that lives 12 hours when no lifetime is asked for", async () => {
    const res = await mint({ coachId: coach.id });

    expect(res.status).toBe(201);
    expect(res.body.expiresIn).toBe(12 * 3600);
    const { iat, exp } = claimsOf(res.body.token);
    expect(exp - iat).toBe(12 * 3600);
  });

  it("mints one for 7 days, and refuses anything longer with 400 naming the lifetime field", async () => {
    const week = await mint({ coachId: coach.id, ttlSeconds: 7 * 86_400 });
    expect(week.status).toBe(201);
    const { iat, exp } = claimsOf(week.body.token);
    expect(exp - iat).toBe(7 * 86_400);

    const longer = await mint({ coachId: coach.id, ttlSeconds: 7 * 86_400 + 1 });

    expect(longer.status).toBe(400);
    expect(longer.body.error.code).toBe("validation_failed");
    expect(longer.body.error.fields).toEqual([
      {
        path: "ttlSeconds",
        label: "Lifetime in seconds",
        message: "Lifetime in seconds must be at most 604800",
      },
    ]);
    expect(longer.body).not.toHaveProperty("token");
  });

  it("stops a deactivated coach's tokens at once where it was deactivated and within a minute everywhere else", async () => {
    // Two instances of the API on one table: `here` deactivates, `there` had the coach cached as active.
    const here = await startTestStack();
    const there = await startTestStack({
      env: { TABLE_NAME: here.deps.config.tableName },
      createTable: false,
    });
    const leaving = await addCoach(here);
    const headers = await here.coachHeaders(leaving.id);
    const mine = (s: TestStack) => call(s.app, "GET", "/v1/me/sessions", undefined, headers);
    expect((await mine(there)).status).toBe(200);
    expect((await mine(here)).status).toBe(200);

    const off = await call(here.app, "PATCH", `/v1/coaches/${leaving.id}`, { active: false }, adminHeaders);
    expect(off.status).toBe(200);

    const refusedHere = await mine(here);
    expect(refusedHere.status).toBe(401);
    expect(refusedHere.body.error.code).toBe("unauthorized");
    // The other instance reads the coaches again once its list is a minute old.
    await moveTo(there, there.clock.now().getTime() + 60_000);
    expect((await mine(there)).status).toBe(401);
    const refusal = there.logs.map((l) => JSON.parse(l)).find((l) => l.msg === "bearer token refused");
    expect(refusal).toMatchObject({ level: "warn", reason: "coach inactive" });

    // Active again: the token works again at once, on both (a coach missing from a cached list is read).
    const on = await call(there.app, "PATCH", `/v1/coaches/${leaving.id}`, { active: true }, adminHeaders);
    expect(on.status).toBe(200);
    expect((await mine(there)).status).toBe(200);
    expect((await mine(here)).status).toBe(200);
  });
});
