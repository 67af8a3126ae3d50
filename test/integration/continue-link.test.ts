import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  asAdmin,
  bookByWebhook,
  DAY,
  finishAsCoach,
  HOUR,
  mailbox,
  moveTo,
  onlyMail,
  openLink,
  signedLinkPaths,
  type TestCoach,
} from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/**
 * Issue 11, least privilege: the session-7 check-in's "continue" and "end" links are tied to the
 * engagement's version when they were sent. Acting on one after a later decision (the coach's,
 * or the client's own) changes nothing and says the link was superseded.
 */

let stack: TestStack;
let coach: TestCoach;

beforeAll(async () => {
  stack = await startTestStack({ clock: new LocalClock({ startAt: "2031-04-01T08:00:00Z" }) });
  coach = await addCoach(stack, { capacity: 100 });
});
afterAll(async () => {
  await stack.scheduler.stop();
});

/**
 * A client who had the intro and all seven starter sessions booked, the intro and starter 7
 * finished: answers the check-in's two links and the other sessions.
 */
async function throughStarterSeven(email: string) {
  const base = Math.ceil((stack.clock.now().getTime() + DAY) / HOUR) * HOUR;
  const sessions: string[] = [];
  for (let i = 0; i < 8; i++)
    sessions.push((await bookByWebhook(stack, { coach, email, start: base + i * DAY })).sessionId);
  await moveTo(stack, base + 8 * DAY);
  const finish = async (sessionId: string, body: Record<string, unknown>) => {
    const res = await finishAsCoach(stack, coach.id, sessionId, { takeaways: [], actionItems: [], ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await finish(sessions[0]!, { workTogether: true, next: { type: "recurring", cadence: "weekly" } });
  await finish(sessions[7]!, { next: { type: "recurring", cadence: "biweekly" } });
  const checkin = onlyMail(await mailbox(stack, email).all(), "Your starter sessions are complete");
  const [continuePath, endPath] = signedLinkPaths(checkin) as [string, string];
  const clientId = (await stack.deps.bookings.bookings.getSessions([sessions[0]!]))[0]!.clientId;
  return { clientId, continuePath, endPath, sessions, finish };
}

const engagementOf = async (clientId: string) =>
  (await asAdmin(stack, "GET", `/v1/clients/${clientId}`)).body.engagement;

describe("the session-7 check-in links", () => {
  it("cannot undo the coach's later decision: after the coach ends the engagement, 'continue' changes nothing and says it was superseded", async () => {
    const { clientId, continuePath, sessions, finish } = await throughStarterSeven(uniqueEmail("undo"));
    expect(await engagementOf(clientId)).toMatchObject({ coachId: coach.id, status: "active" });
    // Later, the coach finishes starter session 6 (late) and ends the engagement.
    await finish(sessions[6]!, { next: { type: "end" } });
    expect(await engagementOf(clientId)).toMatchObject({ status: "ended" });
    const load = (await asAdmin(stack, "GET", `/v1/coaches/${coach.id}`)).body.activeClients;

    const answer = await openLink(stack, continuePath);

    expect(answer.status).toBe(409);
    expect(answer.body).toContain("<h1>This link has been superseded</h1>");
    expect(answer.body).toContain("changes nothing");
    expect(await engagementOf(clientId)).toMatchObject({ coachId: coach.id, status: "ended" });
    expect((await asAdmin(stack, "GET", `/v1/coaches/${coach.id}`)).body.activeClients).toBe(load);
  });

  it("works while nothing changed since it was sent; pressed again it answers the same; the other link is then superseded", async () => {
    const { clientId, continuePath, endPath } = await throughStarterSeven(uniqueEmail("fresh"));

    const ended = await openLink(stack, endPath);
    expect(ended.status).toBe(200);
    expect(ended.body).toContain("<h1>Thank you</h1>");
    expect(await engagementOf(clientId)).toMatchObject({ status: "ended" });

    const again = await openLink(stack, endPath);
    expect(again.status).toBe(200);
    expect(again.body).toContain("<h1>Thank you</h1>");

    const undo = await openLink(stack, continuePath);
    expect(undo.status).toBe(409);
    expect(undo.body).toContain("<h1>This link has been superseded</h1>");
    expect(await engagementOf(clientId)).toMatchObject({ status: "ended" });
  });

  it("carries the engagement's version in the signed link", async () => {
    const { continuePath, endPath } = await throughStarterSeven(uniqueEmail("version"));
    const payload = (path: string) =>
      JSON.parse(Buffer.from(path.slice(3).split(".").at(-2)!, "base64url").toString("utf8"));
    // Version 1: the intro started the engagement; 2: starter 7 moved it to every two weeks.
    expect(payload(continuePath)).toMatchObject({ a: "continue", v: 2 });
    expect(payload(endPath)).toMatchObject({ a: "end", v: 2 });
  });
});
