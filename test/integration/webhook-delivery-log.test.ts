import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { call } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calcomEvent, calendlyCreated, deliver } from "../support/webhooks";

const HOUR = 3600_000;
const calendlyCoach = DEMO_COACHES.find((c) => c.input.bookingProvider === "calendly")!.input;
const calcomCoach = DEMO_COACHES.find((c) => c.input.bookingProvider === "calcom")!.input;
let seq = 0;
const uid = (label: string) => `${label}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

describe("webhook delivery log (admin)", () => {
  /** Sends no email: its SES endpoint is a closed port. Shares the table with `healthy`. */
  let broken: TestStack;
  let healthy: TestStack;
  // Whole hours from a base fixed at the start, so every `at(n)` names one instant.
  let base: number;
  const at = (hoursFromNow: number) => new Date(base + hoursFromNow * HOUR).toISOString();

  const list = (status: string, headers: Record<string, string> = adminHeaders) =>
    call(healthy.app, "GET", `/v1/webhook-deliveries?status=${status}`, undefined, headers);
  const replay = (id: string, headers: Record<string, string> = adminHeaders) =>
    call(healthy.app, "POST", `/v1/webhook-deliveries/${id}/replay`, undefined, headers);
  const ids = (page: { body: { items: { id: string }[] } }) => page.body.items.map((d) => d.id);

  beforeAll(async () => {
    const table = `test-${randomUUID()}`;
    // The broken stack must not create the table: that step also uploads templates to SES.
    broken = await startTestStack({
      env: { TABLE_NAME: table, SES_ENDPOINT: "http://127.0.0.1:9" },
      createTable: false,
    });
    healthy = await startTestStack({ env: { TABLE_NAME: table } });
    base = Math.ceil(healthy.clock.now().getTime() / HOUR) * HOUR;
    await seedDemoCoaches(healthy.deps);
  });

  it("logs a delivery whose email could not be sent as failed, and a replay completes it", async () => {
    const email = uniqueEmail("replay");
    const body = calendlyCreated({
      id: uid("f"),
      start: at(72),
      end: at(73),
      email,
      coachEmail: calendlyCoach.email,
    });

    const failed = await deliver(broken, "calendly", body);

    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ outcome: "failed", error: { code: "internal_error" } });
    const id: string = failed.body.deliveryId;
    const listed = (await list("failed")).body.items.find((d: { id: string }) => d.id === id);
    expect(listed).toMatchObject({
      id,
      provider: "calendly",
      outcome: "failed",
      httpStatus: 500,
      attempts: 1,
    });
    expect(listed).not.toHaveProperty("body");
    expect(await healthy.emailsTo(email)).toEqual([]);

    const replayed = await replay(id);

    expect(replayed.status).toBe(200);
    expect(replayed.body.outcome).toBe("processed");
    const [session] = await healthy.deps.bookings.bookings.getSessions([replayed.body.sessionId]);
    expect(session).toMatchObject({ status: "scheduled", startsAt: at(72) });
    const confirmations = (await healthy.emailsTo(email)).filter((m) => m.subject.startsWith("Confirmed:"));
    expect(confirmations).toHaveLength(1);
    expect(ids(await list("failed"))).not.toContain(id);
    const processed = (await list("processed")).body.items.find((d: { id: string }) => d.id === id);
    expect(processed).toMatchObject({ outcome: "processed", httpStatus: 200, attempts: 2 });
    expect(processed).not.toHaveProperty("reason");
  });

  it("logs nothing for a delivery refused for its signature: nothing to list, nothing to replay", async () => {
    const body = calendlyCreated({
      id: uid("r"),
      start: at(30),
      end: at(31),
      email: uniqueEmail("unsigned"),
      coachEmail: calendlyCoach.email,
    });
    const before = ids(await list("rejected"));

    const rejected = await deliver(healthy, "calendly", body, { sign: false });

    expect(rejected.status).toBe(401);
    expect(rejected.body).toEqual({ error: { code: "unauthorized", message: "signature missing" } });
    expect(ids(await list("rejected"))).toEqual(before);
  });

  it("answers 404 to a replay of an unknown delivery", async () => {
    const answer = await replay("dlv_01ARZ3NDEKTSV4RRFFQ69G5FAV");

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("not_found");
  });

  it("lists ignored deliveries under status=ignored and nowhere else", async () => {
    const body = calcomEvent("created", {
      id: uid("i"),
      start: at(5),
      end: at(6),
      email: uniqueEmail("ignored"),
      coachEmail: calcomCoach.email,
    });
    body.triggerEvent = "MEETING_ENDED";
    const ignored = await deliver(healthy, "calcom", body);
    expect(ignored.status).toBe(202);

    const page = await list("ignored");

    expect(page.status).toBe(200);
    const entry = page.body.items.find((d: { id: string }) => d.id === ignored.body.deliveryId);
    expect(entry).toMatchObject({ outcome: "ignored", eventName: "MEETING_ENDED" });
    expect(entry).not.toHaveProperty("body");
    expect(page.body.items.every((d: { outcome: string }) => d.outcome === "ignored")).toBe(true);
    expect(ids(await list("failed"))).not.toContain(ignored.body.deliveryId);
  });

  it("answers 400 to an unknown status filter", async () => {
    const page = await list("lost");

    expect(page.status).toBe(400);
  });

  it("requires the admin token to list or replay", async () => {
    const wrong = { authorization: "Bearer not-the-admin-token-0123456789" };

    expect((await list("failed", {})).status).toBe(401);
    expect((await list("failed", wrong)).status).toBe(401);
    expect((await replay("dlv_01ARZ3NDEKTSV4RRFFQ69G5FAV", {})).status).toBe(401);
  });
});
