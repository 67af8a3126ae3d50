import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { call, intakeBody } from "../support/requests";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calendlyCanceled, calendlyCreated, deliver } from "../support/webhooks";

const HOUR = 3600_000;
const coach = DEMO_COACHES.find((c) => c.input.bookingProvider === "calendly")!.input;
let seq = 0;
const uid = (label: string) => `${label}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

describe("a session's timeline, driven by the local clock", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
  });

  /** A client who applied and booked a one-hour session starting `hours` from the clock's now. */
  async function bookedSession(label: string, hours: number) {
    const email = uniqueEmail(label);
    const { body } = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const token = new URL(body.matches[0].bookingUrl).searchParams.get("utm_content") ?? undefined;
    const start = Math.ceil((stack.clock.now().getTime() + hours * HOUR) / 60_000) * 60_000;
    const booking = {
      id: uid(label),
      start: new Date(start).toISOString(),
      end: new Date(start + HOUR).toISOString(),
      email,
      coachEmail: coach.email,
      ...(token ? { token } : {}),
    };
    const res = await deliver(stack, "calendly", calendlyCreated(booking));
    return { email, booking, sessionId: res.body.sessionId as string, start };
  }
  const moveClock = async (to: number) =>
    (await call(stack.app, "POST", "/_local/clock", { to: new Date(to).toISOString() })).body;
  const subjects = async (to: string) => (await stack.emailsTo(to)).map((m) => m.subject);
  const coachMailFor = async (clientName: string, prefix: string) =>
    (await stack.emailsTo(coach.email)).filter(
      (m) => m.subject.startsWith(prefix) && m.body.text?.includes(clientName),
    );

  it("sends the confirmation and brief at booking, then the pre-work, agenda and finish reminders on time", async () => {
    const { email, booking, sessionId, start } = await bookedSession("tl", 72);
    expect((await subjects(email)).filter((s) => s.startsWith("Confirmed:"))).toHaveLength(1);
    const brief = await coachMailFor("Sam Rivera", "Coach brief:");
    expect(brief).not.toHaveLength(0);
    // The brief links to the session page of the coach workspace.
    expect(brief.at(-1)?.body.text).toContain(`/app/sessions/${sessionId}\n`);
    const pending = (await call(stack.app, "GET", "/_local/schedules")).body.schedules.filter(
      (s: { name: string }) => s.name.startsWith(sessionId),
    );
    expect(pending).toHaveLength(3);

    // One minute before the pre-work reminder is due: nothing fires.
    const early = await moveClock(start - 24 * HOUR - 60_000);
    expect(early.fired.filter((f: { name: string }) => f.name.startsWith(sessionId))).toEqual([]);
    expect((await subjects(email)).filter((s) => s.startsWith("Tomorrow:"))).toHaveLength(0);

    const prework = await moveClock(start - 24 * HOUR);
    expect(prework.fired.map((f: { name: string; outcome: string }) => [f.name, f.outcome])).toContainEqual([
      `${sessionId}-prework-reminder`,
      "ok",
    ]);
    const reminder = (await stack.emailsTo(email)).find((m) => m.subject.startsWith("Tomorrow:"));
    expect(reminder?.body.text).toContain("Ada Mensah");
    expect(reminder?.body.text).toContain("one work challenge from the past two to four weeks");
    // Like every client email, with the "your data" link in its footer (decision 0026).
    expect(reminder?.body.text).toContain("Your data (download it, or ask us to erase it):");
    const confirmation = (await stack.emailsTo(email)).find((m) => m.subject.startsWith("Confirmed:"));
    expect(confirmation?.body.text).toContain("Your data (download it, or ask us to erase it):");
    // The scheduler retrying the same firing sends nothing more.
    const again = { v: 1, sessionId, job: "prework-reminder", startsAt: booking.start };
    expect(await stack.dispatcher(JSON.stringify(again))).toEqual({ outcome: "duplicate" });

    await moveClock(start - 10 * 60_000);
    const agenda = await coachMailFor("Sam Rivera", "Starting soon:");
    expect(agenda.length).toBeGreaterThanOrEqual(1);
    expect(agenda.at(-1)?.body.text).toContain("Building rapport");
    // The agenda reminder opens the coach workspace's session page.
    expect(agenda.at(-1)?.body.text).toContain(`/app/sessions/${sessionId}\n`);

    await moveClock(start + HOUR + 2 * HOUR);
    const nudge = (await coachMailFor("Sam Rivera", "Please finish your meeting:")).at(-1);
    // The finish nudge opens the workspace's finish form.
    expect(nudge?.body.html).toContain(`/app/sessions/${sessionId}/finish"`);
    // Every schedule of the session has fired and is gone.
    expect(stack.scheduler.pendingSchedules().filter((s) => s.name.startsWith(sessionId))).toEqual([]);
    // Each reminder went out once.
    expect((await subjects(email)).filter((s) => s.startsWith("Tomorrow:"))).toHaveLength(1);
  });

  it("does nothing when a firing is stale: the session moved or was cancelled", async () => {
    const { email, booking, sessionId, start } = await bookedSession("stale", 48);
    const old = { v: 1, sessionId, job: "prework-reminder", startsAt: booking.start };
    // Reschedule by a day: the reminders move with it.
    const moved = {
      ...booking,
      id: uid("mv"),
      start: new Date(start + 24 * HOUR).toISOString(),
      end: new Date(start + 25 * HOUR).toISOString(),
    };
    await deliver(stack, "calendly", calendlyCanceled({ ...booking, newInvitee: moved.id }));
    await deliver(stack, "calendly", calendlyCreated({ ...moved, oldInvitee: booking.id }));

    expect(await stack.dispatcher(JSON.stringify(old))).toEqual({ outcome: "stale" });
    await moveClock(start - 24 * HOUR);
    expect((await subjects(email)).filter((s) => s.startsWith("Tomorrow:"))).toHaveLength(0);

    await deliver(stack, "calendly", calendlyCanceled(moved));
    const fired = await moveClock(start + 48 * HOUR);
    expect(fired.fired.filter((f: { name: string }) => f.name.startsWith(sessionId))).toEqual([]);
    expect((await subjects(email)).filter((s) => s.startsWith("Tomorrow:"))).toHaveLength(0);
    // A firing planned for the new time is stale too, now that the session is cancelled.
    expect(await stack.dispatcher(JSON.stringify({ ...old, startsAt: moved.start }))).toEqual({
      outcome: "stale",
    });
  });

  it("writes to the session's own client and coach whatever ids a firing carries", async () => {
    const a = await bookedSession("ids-a", 60);
    const b = await bookedSession("ids-b", 61);
    const [sessionB] = await stack.deps.bookings.bookings.getSessions([b.sessionId]);
    // Another session's people in the input: the session decides, and its own are read.
    const crossed = {
      v: 1,
      sessionId: a.sessionId,
      job: "prework-reminder",
      startsAt: a.booking.start,
      clientId: sessionB!.clientId,
      coachId: sessionB!.coachId,
    };
    expect(await stack.dispatcher(JSON.stringify(crossed))).toEqual({ outcome: "sent" });
    expect((await subjects(a.email)).filter((s) => s.startsWith("Tomorrow:"))).toHaveLength(1);
    expect((await subjects(b.email)).filter((s) => s.startsWith("Tomorrow:"))).toHaveLength(0);
    // A schedule written before the ids were added carries none: the session's are read.
    const legacy = { v: 1, sessionId: b.sessionId, job: "prework-reminder", startsAt: b.booking.start };
    expect(await stack.dispatcher(JSON.stringify(legacy))).toEqual({ outcome: "sent" });
    expect((await subjects(b.email)).filter((s) => s.startsWith("Tomorrow:"))).toHaveLength(1);
  });

  it("sends the pre-work at once when the session is booked less than a day ahead", async () => {
    const { email, sessionId } = await bookedSession("soon", 5);
    expect((await subjects(email)).filter((s) => s.startsWith("Tomorrow:"))).toHaveLength(1);
    const names = stack.scheduler
      .pendingSchedules()
      .filter((s) => s.name.startsWith(sessionId))
      .map((s) => s.name);
    expect(names.sort()).toEqual([`${sessionId}-agenda-reminder`, `${sessionId}-finish-nudge`]);
  });

  it("dead-letters a firing whose input can never work, rather than dropping it", async () => {
    await expect(
      stack.dispatcher(JSON.stringify({ v: 1, job: "no-such-job", sessionId: "ses_x" })),
    ).rejects.toThrow("invalid schedule input");
    const at = new Date(stack.clock.now().getTime() + 60 * 60_000);
    await stack.deps.bookings.scheduler.upsert({
      name: "broken-input",
      at: `${at.toISOString().slice(0, 19)}Z`,
      input: { v: 2 },
    });
    await moveClock(at.getTime() + 1000);
    const local = (await call(stack.app, "GET", "/_local/schedules")).body;
    expect(local.deadLetters.map((d: { name: string }) => d.name)).toContain("broken-input");
    const refused = stack.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === "schedule input refused");
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a clock move that is not one of advanceBy or to", async () => {
    expect((await call(stack.app, "POST", "/_local/clock", {})).status).toBe(400);
    expect((await call(stack.app, "POST", "/_local/clock", { advanceBy: "yesterday" })).status).toBe(400);
    const before = stack.clock.now().getTime();
    const res = await call(stack.app, "POST", "/_local/clock", { advanceBy: "PT1M" });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.now) - before).toBeGreaterThanOrEqual(60_000);
  });
});
