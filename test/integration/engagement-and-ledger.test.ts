import { correlationToken } from "@coachflow/core/bookings/correlation";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  bookByWebhook,
  DAY,
  finishAsCoach,
  HOUR,
  MINUTE,
  moveTo,
  type TestCoach,
} from "../support/coaching";
import { call } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";

const future = (stack: TestStack, days: number) =>
  new Date(stack.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);

describe("coach load and the send ledger under failure and repetition", () => {
  let stack: TestStack;
  let a: TestCoach;
  let b: TestCoach;
  const load = async (coach: TestCoach) =>
    (await call(stack.app, "GET", `/v1/coaches/${coach.id}`, undefined, adminHeaders)).body
      .activeClients as number;

  /**
   * Books a session starting an hour from now (through the coach's link for `clientId`, if given),
   * moves past its end, and finishes it as its coach.
   */
  async function meetAndFinish(
    coach: TestCoach,
    email: string,
    body: Record<string, unknown>,
    clientId?: string,
  ) {
    const start = Math.ceil((stack.clock.now().getTime() + HOUR) / MINUTE) * MINUTE;
    const token = clientId ? correlationToken(clientId, coach.id, "test-link-secret-0123456789") : undefined;
    const { sessionId } = await bookByWebhook(stack, { coach, email, start, ...(token ? { token } : {}) });
    await moveTo(stack, start + 2 * HOUR);
    const res = await finishAsCoach(stack, coach.id, sessionId, {
      takeaways: [],
      actionItems: [],
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return sessionId;
  }

  beforeAll(async () => {
    stack = await startTestStack({ clock: new LocalClock({ startAt: "2031-03-03T09:00:00Z" }) });
    [a, b] = [await addCoach(stack), await addCoach(stack)];
  });

  it("counts a double-clicked 'continue' once, and 'end' takes it back once", async () => {
    const email = uniqueEmail("twice");
    const sessionId = await meetAndFinish(a, email, { next: { type: "end" }, workTogether: true });
    const before = await load(a);
    const { signLink, linkUrl } = await import("@coachflow/core/links/signed-links");
    const clientId = (await stack.deps.bookings.bookings.getSessions([sessionId]))[0]!.clientId;
    // Each link as a check-in would carry it: the engagement's version when it was sent (0032).
    const path = (action: "continue" | "end", version: number) =>
      new URL(
        linkUrl(
          "http://x",
          signLink("test-link-secret-0123456789", action, clientId, sessionId, stack.clock.now(), version),
        ),
      ).pathname;

    await Promise.all([
      stack.app.request(path("continue", 0), { method: "POST" }),
      stack.app.request(path("continue", 0), { method: "POST" }),
    ]);
    expect(await load(a)).toBe(before + 1);

    await Promise.all([
      stack.app.request(path("end", 1), { method: "POST" }),
      stack.app.request(path("end", 1), { method: "POST" }),
    ]);
    expect(await load(a)).toBe(before);
  });

  it("retries a firing whose send another sender holds, and never repeats it once that sender's lease is over", async () => {
    const email = uniqueEmail("crash");
    const start = Math.ceil((stack.clock.now().getTime() + 3 * DAY) / MINUTE) * MINUTE;
    const { sessionId } = await bookByWebhook(stack, { coach: a, email, start });
    const input = { v: 1, sessionId, job: "prework-reminder", startsAt: new Date(start).toISOString() };
    // A sender claimed the pre-work reminder and died: the claim is the last step before
    // SendEmail, so it may have sent it.
    expect(
      await stack.deps.bookings.ledger.claim(`${sessionId}:prework-reminder:${input.startsAt}`, {}),
    ).toBe("claimed");

    // While its lease runs, a firing fails (Lambda retries it later) rather than counting as done.
    await expect(stack.dispatcher(JSON.stringify(input))).rejects.toThrow("in progress");
    await moveTo(stack, stack.clock.now().getTime() + 2 * MINUTE);
    // After it, the outcome is unknown: at most once, so it is recorded and not sent again.
    expect(await stack.dispatcher(JSON.stringify(input))).toEqual({ outcome: "failed" });
    expect(await stack.dispatcher(JSON.stringify(input))).toEqual({ outcome: "duplicate" });
    expect((await stack.emailsTo(email)).filter((m) => m.subject.startsWith("Tomorrow:"))).toHaveLength(0);
  });

  it("never takes over a ledger entry without a lease: it was written as final", async () => {
    const { PutCommand, DynamoDBDocumentClient } = await import("@aws-sdk/lib-dynamodb");
    const key = `legacy:${uniqueEmail("legacy")}`;
    const doc = DynamoDBDocumentClient.from(stack.deps.aws.dynamodb);
    await doc.send(
      new PutCommand({
        TableName: stack.deps.config.tableName,
        Item: { pk: `SEND#${key}`, sk: "LEDGER", status: "claimed", claimedAt: "2020-01-01T00:00:00.000Z" },
      }),
    );
    expect(await stack.deps.bookings.ledger.claim(key, {})).toBe("done");
  });

  it("lists a coach's sessions in a time range, and refuses a range that ends before it starts", async () => {
    const email = uniqueEmail("range");
    const start = Math.ceil((stack.clock.now().getTime() + 5 * DAY) / MINUTE) * MINUTE;
    const { sessionId } = await bookByWebhook(stack, { coach: b, email, start });
    const headers = await stack.coachHeaders(b.id);
    const iso = (ms: number) => new Date(ms).toISOString();

    const inRange = await call(
      stack.app,
      "GET",
      `/v1/me/sessions?from=${iso(start - HOUR)}&to=${iso(start + HOUR)}`,
      undefined,
      headers,
    );
    const outside = await call(
      stack.app,
      "GET",
      `/v1/me/sessions?from=${iso(start + HOUR)}`,
      undefined,
      headers,
    );
    const reversed = await call(
      stack.app,
      "GET",
      `/v1/me/sessions?from=${iso(start + HOUR)}&to=${iso(start)}`,
      undefined,
      headers,
    );

    expect(inRange.body.sessions.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect(outside.body.sessions.map((s: { id: string }) => s.id)).not.toContain(sessionId);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields[0].path).toBe("from");
  });

  it("shows a friendly page and changes nothing for an expired link", async () => {
    const email = uniqueEmail("expired");
    const sessionId = await meetAndFinish(a, email, { next: { type: "end" }, workTogether: false });
    const clientId = (await stack.deps.bookings.bookings.getSessions([sessionId]))[0]!.clientId;
    const { signLink, linkUrl } = await import("@coachflow/core/links/signed-links");
    const path = new URL(
      linkUrl(
        "http://x",
        signLink("test-link-secret-0123456789", "unsubscribe", clientId, undefined, stack.clock.now()),
      ),
    ).pathname;

    await moveTo(stack, stack.clock.now().getTime() + 366 * DAY);
    const res = await stack.app.request(path, { method: "POST" });

    expect(res.status).toBe(400);
    expect(await res.text()).toContain("This link does not work");
    expect((await stack.deps.clients.clients.get(clientId))?.nudgesOff).toBeUndefined();
  });

  it("refuses an action item due in the past in the client's time zone, and takes today", async () => {
    const email = uniqueEmail("today");
    const start = Math.ceil((stack.clock.now().getTime() + HOUR) / MINUTE) * MINUTE;
    const { sessionId } = await bookByWebhook(stack, { coach: a, email, start });
    await moveTo(stack, start + 2 * HOUR);
    const res = await finishAsCoach(stack, a.id, sessionId, {
      takeaways: [],
      actionItems: [
        { text: "Today is fine", dueDate: future(stack, 0) },
        { text: "Yesterday is not", dueDate: future(stack, -1) },
      ],
      next: { type: "end" },
      workTogether: false,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["actionItems.1.dueDate"]);
  });
});
