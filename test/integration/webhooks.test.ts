import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { call, intakeBody } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calcomEvent, calendlyCanceled, calendlyCreated, deliver } from "../support/webhooks";

const HOUR = 3600_000;
const calendlyCoach = DEMO_COACHES.find((c) => c.input.bookingProvider === "calendly")!.input;
const calcomCoach = DEMO_COACHES.find((c) => c.input.bookingProvider === "calcom")!.input;
let seq = 0;
const uid = (label: string) => `${label}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

describe("booking webhooks", () => {
  let stack: TestStack;
  // Whole hours from a base fixed at the start, so every `at(n)` names one instant.
  let base: number;
  const at = (hoursFromNow: number) => new Date(base + hoursFromNow * HOUR).toISOString();

  /** A client who went through intake, and the token of their booking link. */
  async function intakeClient(label: string) {
    const email = uniqueEmail(label);
    const { body } = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const url = new URL(body.matches[0].bookingUrl);
    const token = url.searchParams.get("utm_content") ?? url.searchParams.get("metadata[coachflow]")!;
    return { email, clientId: body.clientId as string, token };
  }
  const sessionsOf = async (clientId: string) =>
    (await call(stack.app, "GET", `/v1/clients/${clientId}`, undefined, adminHeaders)).body.sessions;
  const schedulesOf = (sessionId: string) =>
    stack.scheduler.pendingSchedules().filter((s) => s.name.startsWith(sessionId));

  beforeAll(async () => {
    stack = await startTestStack();
    base = Math.ceil(stack.clock.now().getTime() / HOUR) * HOUR;
    await seedDemoCoaches(stack.deps);
  });

  it("turns a signed Calendly booking from our link into an intro session, two emails and three reminders", async () => {
    const client = await intakeClient("cal");
    const start = at(72);
    const res = await deliver(
      stack,
      "calendly",
      calendlyCreated({
        id: uid("a"),
        start,
        end: at(73),
        email: client.email,
        coachEmail: calendlyCoach.email,
        token: client.token,
      }),
    );

    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("processed");
    const [session] = await sessionsOf(client.clientId);
    expect(session).toMatchObject({
      id: res.body.sessionId,
      kind: "intro",
      status: "scheduled",
      startsAt: start,
    });
    expect(session.number).toBeUndefined();

    const toClient = (await stack.emailsTo(client.email)).map((m) => m.subject);
    expect(toClient).toContain("Your recommended coaches");
    expect(toClient.some((s) => s.startsWith("Confirmed:"))).toBe(true);
    const brief = (await stack.emailsTo(calendlyCoach.email)).find(
      (m) => m.body.text?.includes(client.email) || m.body.text?.includes("Acme Pay"),
    );
    expect(brief?.body.text).toContain("I struggle to delegate");
    expect(brief?.body.text).toContain("Building rapport");

    const schedules = schedulesOf(session.id);
    expect(schedules.map((s) => s.name.slice(session.id.length + 1)).sort()).toEqual([
      "agenda-reminder",
      "finish-nudge",
      "prework-reminder",
    ]);
    const prework = schedules.find((s) => s.name.endsWith("prework-reminder"))!;
    expect(Date.parse(prework.at)).toBe(Date.parse(start) - 24 * HOUR);
    // Ids and the planned start only: nothing personal.
    expect(JSON.parse(prework.input)).toEqual({
      v: 1,
      sessionId: session.id,
      job: "prework-reminder",
      startsAt: start,
      clientId: client.clientId,
      coachId: session.coachId,
    });
  });

  it("applies a duplicate delivery once: one session, no second email", async () => {
    const client = await intakeClient("dup");
    const payload = calendlyCreated({
      id: uid("d"),
      start: at(50),
      end: at(51),
      email: client.email,
      coachEmail: calendlyCoach.email,
      token: client.token,
    });
    const first = await deliver(stack, "calendly", payload);
    const again = await deliver(stack, "calendly", payload);

    expect(again.status).toBe(200);
    expect(again.body.sessionId).toBe(first.body.sessionId);
    expect(await sessionsOf(client.clientId)).toHaveLength(1);
    expect(
      (await stack.emailsTo(client.email)).filter((m) => m.subject.startsWith("Confirmed:")),
    ).toHaveLength(1);
  });

  it("handles concurrent duplicate deliveries as one", async () => {
    const client = await intakeClient("race");
    const payload = calendlyCreated({
      id: uid("r"),
      start: at(40),
      end: at(41),
      email: client.email,
      coachEmail: calendlyCoach.email,
      token: client.token,
    });
    const answers = await Promise.all(Array.from({ length: 6 }, () => deliver(stack, "calendly", payload)));

    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body.sessionId)).size).toBe(1);
    expect(await sessionsOf(client.clientId)).toHaveLength(1);
    expect(
      (await stack.emailsTo(client.email)).filter((m) => m.subject.startsWith("Confirmed:")),
    ).toHaveLength(1);
  });

  it("numbers two bookings of one client and coach delivered at the same instant as intro and starter 1", async () => {
    const client = await intakeClient("pairrace");
    const book = (id: string, hours: number) =>
      deliver(
        stack,
        "calendly",
        calendlyCreated({
          id,
          start: at(hours),
          end: at(hours + 1),
          email: client.email,
          coachEmail: calendlyCoach.email,
          token: client.token,
        }),
      );

    const answers = await Promise.all([book(uid("p"), 200), book(uid("q"), 300)]);

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const sessions = (await sessionsOf(client.clientId)).sort(
      (x: { startsAt: string }, y: { startsAt: string }) => (x.startsAt < y.startsAt ? -1 : 1),
    );
    expect(sessions.map((x: { kind: string; number?: number }) => [x.kind, x.number])).toEqual([
      ["intro", undefined],
      ["starter", 1],
    ]);
  });

  it("moves the session and its reminders on a Calendly reschedule, and removes them on cancel", async () => {
    const client = await intakeClient("move");
    const [a, b] = [uid("m"), uid("n")];
    const first = await deliver(
      stack,
      "calendly",
      calendlyCreated({
        id: a,
        start: at(30),
        end: at(31),
        email: client.email,
        coachEmail: calendlyCoach.email,
        token: client.token,
      }),
    );
    await deliver(
      stack,
      "calendly",
      calendlyCanceled({
        id: a,
        start: at(30),
        end: at(31),
        email: client.email,
        coachEmail: calendlyCoach.email,
        newInvitee: b,
      }),
    );
    const moved = await deliver(
      stack,
      "calendly",
      calendlyCreated({
        id: b,
        start: at(100),
        end: at(101),
        email: client.email,
        coachEmail: calendlyCoach.email,
        oldInvitee: a,
      }),
    );

    expect(moved.body.sessionId).toBe(first.body.sessionId);
    const [session] = await sessionsOf(client.clientId);
    expect(session).toMatchObject({ startsAt: at(100), status: "scheduled", kind: "intro" });
    const prework = schedulesOf(session.id).find((s) => s.name.endsWith("prework-reminder"))!;
    expect(JSON.parse(prework.input).startsAt).toBe(session.startsAt);
    expect(Date.parse(prework.at)).toBe(Date.parse(at(100)) - 24 * HOUR);
    const confirmations = (await stack.emailsTo(client.email)).filter((m) =>
      m.subject.startsWith("Confirmed:"),
    );
    expect(confirmations).toHaveLength(2);

    await deliver(
      stack,
      "calendly",
      calendlyCanceled({
        id: b,
        start: at(100),
        end: at(101),
        email: client.email,
        coachEmail: calendlyCoach.email,
      }),
    );
    const [cancelled] = await sessionsOf(client.clientId);
    expect(cancelled.status).toBe("cancelled");
    expect(schedulesOf(session.id)).toEqual([]);
  });

  it("follows a Cal.com booking through reschedule and cancellation", async () => {
    const email = uniqueEmail("calcom");
    const [a, b] = [uid("c"), uid("e")];
    const created = await deliver(
      stack,
      "calcom",
      calcomEvent("created", { id: a, start: at(60), end: at(61), email, coachEmail: calcomCoach.email }),
    );
    expect(created.status).toBe(200);
    const rescheduled = await deliver(
      stack,
      "calcom",
      calcomEvent("rescheduled", {
        id: b,
        rescheduleUid: a,
        start: at(80),
        end: at(81),
        email,
        coachEmail: calcomCoach.email,
      }),
    );
    expect(rescheduled.body.sessionId).toBe(created.body.sessionId);
    const cancelled = await deliver(
      stack,
      "calcom",
      calcomEvent("cancelled", { id: b, start: at(80), end: at(81), email, coachEmail: calcomCoach.email }),
    );
    expect(cancelled.status).toBe(200);

    const session = (await stack.deps.bookings.bookings.getSessions([created.body.sessionId]))[0]!;
    expect(session).toMatchObject({ status: "cancelled", startsAt: at(80), bookingId: b });
    expect(schedulesOf(session.id)).toEqual([]);
  });

  it("keeps a booking from someone who never applied, as a client flagged booked without intake", async () => {
    const email = uniqueEmail("walkin");
    const res = await deliver(
      stack,
      "calcom",
      calcomEvent("created", {
        id: uid("w"),
        start: at(90),
        end: at(91),
        email,
        name: "Walk In",
        coachEmail: calcomCoach.email,
      }),
    );

    expect(res.status).toBe(200);
    const { record } = await stack.deps.clients.clients.readForIntake(email);
    const client = await call(stack.app, "GET", `/v1/clients/${record!.clientId}`, undefined, adminHeaders);
    expect(client.body).toMatchObject({ bookedWithoutIntake: true, name: "Walk In", email });
    expect(client.body.sessions).toHaveLength(1);
    const brief = (await stack.emailsTo(calcomCoach.email)).find((m) => m.body.text?.includes("Walk In"));
    expect(brief?.body.text).toContain("Not given (booked without the intake form)");
  });

  it("finds the client by the attendee's email when the link carried no token", async () => {
    const client = await intakeClient("notoken");
    await deliver(
      stack,
      "calendly",
      calendlyCreated({
        id: uid("t"),
        start: at(45),
        end: at(46),
        email: client.email.toUpperCase(),
        coachEmail: calendlyCoach.email,
      }),
    );
    expect(await sessionsOf(client.clientId)).toHaveLength(1);
  });

  it("keeps a booking for an unknown coach, answers 202 and tells the admin once", async () => {
    const email = uniqueEmail("nocoach");
    const payload = calcomEvent("created", {
      id: uid("u"),
      start: at(20),
      end: at(21),
      email,
      coachEmail: "stranger@elsewhere.example",
    });
    const res = await deliver(stack, "calcom", payload);
    await deliver(stack, "calcom", payload);

    expect(res.status).toBe(202);
    const alerts = (await stack.emailsTo("admin@program.example")).filter((m) =>
      m.body.text?.includes("stranger@elsewhere.example"),
    );
    expect(alerts).toHaveLength(1);
    const [kept] = await stack.deps.bookings.bookings.getBookings("calcom", [payload.payload.uid]);
    expect(kept).toMatchObject({ unknownCoach: true });
    expect(kept?.created?.attendee.email).toBe(email);
  });

  it("answers other events 202 and records them as ignored", async () => {
    const body = calcomEvent("created", {
      id: uid("i"),
      start: at(5),
      end: at(6),
      email: uniqueEmail("x"),
      coachEmail: calcomCoach.email,
    });
    body.triggerEvent = "MEETING_ENDED";
    const res = await deliver(stack, "calcom", body);
    expect(res.status).toBe(202);
    expect(res.body.outcome).toBe("ignored");
    const logged = await stack.deps.deliveries.get(res.body.deliveryId);
    expect(logged).toMatchObject({ outcome: "ignored", eventName: "MEETING_ENDED", httpStatus: 202 });
  });
});
