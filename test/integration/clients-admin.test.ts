import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { call, intakeBody } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";

describe("admin views and overrides of a client's matches", () => {
  let stack: TestStack;
  let coachIds: string[];
  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
    coachIds = (await stack.deps.coaches.coaches.listActive()).map((c) => c.id);
  });

  it("shows the profile and matches to an admin only", async () => {
    const email = uniqueEmail("view");
    const { body } = await call(stack.app, "POST", "/v1/intake", intakeBody(email));

    expect((await call(stack.app, "GET", `/v1/clients/${body.clientId}`)).status).toBe(401);
    const view = await call(stack.app, "GET", `/v1/clients/${body.clientId}`, undefined, adminHeaders);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      id: body.clientId,
      email,
      company: "Acme Pay",
      matches: body.matches,
      matchedBy: "matcher",
    });
    expect(
      (await call(stack.app, "GET", "/v1/clients/cli_01ARZ3NDEKTSV4RRFFQ69G5FAV", undefined, adminHeaders))
        .status,
    ).toBe(404);
  });

  it("replaces the matches with the admin's 1–3 coaches, in order, and emails the client", async () => {
    const email = uniqueEmail("override");
    const { body } = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const chosen = [coachIds[4]!, coachIds[1]!];

    const res = await call(
      stack.app,
      "PUT",
      `/v1/clients/${body.clientId}/matches`,
      { coachIds: chosen },
      adminHeaders,
    );

    expect(res.status).toBe(200);
    expect(res.body.matches.map((m: { coachId: string }) => m.coachId)).toEqual(chosen);
    expect(res.body.matchedBy).toBe("admin");
    expect(res.body.matches[0].reasons[0]).toBe("Chosen for you by the program team");
    const mails = await stack.emailsTo(email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.body.text).toContain(res.body.matches[0].name);
    // A resubmission of the same answers now shows the admin's choice.
    const again = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    expect(again.body.matches.map((m: { coachId: string }) => m.coachId)).toEqual(chosen);
  });

  it.each([
    ["no coaches", { coachIds: [] }, "coachIds"],
    ["four coaches", { coachIds: ["a", "b", "c", "d"] }, "coachIds"],
    ["a repeated coach", { coachIds: ["x", "x"] }, "coachIds"],
    ["an unknown coach", { coachIds: ["coa_01ARZ3NDEKTSV4RRFFQ69G5FAV"] }, "coachIds.0"],
  ])("refuses %s with 400 naming the field", async (_what, body, path) => {
    const { body: intake } = await call(stack.app, "POST", "/v1/intake", intakeBody(uniqueEmail("refuse")));
    const res = await call(stack.app, "PUT", `/v1/clients/${intake.clientId}/matches`, body, adminHeaders);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it("never writes back goals, engagement or nudge settings from a stale copy when matches are saved", async () => {
    const { body } = await call(stack.app, "POST", "/v1/intake", intakeBody(uniqueEmail("stale")));
    const repo = stack.deps.clients.clients;
    const stale = (await repo.get(body.clientId))!;
    const goals = [
      { text: "Delegate reviews", measure: "Two reviewers besides me", targetDate: "2099-01-01" },
    ];
    await repo.setGoals(body.clientId, goals, new Date().toISOString());
    await repo.setNudgesOff(body.clientId, true, new Date().toISOString());

    await repo.save({ ...stale, matchedBy: "admin", version: stale.version + 1 });

    const after = (await repo.get(body.clientId))!;
    expect(after).toMatchObject({ smartGoals: goals, nudgesOff: true, matchedBy: "admin" });
  });

  it("rematches a client after the coaches changed", async () => {
    const email = uniqueEmail("rematch");
    const { body } = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const top = body.matches[0].coachId;
    await call(stack.app, "PATCH", `/v1/coaches/${top}`, { active: false }, adminHeaders);

    const res = await call(
      stack.app,
      "POST",
      `/v1/clients/${body.clientId}/rematch`,
      undefined,
      adminHeaders,
    );

    expect(res.status).toBe(200);
    expect(res.body.matches.map((m: { coachId: string }) => m.coachId)).not.toContain(top);
    expect(res.body.version).toBe(2);
    await call(stack.app, "PATCH", `/v1/coaches/${top}`, { active: true }, adminHeaders);
  });
});
