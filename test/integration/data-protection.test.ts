import { DynamoDBDocumentClient, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ConditionFailedError } from "@coachflow/core/errors";
import { beforeAll, describe, expect, it } from "vitest";
import { privacyOf } from "../../packages/functions/src/privacy-deps";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  applyAsClient,
  asAdmin,
  asCoach,
  bookByWebhook,
  DAY,
  finishAsCoach,
  HOUR,
  isoDate,
  MINUTE,
  moveTo,
  type TestCoach,
  tokenOf,
  yourDataPath,
} from "../support/coaching";
import { call, intakeBody } from "../support/requests";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calendlyCreated, deliver } from "../support/webhooks";

/*
 * Export and erasure (issue 11, decision 0026): a whole journey (intake, intro, two sessions,
 * notes, action items, a third session booked ahead), its export, its erasure, and then the whole
 * table and every pending schedule read back: nothing may name the client but the tombstone.
 */

const START = "2031-01-06T08:00:00Z";
const INTRO = Date.parse("2031-01-08T10:00:00Z");
const NOTES_1 = `Private: worried about the reorg ${Math.random().toString(36).slice(2)}`;
const NOTES_2 = `Private: second session went well ${Math.random().toString(36).slice(2)}`;

/** Every item of the table (a Scan: fine in a test, never on a request path). */
async function wholeTable(stack: TestStack): Promise<Record<string, unknown>[]> {
  const doc = DynamoDBDocumentClient.from(stack.deps.aws.dynamodb);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: stack.deps.config.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The items and pending schedules whose text contains any of `needles`. */
async function mentions(stack: TestStack, needles: readonly string[]) {
  const hit = (text: string) => needles.some((n) => text.toLowerCase().includes(n.toLowerCase()));
  return {
    items: (await wholeTable(stack)).filter((i) => hit(JSON.stringify(i))),
    schedules: stack.scheduler.pendingSchedules().filter((s) => hit(JSON.stringify(s))),
  };
}

interface Journey {
  email: string;
  clientId: string;
  token: string;
  sessionIds: string[];
  actionItemIds: string[];
  deliveryIds: string[];
  /** The payload of the intro's booking, to deliver again after the erasure. */
  introPayload: unknown;
}

describe("a client's data: export, erasure, retention", () => {
  let stack: TestStack;
  let coach: TestCoach;

  beforeAll(async () => {
    stack = await startTestStack({ clock: new LocalClock({ startAt: START }) });
    coach = await addCoach(stack);
  });

  /** Intake (with an Idempotency-Key), intro, starter 1 (both finished with notes), starter 2 booked. */
  async function journey(label: string): Promise<Journey> {
    const email = uniqueEmail(label);
    // Each journey starts two days after the clock, which only moves forward, at a whole hour.
    const intro = Math.ceil((stack.clock.now().getTime() + 2 * DAY) / HOUR) * HOUR;
    const [starter1, starter2] = [intro + 14 * DAY, intro + 28 * DAY];
    const intake = await call(stack.app, "POST", "/v1/intake", intakeBody(email, { name: "Sam Rivera" }), {
      "idempotency-key": `key-${label}-${Date.now()}`,
    });
    expect(intake.status, JSON.stringify(intake.body)).toBe(201);
    const clientId: string = intake.body.clientId;
    const match = intake.body.matches.find((m: { coachId: string }) => m.coachId === coach.id);
    const token = tokenOf(match.bookingUrl)!;
    const introPayload = calendlyCreated({
      id: `INTRO${label}${Date.now().toString(36)}`.toUpperCase(),
      start: new Date(intro).toISOString(),
      end: new Date(intro + 60 * MINUTE).toISOString(),
      email,
      coachEmail: coach.email,
      token,
    });
    const introRes = await deliver(stack, "calendly", introPayload);
    expect(introRes.status, JSON.stringify(introRes.body)).toBe(200);
    const introIds = {
      sessionId: introRes.body.sessionId as string,
      deliveryId: introRes.body.deliveryId as string,
    };
    await moveTo(stack, intro + 90 * MINUTE);
    const introFinish = await finishAsCoach(stack, coach.id, introIds.sessionId, {
      workTogether: true,
      takeaways: ["Delegation starts with one review a week"],
      actionItems: [{ text: "List three decisions the team could make", dueDate: isoDate(intro + 12 * DAY) }],
      next: { type: "recurring", cadence: "biweekly" },
    });
    expect(introFinish.status, JSON.stringify(introFinish.body)).toBe(200);
    const notes1 = await asCoach(stack, coach.id, "PUT", `/v1/sessions/${introIds.sessionId}/notes`, {
      notes: NOTES_1,
    });
    expect(notes1.status).toBe(200);

    const s1 = await bookByWebhook(stack, { coach, email, start: starter1, token });
    await moveTo(stack, s1.end + 30 * MINUTE);
    const goals = await asCoach(stack, coach.id, "PUT", `/v1/clients/${clientId}/goals`, {
      goals: [
        { text: "Hand over code review", measure: "two reviewers for four weeks", targetDate: "2031-04-30" },
      ],
    });
    expect(goals.status, JSON.stringify(goals.body)).toBe(200);
    const s1Finish = await finishAsCoach(stack, coach.id, s1.sessionId, {
      takeaways: ["Review less, coach more"],
      actionItems: [{ text: "Hand one review to a teammate", dueDate: isoDate(starter1 + 21 * DAY) }],
      privateNotes: NOTES_2,
      next: { type: "recurring", cadence: "biweekly" },
    });
    expect(s1Finish.status, JSON.stringify(s1Finish.body)).toBe(200);
    const s2 = await bookByWebhook(stack, { coach, email, start: starter2, token });
    return {
      email,
      clientId,
      token,
      sessionIds: [introIds.sessionId, s1.sessionId, s2.sessionId],
      actionItemIds: [...introFinish.body.finish.actionItemIds, ...s1Finish.body.finish.actionItemIds],
      deliveryIds: [introIds.deliveryId, s1.deliveryId, s2.deliveryId],
      introPayload,
    };
  }

  it("exports everything held about the client, counting the private notes without showing them", async () => {
    const j = await journey("export");
    const res = await asAdmin(stack, "GET", `/v1/clients/${j.clientId}/export`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`${j.clientId}-export.json`);
    const doc = res.body;
    const text = JSON.stringify(doc);
    expect(doc.client).toMatchObject({ id: j.clientId, email: j.email, name: "Sam Rivera" });
    expect(doc.intakeHistory).toHaveLength(1);
    expect(doc.matches.map((m: { coachId: string }) => m.coachId)).toContain(coach.id);
    expect(doc.goals).toEqual([expect.objectContaining({ text: "Hand over code review" })]);
    expect(doc.engagement).toMatchObject({ coachId: coach.id, status: "active" });
    expect(doc.sessions.map((s: { id: string }) => s.id).sort()).toEqual([...j.sessionIds].sort());
    expect(doc.sessions.every((s: { agenda: unknown }) => s.agenda)).toBe(true);
    expect(text).toContain("Delegation starts with one review a week");
    expect(text).toContain("Review less, coach more");
    expect(doc.actionItems.map((a: { id: string }) => a.id).sort()).toEqual([...j.actionItemIds].sort());
    const templates = doc.emailLog.map((e: { template: string }) => e.template);
    expect(templates).toEqual(
      expect.arrayContaining(["booking-confirmation", "coach-brief", "session-followup"]),
    );
    expect(doc.emailLog.find((e: { template: string }) => e.template === "booking-confirmation").to).toBe(
      j.email,
    );
    // The intake's email, sent without a ledger claim, is in the log too (decision 0036).
    expect(doc.emailLog).toContainEqual({
      template: "coach-recommendations",
      to: j.email,
      at: expect.any(String),
      status: "sent",
    });
    expect(doc.deliveries.map((d: { id: string }) => d.id).sort()).toEqual([...j.deliveryIds].sort());
    expect(doc.deliveries[0].body).toContain(j.email);
    // The coach's private notes: counted, not shown.
    expect(doc.privateNotes, JSON.stringify(doc.privateNotes)).toEqual({
      withheld: 2,
      otherCoachWorkWithheld: 0,
    });
    expect(text).not.toContain(NOTES_1);
    expect(text).not.toContain(NOTES_2);

    const withNotes = await asAdmin(stack, "GET", `/v1/clients/${j.clientId}/export?privateNotes=include`);
    expect(JSON.stringify(withNotes.body)).toContain(NOTES_1);
    const bad = await asAdmin(stack, "GET", `/v1/clients/${j.clientId}/export?privateNotes=all`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("privateNotes");
  }, 60_000);

  it("erases every item and schedule about the client, leaving only a tombstone", async () => {
    const j = await journey("erase");
    const needles = [j.clientId, j.email, ...j.sessionIds, ...j.actionItemIds, ...j.deliveryIds];
    const before = await mentions(stack, needles);
    // The check below can fail: there is plenty to erase.
    expect(before.items.length).toBeGreaterThan(15);
    expect(before.schedules.length).toBeGreaterThan(2);
    const load = async () => (await asAdmin(stack, "GET", `/v1/coaches/${coach.id}`)).body.activeClients;
    const loadBefore = await load();
    // A reminder pending now, to fire after the erasure.
    const late = stack.scheduler.pendingSchedules().filter((s) => needles.some((n) => s.name.startsWith(n)));

    const erased = await asAdmin(stack, "DELETE", `/v1/clients/${j.clientId}`);
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toEqual({ id: j.clientId, erasedAt: expect.any(String) });

    const after = await mentions(stack, needles);
    expect(after.schedules).toEqual([]);
    expect(after.items).toEqual([
      {
        pk: `CLIENT#${j.clientId}`,
        sk: "TOMBSTONE",
        type: "tombstone",
        clientId: j.clientId,
        erasedAt: erased.body.erasedAt,
      },
    ]);
    expect(await load()).toBe(loadBefore - 1);

    // 404 for the id afterwards, whatever asks.
    for (const [method, path] of [
      ["GET", `/v1/clients/${j.clientId}`],
      ["GET", `/v1/clients/${j.clientId}/export`],
      ["DELETE", `/v1/clients/${j.clientId}`],
      ["GET", `/v1/sessions/${j.sessionIds[0]}`],
    ] as const) {
      expect((await asAdmin(stack, method, path)).status, `${method} ${path}`).toBe(404);
    }

    // Late firings of the schedules that were pending find nothing to do.
    expect(late.length).toBeGreaterThan(2);
    for (const s of late) expect(await stack.dispatcher(s.input), s.name).toEqual({ outcome: "stale" });
    // A replay of a delivery from the log finds no delivery.
    const replay = await asAdmin(stack, "POST", `/v1/webhook-deliveries/${j.deliveryIds[0]}/replay`);
    expect(replay.status).toBe(404);
    expect((await mentions(stack, needles)).items).toHaveLength(1);
  }, 60_000);

  it("refuses an erasure over a footprint read before the engagement began, then erases with the coach's load moved once", async () => {
    const email = uniqueEmail("erase-engaging");
    const intro = Math.ceil((stack.clock.now().getTime() + 2 * DAY) / HOUR) * HOUR;
    const intake = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const clientId: string = intake.body.clientId;
    const match = intake.body.matches.find((m: { coachId: string }) => m.coachId === coach.id);
    const booked = await bookByWebhook(stack, {
      coach,
      email,
      start: intro,
      token: tokenOf(match.bookingUrl)!,
    });
    const load = async () => (await asAdmin(stack, "GET", `/v1/coaches/${coach.id}`)).body.activeClients;
    const loadBefore = await load();
    // What an erasure read just before the coach finished the intro with a yes.
    const stale = (await stack.deps.privacyStore.footprint(clientId))!;
    await moveTo(stack, booked.end + 30 * MINUTE);
    const finished = await finishAsCoach(stack, coach.id, booked.sessionId, {
      workTogether: true,
      takeaways: ["One review a week"],
      actionItems: [],
      next: { type: "recurring", cadence: "biweekly" },
    });
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    expect(await load()).toBe(loadBefore + 1);

    await expect(
      stack.deps.privacyStore.erase(stale, { clientId, erasedAt: stack.clock.now().toISOString() }),
    ).rejects.toBeInstanceOf(ConditionFailedError);
    expect(await load()).toBe(loadBefore + 1);
    expect((await asAdmin(stack, "GET", `/v1/clients/${clientId}`)).status).toBe(200);

    expect((await asAdmin(stack, "DELETE", `/v1/clients/${clientId}`)).status).toBe(200);
    expect(await load()).toBe(loadBefore);
    expect((await mentions(stack, [clientId, email])).items.map((i) => i.sk)).toEqual(["TOMBSTONE"]);
  });

  it("erases an engaged client written before the console's lists, moving the coach's load once", async () => {
    const email = uniqueEmail("erase-legacy-engaged");
    const intro = Math.ceil((stack.clock.now().getTime() + 2 * DAY) / HOUR) * HOUR;
    const intake = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const clientId: string = intake.body.clientId;
    const match = intake.body.matches.find((m: { coachId: string }) => m.coachId === coach.id);
    const booked = await bookByWebhook(stack, {
      coach,
      email,
      start: intro,
      token: tokenOf(match.bookingUrl)!,
    });
    const load = async () => (await asAdmin(stack, "GET", `/v1/coaches/${coach.id}`)).body.activeClients;
    const loadBefore = await load();
    await moveTo(stack, booked.end + 30 * MINUTE);
    const finished = await finishAsCoach(stack, coach.id, booked.sessionId, {
      workTogether: true,
      takeaways: ["One review a week"],
      actionItems: [],
      next: { type: "recurring", cadence: "biweekly" },
    });
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    expect(await load()).toBe(loadBefore + 1);
    // On no list, as a profile written before the console's index (decision 0033).
    await stack.deps.aws.doc.send(
      new UpdateCommand({
        TableName: stack.deps.config.tableName,
        Key: { pk: `CLIENT#${clientId}`, sk: "PROFILE" },
        UpdateExpression: "REMOVE gsi3pk, gsi3sk, phaseKey",
      }),
    );

    const erased = await asAdmin(stack, "DELETE", `/v1/clients/${clientId}`);
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(await load()).toBe(loadBefore);
  });

  it("starts afresh when the same person books with an old link or applies again after the erasure", async () => {
    const j = await journey("afresh");
    expect((await asAdmin(stack, "DELETE", `/v1/clients/${j.clientId}`)).status).toBe(200);

    // The provider delivers the old booking again, with the old correlation token: a new client.
    const again = await deliver(stack, "calendly", j.introPayload);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const session = (await stack.deps.bookings.bookings.getSessions([again.body.sessionId]))[0]!;
    expect(session.clientId).not.toBe(j.clientId);
    const walkIn = (await asAdmin(stack, "GET", `/v1/clients/${session.clientId}`)).body;
    expect(walkIn).toMatchObject({ email: j.email, bookedWithoutIntake: true });
    expect(walkIn).not.toHaveProperty("engagement");
    expect(walkIn).not.toHaveProperty("smartGoals");
    expect(walkIn.sessions).toHaveLength(1);
    // Nothing belongs to the erased id again (the new booking's record keeps the token it came with).
    const owned = (await wholeTable(stack)).filter(
      (i) => i.clientId === j.clientId || JSON.stringify([i.pk, i.gsi1pk, i.gsi2pk]).includes(j.clientId),
    );
    expect(owned.map((i) => i.sk)).toEqual(["TOMBSTONE"]);
    expect((await asAdmin(stack, "DELETE", `/v1/clients/${session.clientId}`)).status).toBe(200);
    expect((await mentions(stack, [j.clientId, j.email])).items.map((i) => i.sk)).toEqual(["TOMBSTONE"]);

    // A new intake by the same address: a new client, with nothing of the old one.
    const fresh = await applyAsClient(stack, j.email, { name: "Sam Rivera" });
    expect(fresh.clientId).not.toBe(j.clientId);
    const view = (await asAdmin(stack, "GET", `/v1/clients/${fresh.clientId}`)).body;
    expect(view.sessions).toEqual([]);
    expect(view).not.toHaveProperty("engagement");
    expect(view).not.toHaveProperty("smartGoals");
  }, 60_000);

  it("lets the client download their data and erase it from the link in every email, telling the admin", async () => {
    const email = uniqueEmail("yourdata");
    const { clientId } = await applyAsClient(stack, email);
    const mail = (await stack.emailsTo(email)).at(-1)!;
    expect(mail.body.text).toContain("Your data (download it, or ask us to erase it):");
    const path = yourDataPath(mail)!;
    expect(path).toBeDefined();
    const press = (step: string) =>
      stack.app.request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ step }).toString(),
      });

    const opened = await stack.app.request(path);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain("Erase my data");
    const download = await press("download");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(((await download.json()) as { client: unknown }).client).toMatchObject({ id: clientId, email });
    expect((await press("nonsense")).status).toBe(400);
    // The first press on "erase" only asks; nothing is erased yet.
    const ask = await press("erase");
    expect(await ask.text()).toContain("Yes, erase my data");
    expect((await asAdmin(stack, "GET", `/v1/clients/${clientId}`)).status).toBe(200);
    const confirmed = await press("confirm-erase");
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Your data is erased");
    expect((await asAdmin(stack, "GET", `/v1/clients/${clientId}`)).status).toBe(404);
    const told = (await stack.emailsTo("admin@program.example")).filter(
      (m) => m.subject === "A client erased their data",
    );
    expect(told.map((m) => m.body.text).join()).toContain(clientId);
    expect(told.map((m) => m.body.text).join()).not.toContain(email);
    // The link now finds nothing, whatever is pressed.
    expect((await press("download")).status).toBe(404);
    expect((await mentions(stack, [clientId, email])).items.map((i) => i.sk)).toEqual(["TOMBSTONE"]);
  });

  it("erases, in the daily sweep, a client who never booked after a year and one whose intro led nowhere after two", async () => {
    const clock = new LocalClock({ startAt: START });
    const own = await startTestStack({ clock });
    const ownCoach = await addCoach(own);
    const neverBooked = await applyAsClient(own, uniqueEmail("unbooked"));
    const ended = await applyAsClient(own, uniqueEmail("ended"));
    const endedEmail = (await asAdmin(own, "GET", `/v1/clients/${ended.clientId}`)).body.email;
    const token = tokenOf(ended.matches.find((m) => m.coachId === ownCoach.id)!.bookingUrl)!;
    const intro = await bookByWebhook(own, { coach: ownCoach, email: endedEmail, start: INTRO, token });
    await moveTo(own, intro.end + 30 * MINUTE);
    const finished = await finishAsCoach(own, ownCoach.id, intro.sessionId, {
      workTogether: false,
      takeaways: ["Thanks for the conversation"],
      actionItems: [],
      next: { type: "end" },
    });
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    const sweep = privacyOf(own.deps);
    const { scheduleNextSweep } = await import("../../packages/core/src/privacy/retention");
    await scheduleNextSweep(sweep, clock.now());
    const status = async (id: string) => (await asAdmin(own, "GET", `/v1/clients/${id}`)).status;

    // Day 364 after the intake: nothing is due.
    await moveTo(own, Date.parse(START) + 364 * DAY);
    expect([await status(neverBooked.clientId), await status(ended.clientId)]).toEqual([200, 200]);
    // Day 366: the client who never booked goes; the one who did stays.
    const fired = await moveTo(own, Date.parse(START) + 366 * DAY);
    expect(fired.filter((f) => f.name === "retention-sweep")).toHaveLength(1);
    expect([await status(neverBooked.clientId), await status(ended.clientId)]).toEqual([404, 200]);
    // The sweep moved itself one day on.
    expect(own.scheduler.pendingSchedules().filter((s) => s.name === "retention-sweep")).toHaveLength(1);
    // Two years after the intro led nowhere, the rest goes too.
    await moveTo(own, intro.end + 731 * DAY);
    expect(await status(ended.clientId)).toBe(404);
    expect((await mentions(own, [ended.clientId, endedEmail])).items.map((i) => i.sk)).toEqual(["TOMBSTONE"]);
  }, 60_000);
});
