import { randomUUID } from "node:crypto";
import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import { addCoach, type TestCoach } from "../support/coaching";
import { call } from "../support/requests";
import { adminHeaders, CALCOM_SECRET, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calcomEvent, deliver, deliverToCoach } from "../support/webhooks";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const WRITES = ["PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem"];
let seq = 0;
const uid = (label: string) => `${label}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

/** A wall clock the test moves by hand (the rotation window is judged by it). */
class HandClock extends LocalClock {
  shiftMs = 0;
  override now(): Date {
    return new Date(Date.now() + this.shiftMs);
  }
}

/**
 * Per-coach Cal.com webhooks (issue 11, decision 0031): with the one shared secret, any coach who
 * set up a webhook could sign events for every coach. A coach's own endpoint takes only what that
 * coach's key signed, and only about that coach's bookings; everything else is refused with
 * nothing written.
 */
describe("a coach's own Cal.com webhook", () => {
  let stack: TestStack;
  let wall: HandClock;
  let counter: ReturnType<typeof countCalls>;
  let base: number;
  let ada: TestCoach;
  let ben: TestCoach;
  let outsider: TestCoach;
  const secrets: Record<string, string> = {};
  const at = (h: number) => new Date(base + h * HOUR).toISOString();

  const setupOf = (coachId: string) =>
    call(stack.app, "GET", `/v1/coaches/${coachId}/webhook`, undefined, adminHeaders);
  const calcomCoach = (name: string) =>
    addCoach(stack, {
      name,
      bookingProvider: "calcom",
      bookingUrl: `https://cal.com/${randomUUID().slice(0, 8)}/intro`,
    });

  /** A booking of `coach` by a new attendee, as Cal.com sends it. */
  function created(coach: TestCoach, label: string, extra: { rescheduleUid?: string; id?: string } = {}) {
    const email = uniqueEmail(label);
    const kind = extra.rescheduleUid ? "rescheduled" : "created";
    const body = calcomEvent(kind, {
      id: extra.id ?? uid(label),
      start: at(48),
      end: at(49),
      email,
      coachEmail: coach.email,
      ...(extra.rescheduleUid ? { rescheduleUid: extra.rescheduleUid } : {}),
    });
    return { body, email, bookingId: body.payload.uid as string };
  }

  /** The DynamoDB calls `act` made, by operation. */
  async function callsOf<T>(act: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
    counter.reset();
    const result = await act();
    return { result, calls: [...counter.calls] };
  }

  async function expectNothingStored(bookingId: string, email: string, calls: string[]) {
    expect(
      calls.filter((c) => WRITES.includes(c)),
      calls.join(" "),
    ).toEqual([]);
    expect(await stack.deps.bookings.bookings.getBookings("calcom", [bookingId])).toEqual([]);
    expect(await stack.deps.clients.clients.readForIntake(email)).toEqual({});
    expect(await stack.emailsTo(email)).toEqual([]);
  }

  /** A scheduled session of Ben's, booked through the organization's shared webhook. */
  async function bensSession(label: string) {
    const b = created(ben, label);
    const res = await deliver(stack, "calcom", b.body);
    expect(res.status).toBe(200);
    return { ...b, sessionId: res.body.sessionId as string };
  }

  beforeAll(async () => {
    wall = new HandClock();
    stack = await startTestStack({ wallClock: wall });
    base = Math.ceil(stack.clock.now().getTime() / HOUR) * HOUR;
    counter = countCalls(stack.deps.aws.dynamodb);
    ada = await calcomCoach("Ada Mensah");
    ben = await calcomCoach("Ben Okafor");
    outsider = await calcomCoach("Olu Outsider");
    for (const coach of [ada, ben]) secrets[coach.id] = (await setupOf(coach.id)).body.secret;
  });

  describe("GET /v1/coaches/{id}/webhook", () => {
    it("shows the URL and a secret of the coach's own, made once, never cached", async () => {
      const first = await call(
        stack.app,
        "GET",
        `/v1/coaches/${outsider.id}/webhook`,
        undefined,
        adminHeaders,
      );
      const again = await stack.app.request(`/v1/coaches/${outsider.id}/webhook`, { headers: adminHeaders });

      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        coachId: outsider.id,
        url: `http://localhost:3000/v1/webhooks/calcom/${outsider.id}`,
        secret: expect.stringMatching(/^[0-9a-f]{64}$/),
        signatureHeader: "X-Cal-Signature-256",
        events: ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"],
        createdAt: expect.any(String),
      });
      expect(again.headers.get("cache-control")).toBe("no-store");
      expect(((await again.json()) as { secret: string }).secret).toBe(first.body.secret);
      expect(first.body.secret).not.toBe(secrets[ada.id]);
      expect(first.body.secret).not.toBe(CALCOM_SECRET);
    });

    it("answers 404 for a coach that does not exist, and writes nothing", async () => {
      const { result, calls } = await callsOf(() => setupOf("coa_01ARZ3NDEKTSV4RRFFQ69G5FAV"));

      expect(result.status).toBe(404);
      expect(calls).toEqual(["BatchGetItem"]);
    });
  });

  it("applies a booking of the coach signed with the coach's key, and logs it under the coach", async () => {
    const b = created(ada, "own");

    const res = await deliverToCoach(stack, ada.id, b.body, secrets[ada.id]);

    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("processed");
    const [session] = await stack.deps.bookings.bookings.getSessions([res.body.sessionId]);
    expect(session).toMatchObject({ coachId: ada.id, status: "scheduled" });
    expect(await stack.deps.deliveries.get(res.body.deliveryId)).toMatchObject({
      provider: "calcom",
      coachId: ada.id,
      outcome: "processed",
    });
  });

  it("takes the coach's own cancellation and reschedule of their booking", async () => {
    const b = created(ada, "ownmove");
    const first = await deliverToCoach(stack, ada.id, b.body, secrets[ada.id]);
    const moved = created(ada, "ownmove", { rescheduleUid: b.bookingId });
    moved.body.payload.attendees[0].email = b.email;

    const rescheduled = await deliverToCoach(stack, ada.id, moved.body, secrets[ada.id]);
    const cancelled = await deliverToCoach(
      stack,
      ada.id,
      calcomEvent("cancelled", {
        id: moved.bookingId,
        start: at(48),
        end: at(49),
        email: b.email,
        coachEmail: ada.email,
      }),
      secrets[ada.id],
    );

    expect([first.status, rescheduled.status, cancelled.status]).toEqual([200, 200, 200]);
    const [session] = await stack.deps.bookings.bookings.getSessions([first.body.sessionId]);
    expect(session).toMatchObject({ coachId: ada.id, status: "cancelled" });
  });

  describe("refuses, with nothing written", () => {
    it("a booking organized by another coach, signed with this coach's key (403)", async () => {
      const forged = created(ben, "forged");

      const { result, calls } = await callsOf(() =>
        deliverToCoach(stack, ada.id, forged.body, secrets[ada.id]),
      );

      expect(result.status).toBe(403);
      expect(result.body).toEqual({
        error: { code: "forbidden", message: expect.stringContaining("another coach") },
      });
      await expectNothingStored(forged.bookingId, forged.email, calls);
      const line = stack.logs.map((l) => JSON.parse(l)).findLast((l) => l.msg === "webhook refused");
      expect(line).toMatchObject({
        reason: "other coach",
        coachId: ada.id,
        status: 403,
        count: expect.any(Number),
      });
      expect(JSON.stringify(line)).not.toContain(forged.email);
    });

    it("a collective event whose organizer is another coach, with this coach as a team member (403)", async () => {
      const forged = created(ben, "team");
      forged.body.payload.team = { name: "Pair", members: [{ name: "Ada", email: ada.email }] };

      const { result, calls } = await callsOf(() =>
        deliverToCoach(stack, ada.id, forged.body, secrets[ada.id]),
      );

      expect(result.status).toBe(403);
      await expectNothingStored(forged.bookingId, forged.email, calls);
    });

    it("a cancellation of another coach's booking (403), which stays scheduled", async () => {
      const bens = await bensSession("cancelben");
      const cancel = calcomEvent("cancelled", {
        id: bens.bookingId,
        start: at(48),
        end: at(49),
        email: bens.email,
        coachEmail: ada.email,
      });

      const { result, calls } = await callsOf(() => deliverToCoach(stack, ada.id, cancel, secrets[ada.id]));

      expect(result.status).toBe(403);
      expect(calls.filter((c) => WRITES.includes(c))).toEqual([]);
      const [session] = await stack.deps.bookings.bookings.getSessions([bens.sessionId]);
      expect(session).toMatchObject({ coachId: ben.id, status: "scheduled", startsAt: at(48) });
    });

    it("a reschedule of this coach's that claims to replace another coach's booking (403)", async () => {
      const bens = await bensSession("takeover");
      const takeover = created(ada, "takeover", { rescheduleUid: bens.bookingId });
      takeover.body.payload.attendees[0].email = bens.email;

      const { result, calls } = await callsOf(() =>
        deliverToCoach(stack, ada.id, takeover.body, secrets[ada.id]),
      );

      expect(result.status).toBe(403);
      expect(calls.filter((c) => WRITES.includes(c))).toEqual([]);
      expect(await stack.deps.bookings.bookings.getBookings("calcom", [takeover.bookingId])).toEqual([]);
      const [session] = await stack.deps.bookings.bookings.getSessions([bens.sessionId]);
      expect(session).toMatchObject({ coachId: ben.id, status: "scheduled", startsAt: at(48) });
    });

    it("a booking of this coach's that reuses another coach's booking id (403)", async () => {
      const bens = await bensSession("reuse");
      const reuse = created(ada, "reuse", { id: bens.bookingId });

      const { result, calls } = await callsOf(() =>
        deliverToCoach(stack, ada.id, reuse.body, secrets[ada.id]),
      );

      expect(result.status).toBe(403);
      expect(calls.filter((c) => WRITES.includes(c))).toEqual([]);
      const [record] = await stack.deps.bookings.bookings.getBookings("calcom", [bens.bookingId]);
      expect(record?.created?.attendee.email).toBe(bens.email);
    });

    it("another coach's key on this coach's endpoint, and the organization's secret (401)", async () => {
      const b = created(ada, "wrongkey");

      const { result: bens, calls } = await callsOf(() =>
        deliverToCoach(stack, ada.id, b.body, secrets[ben.id]),
      );
      const shared = await deliverToCoach(stack, ada.id, b.body, CALCOM_SECRET);

      expect([bens.status, shared.status]).toEqual([401, 401]);
      expect(bens.body).toEqual({ error: { code: "unauthorized", message: "signature mismatch" } });
      // One read: the coach and their key.
      expect(calls).toEqual(["BatchGetItem"]);
      await expectNothingStored(b.bookingId, b.email, calls);
    });

    it("this coach's key on the organization's shared endpoint (401)", async () => {
      const b = created(ada, "keyonshared");
      const raw = JSON.stringify(b.body);
      const { signCalcom } = await import("@coachflow/core/webhooks/signatures");

      const res = await stack.app.request("/v1/webhooks/calcom", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-cal-signature-256": signCalcom(raw, secrets[ada.id]!),
        },
        body: raw,
      });

      expect(res.status).toBe(401);
      expect(await stack.deps.bookings.bookings.getBookings("calcom", [b.bookingId])).toEqual([]);
    });

    it("an unsigned request or one with a malformed signature, without a single read", async () => {
      const b = created(ada, "unsigned");

      const { result, calls } = await callsOf(async () => [
        await deliverToCoach(stack, ada.id, b.body, undefined),
        await stack.app.request(`/v1/webhooks/calcom/${ada.id}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-cal-signature-256": "no-secret-provided" },
          body: JSON.stringify(b.body),
        }),
      ]);

      expect(result[0]).toMatchObject({ status: 401, body: { error: { message: "signature missing" } } });
      expect((result[1] as Response).status).toBe(401);
      expect(calls).toEqual([]);
      await expectNothingStored(b.bookingId, b.email, calls);
    });

    it("an unknown or malformed coach id (404), reading only for an id that could exist", async () => {
      const b = created(ada, "nocoach");

      const unknown = await callsOf(() =>
        deliverToCoach(stack, "coa_01ARZ3NDEKTSV4RRFFQ69G5FAV", b.body, secrets[ada.id]),
      );
      const malformed = await callsOf(() => deliverToCoach(stack, "not-a-coach", b.body, secrets[ada.id]));

      expect([unknown.result.status, malformed.result.status]).toEqual([404, 404]);
      expect(unknown.calls).toEqual(["BatchGetItem"]);
      expect(malformed.calls).toEqual([]);
      await expectNothingStored(b.bookingId, b.email, [...unknown.calls, ...malformed.calls]);
    });
  });

  describe("after a rotation", () => {
    it("takes the new key, and the old one for 7 days by the wall clock, then no longer", async () => {
      const coach = await calcomCoach("Rita Rotate");
      const old = (await setupOf(coach.id)).body.secret as string;

      const rotated = await call(
        stack.app,
        "POST",
        `/v1/coaches/${coach.id}/webhook/rotate`,
        undefined,
        adminHeaders,
      );

      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(rotated.body.secret).not.toBe(old);
      expect(Date.parse(rotated.body.previousSecretValidUntil) - Date.now()).toBeGreaterThan(7 * DAY - HOUR);
      expect((await setupOf(coach.id)).body.secret).toBe(rotated.body.secret);
      expect(
        (await deliverToCoach(stack, coach.id, created(coach, "rotnew").body, rotated.body.secret)).status,
      ).toBe(200);
      expect((await deliverToCoach(stack, coach.id, created(coach, "rotold").body, old)).status).toBe(200);

      wall.shiftMs = 7 * DAY + HOUR;
      try {
        const late = created(coach, "rotlate");
        expect((await deliverToCoach(stack, coach.id, late.body, old)).status).toBe(401);
        expect(
          (await deliverToCoach(stack, coach.id, created(coach, "rotlate2").body, rotated.body.secret))
            .status,
        ).toBe(200);
        expect((await setupOf(coach.id)).body).not.toHaveProperty("previousSecretValidUntil");
        await expectNothingStored(late.bookingId, late.email, []);
      } finally {
        wall.shiftMs = 0;
      }
    });
  });

  it("logs a signed delivery whose processing failed, for replay, with its coach", async () => {
    const table = stack.deps.config.tableName;
    const broken = await startTestStack({
      env: { TABLE_NAME: table, SES_ENDPOINT: "http://127.0.0.1:9" },
      createTable: false,
    });
    const b = created(ada, "failed");

    const failed = await deliverToCoach(broken, ada.id, b.body, secrets[ada.id]);
    const replayed = await call(
      stack.app,
      "POST",
      `/v1/webhook-deliveries/${failed.body.deliveryId}/replay`,
      undefined,
      adminHeaders,
    );

    expect(failed.status).toBe(500);
    expect(await stack.deps.deliveries.get(failed.body.deliveryId)).toMatchObject({
      outcome: "processed",
      coachId: ada.id,
      attempts: 2,
    });
    expect(replayed.status).toBe(200);
  });
});
