import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  applyAsClient,
  asAdmin,
  asCoach,
  bookByWebhook,
  finishAsCoach,
  HOUR,
  MINUTE,
  mailbox,
  moveTo,
  subjectsOf,
  type TestCoach,
  tokenOf,
  urlsIn,
} from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/*
 * A coach's private notes are for that coach only: never in an email, a log line, a schedule's
 * input (pending or fired) or anyone else's response. The notes are written both ways (PUT notes,
 * and privateNotes in finish), then the session lives on: reminders, follow-up, welcome, the
 * action-item reminder, the booking nudge and the next session's brief, agenda and finish nudge.
 * Then everything that left the service is searched for the notes.
 */

const SECRET = `PRIVATE-NOTE-7f3a-${randomUUID()}`;
const NOTES = {
  beforeSession: `Prep: ask how the reorg landed. ${SECRET}-before`,
  afterSession: `Seemed tired; mentioned a health issue. ${SECRET}-after`,
  atFinish: `Possible burnout, check in gently next time. ${SECRET}-finish`,
  nextSession: `Starter 1 prep: revisit the reorg. ${SECRET}-next`,
};

describe("private notes stay with the coach who wrote them", () => {
  let stack: TestStack;
  let owner: TestCoach;
  let other: TestCoach;
  let clientId: string;
  let introId: string;
  let nextId: string;
  const email = uniqueEmail("private");
  /** Every schedule input seen pending, collected before each clock move (so it covers what fired). */
  const scheduleInputs: string[] = [];
  const firedNames: string[] = [];

  const recordSchedules = () => {
    for (const s of stack.scheduler.pendingSchedules()) scheduleInputs.push(`${s.name} ${s.input}`);
  };
  const advanceTo = async (at: string | number) => {
    recordSchedules();
    const fired = await moveTo(stack, at);
    firedNames.push(...fired.map((f) => f.name));
    recordSchedules();
  };

  beforeAll(async () => {
    stack = await startTestStack({ clock: new LocalClock({ startAt: "2031-03-03T08:00:00Z" }) });
    owner = await addCoach(stack, { name: "Ada Mensah" });
    other = await addCoach(stack, {
      name: "Ravi Iyer",
      specialties: ["technical-strategy"],
      style: "structured",
      seniorityLevels: ["staff"],
    });

    // The intro, booked through the owner's link; the coach prepares with notes.
    const applied = await applyAsClient(stack, email);
    clientId = applied.clientId;
    expect(applied.matches[0]?.coachId).toBe(owner.id);
    const intro = await bookByWebhook(stack, {
      coach: owner,
      email,
      start: Date.parse("2031-03-05T10:00:00Z"),
      token: tokenOf(applied.matches[0]!.bookingUrl),
    });
    introId = intro.sessionId;
    const put = (id: string, notes: string) =>
      asCoach(stack, owner.id, "PUT", `/v1/sessions/${id}/notes`, { notes });
    expect((await put(introId, NOTES.beforeSession)).status).toBe(200);

    // The session happens (pre-work and agenda fire); notes after it, and again when finishing.
    await advanceTo(intro.end + 30 * MINUTE);
    expect((await put(introId, NOTES.afterSession)).status).toBe(200);
    // Refused writes neither keep nor echo the notes (and their log lines are searched below).
    const tooLong = await put(introId, `${SECRET}-too-long ${"x".repeat(20_001)}`);
    expect(tooLong.status).toBe(413);
    expect(JSON.stringify(tooLong.body)).not.toContain(SECRET);
    const invalid = await finishAsCoach(stack, owner.id, introId, {
      takeaways: [],
      actionItems: [],
      privateNotes: `${SECRET}-invalid`,
      next: { type: "sometimes" },
    });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).not.toContain(SECRET);
    const finish = await finishAsCoach(stack, owner.id, introId, {
      takeaways: ["Delegating reviews frees time for planning."],
      actionItems: [{ text: "Hand one review to a teammate", dueDate: "2031-03-10" }],
      privateNotes: NOTES.atFinish,
      next: { type: "recurring", cadence: "weekly" },
      workTogether: true,
    });
    expect(finish.status).toBe(200);
    recordSchedules();

    // The action-item reminder (9 March, 09:00 Lisbon) and the booking nudge (10 March) fall due.
    await advanceTo("2031-03-10T10:01:00Z");

    // The client books starter session 1; the coach writes notes for it and forgets to finish it.
    const followup = (await stack.emailsTo(email)).find((m) => m.subject === "Thank you for today's session");
    const bookingUrl = urlsIn(followup!).find((u) => u.startsWith(owner.bookingUrl));
    const next = await bookByWebhook(stack, {
      coach: owner,
      email,
      start: Date.parse("2031-03-13T10:00:00Z"),
      token: tokenOf(bookingUrl!),
    });
    nextId = next.sessionId;
    expect((await put(nextId, NOTES.nextSession)).status).toBe(200);
    await advanceTo(next.end + 2 * HOUR + MINUTE);
  });

  it("lived a whole session's life: every email a finish sets off was sent", async () => {
    const missing = async (address: string, prefixes: string[]) => {
      const subjects = subjectsOf(await mailbox(stack, address).all());
      return prefixes.filter((p) => subjects.filter((s) => s.startsWith(p)).length !== 1);
    };
    const client = await missing(email, [
      "Your recommended coaches",
      "Confirmed: Intro session",
      "Tomorrow: Intro session",
      "Thank you for today's session",
      "Looking forward to working with you",
      "Reminder: an action item is due soon",
      "Time to book your next session",
      "Confirmed: Starter session 1 of 7",
      "Tomorrow: Starter session 1 of 7",
    ]);
    const coach = await missing(owner.email, [
      "Coach brief: Intro session",
      "Starting soon: Intro session",
      "Coach brief: Starter session 1 of 7",
      "Starting soon: Starter session 1 of 7",
      "Please finish your meeting: Starter session 1 of 7",
    ]);
    expect({ client, coach }, "emails not sent exactly once").toEqual({ client: [], coach: [] });
  });

  it("are in no email the SES emulator holds", async () => {
    const store = await (await fetch(`${inject("sesEndpoint")}/store`)).text();
    expect(store).toContain(email);
    expect(store).not.toContain(SECRET);
  });

  it("are in no log line", () => {
    expect(stack.logs.some((l) => l.includes(clientId))).toBe(true);
    expect(stack.logs.filter((l) => l.includes(SECRET))).toEqual([]);
  });

  it("are in no schedule input, pending or fired", () => {
    recordSchedules();
    // What fired had been pending before the move that fired it, so it was recorded.
    expect(firedNames.length).toBeGreaterThan(0);
    for (const name of firedNames)
      expect(
        scheduleInputs.some((s) => s.startsWith(`${name} `)),
        name,
      ).toBe(true);
    expect(scheduleInputs.filter((s) => s.includes(SECRET))).toEqual([]);
    expect(stack.scheduler.deadLetters().filter((d) => d.input.includes(SECRET))).toEqual([]);
  });

  it("are shown to the owner coach only: not to an admin, another coach, or in client and action-item views", async () => {
    const own = await asCoach(stack, owner.id, "GET", `/v1/sessions/${introId}`);
    expect(own.status).toBe(200);
    expect(own.body.notes).toBe(NOTES.atFinish);
    const ownNext = await asCoach(stack, owner.id, "GET", `/v1/sessions/${nextId}`);
    expect(ownNext.body.notes).toBe(NOTES.nextSession);

    const others = [
      await asAdmin(stack, "GET", `/v1/sessions/${introId}`),
      await asAdmin(stack, "GET", `/v1/sessions/${nextId}`),
      await asCoach(stack, other.id, "GET", `/v1/sessions/${introId}`),
      await asAdmin(stack, "GET", `/v1/clients/${clientId}`),
      await asAdmin(stack, "GET", `/v1/clients/${clientId}/action-items`),
      await asCoach(stack, owner.id, "GET", `/v1/clients/${clientId}/action-items`),
      await asCoach(stack, owner.id, "GET", `/v1/clients/${clientId}`),
      await asCoach(stack, owner.id, "GET", "/v1/me/sessions"),
    ];
    expect(others.map((r) => r.status)).toEqual([200, 200, 404, 200, 200, 200, 200, 200]);
    expect(others[0]!.body.notes).toBeUndefined();
    for (const res of others) expect(JSON.stringify(res.body)).not.toContain(SECRET);

    // The admin cannot write them either, and another coach's write does not land.
    expect((await asAdmin(stack, "PUT", `/v1/sessions/${introId}/notes`, { notes: "x" })).status).toBe(403);
    expect(
      (await asCoach(stack, other.id, "PUT", `/v1/sessions/${introId}/notes`, { notes: "x" })).status,
    ).toBe(404);
    expect((await asCoach(stack, owner.id, "GET", `/v1/sessions/${introId}`)).body.notes).toBe(
      NOTES.atFinish,
    );
  });
});
