import { linkUrl, signLink } from "@coachflow/core/links/signed-links";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  applyAsClient,
  asAdmin,
  bookByWebhook,
  finishAsCoach,
  HOUR,
  MINUTE,
  mailbox,
  moveTo,
  type TestCoach,
  tokenOf,
} from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { signIn, webBrowser } from "../support/web";

/*
 * Issue 11: finishing an intro with "work together" while the client has an active engagement
 * with another coach answers 409 with a clear message, through the API and the workspace's
 * finish form alike; it never silently replaces the engagement.
 */

const LINK_SECRET = "test-link-secret-0123456789";
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("an intro with another coach while the client is engaged", () => {
  let stack: TestStack;
  let a: TestCoach;
  let b: TestCoach;

  beforeAll(async () => {
    stack = await startTestStack({ clock: new LocalClock({ startAt: "2031-04-07T09:00:00Z" }) });
    [a, b] = [await addCoach(stack), await addCoach(stack)];
  });

  const load = async (coach: TestCoach) =>
    (await asAdmin(stack, "GET", `/v1/coaches/${coach.id}`)).body.activeClients as number;
  const clientOf = async (id: string) => (await asAdmin(stack, "GET", `/v1/clients/${id}`)).body;

  /** A client matched with both coaches, engaged with A after their intro, with an intro with B held. */
  async function engagedWithAThenIntroWithB(label: string) {
    const email = uniqueEmail(label);
    const applied = await applyAsClient(stack, email);
    const linkFor = (coach: TestCoach) => applied.matches.find((m) => m.coachId === coach.id)?.bookingUrl;
    expect(linkFor(a), "A is among the matches").toBeDefined();
    expect(linkFor(b), "B is among the matches").toBeDefined();
    const at = () => Math.ceil((stack.clock.now().getTime() + HOUR) / MINUTE) * MINUTE;
    const introA = await bookByWebhook(stack, { coach: a, email, start: at(), token: tokenOf(linkFor(a)!) });
    await moveTo(stack, introA.end + 10 * MINUTE);
    const goAhead = { takeaways: [], actionItems: [], next: { type: "ad-hoc" }, workTogether: true };
    const finishedA = await finishAsCoach(stack, a.id, introA.sessionId, goAhead);
    expect(finishedA.status, JSON.stringify(finishedA.body)).toBe(200);
    const introB = await bookByWebhook(stack, { coach: b, email, start: at(), token: tokenOf(linkFor(b)!) });
    await moveTo(stack, introB.end + 10 * MINUTE);
    const mail = mailbox(stack, email);
    await mail.fresh();
    return { email, clientId: applied.clientId, introA, introB, mail, goAhead };
  }

  it("answers 409 through the API, keeps the engagement with A, and goes ahead once it has ended", async () => {
    const c = await engagedWithAThenIntroWithB("engaged");
    const loads = [await load(a), await load(b)];

    const res = await finishAsCoach(stack, b.id, c.introB.sessionId, c.goAhead);

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(res.body.error.message).toMatch(/already working with another coach/);
    const client = await clientOf(c.clientId);
    expect(client.engagement).toMatchObject({ coachId: a.id, status: "active" });
    expect(client.sessions.find((s: { id: string }) => s.id === c.introB.sessionId).status).toBe("scheduled");
    expect([await load(a), await load(b)]).toEqual(loads);
    expect(await c.mail.fresh()).toEqual([]);

    // Once the engagement with A has ended (the client's "end" link, carrying the engagement's
    // version as a check-in's does, decision 0032), the intro with B goes ahead.
    const version = (await stack.deps.clients.clients.get(c.clientId))?.engagementVersion ?? 0;
    const end = new URL(
      linkUrl(
        "http://x",
        signLink(LINK_SECRET, "end", c.clientId, c.introA.sessionId, stack.clock.now(), version),
      ),
    ).pathname;
    expect((await stack.app.request(end, { method: "POST" })).status).toBe(200);
    const ahead = await finishAsCoach(stack, b.id, c.introB.sessionId, c.goAhead);
    expect(ahead.status, JSON.stringify(ahead.body)).toBe(200);
    expect((await clientOf(c.clientId)).engagement).toMatchObject({ coachId: b.id, status: "active" });
    expect([await load(a), await load(b)]).toEqual([loads[0]! - 1, loads[1]! + 1]);
  });

  it("lets B finish that intro without going ahead: no engagement changes", async () => {
    const c = await engagedWithAThenIntroWithB("declined");

    const res = await finishAsCoach(stack, b.id, c.introB.sessionId, { ...c.goAhead, workTogether: false });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await clientOf(c.clientId)).engagement).toMatchObject({ coachId: a.id, status: "active" });
  });

  it("answers 409 on the workspace's finish form, with the reason at the work-together question", async () => {
    const c = await engagedWithAThenIntroWithB("engaged-form");
    const browser = webBrowser(stack);
    await signIn(stack, browser, b.email);

    const res = await browser.post(`/app/sessions/${c.introB.sessionId}/finish`, {
      takeaways: "A good conversation.",
      next: "ad-hoc",
      workTogether: "yes",
      intent: "finish",
    });

    expect(res.status).toBe(409);
    expect(res.text).toContain('href="#work-yes"');
    expect(res.text).toContain('id="work-yes-error"');
    expect(textOf(res.text)).toMatch(/already working with another coach/);
    const client = await clientOf(c.clientId);
    expect(client.engagement).toMatchObject({ coachId: a.id, status: "active" });
    expect(client.sessions.find((s: { id: string }) => s.id === c.introB.sessionId).status).toBe("scheduled");
    expect(await c.mail.fresh()).toEqual([]);
  });
});
