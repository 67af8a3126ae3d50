import { createHmac } from "node:crypto";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { keyId } from "@coachflow/core/shared/keyring";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  applyAsClient,
  asAdmin,
  asCoach,
  bookingId,
  finishAsCoach,
  HOUR,
  MINUTE,
  mailbox,
  moveTo,
  onlyMail,
  openLink,
  signedLinkPaths,
  type TestCoach,
  tokenOf,
} from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { signIn, webBrowser } from "../support/web";
import { calendlyCanceled, calendlyCreated, deliver } from "../support/webhooks";

/*
 * Issue 11, "Identity": an email address is not an identity. A booking token names the client and
 * the coach it was made for; a booking matched by its email alone attaches only where the client
 * already works with the coach, else it is kept apart as unverified until the owner of the address
 * (or an admin) says it is theirs; and a coach's access to a client lasts only while a match, an
 * active engagement or a booked session lasts. Each `it` is an attack that worked before the fix.
 */

const LINK_SECRET = "test-link-secret-0123456789";

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
const intake = {
  challenge: "Secret challenge: my skip-level manager is about to reorganise my whole team.",
  goals: "Secret goal: move into a staff engineer role within a year.",
};

describe("booking identity (issue 11)", () => {
  let stack: TestStack;
  /** Matched with the client. */
  let matched: TestCoach;
  /** Never matched, never engaged: books with the client's address all the same. */
  let stranger: TestCoach;

  beforeAll(async () => {
    stack = await startTestStack({ clock: new LocalClock({ startAt: "2031-04-07T08:00:00Z" }) });
    matched = await addCoach(stack, { capacity: 100 });
    stranger = await addCoach(stack, { capacity: 100, name: "Stranger Coach" });
  });

  const now = () => stack.clock.now().getTime();
  const slot = (hoursAhead: number) => Math.ceil((now() + hoursAhead * HOUR) / MINUTE) * MINUTE;

  /** A client who applied, with exactly these coaches as their matches; answers their booking links. */
  async function clientMatchedWith(label: string, coaches: TestCoach[]) {
    const email = uniqueEmail(label);
    const applied = await applyAsClient(stack, email, intake);
    const res = await asAdmin(stack, "PUT", `/v1/clients/${applied.clientId}/matches`, {
      coachIds: coaches.map((c) => c.id),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const links = new Map<string, string>(
      res.body.matches.map((m: { coachId: string; bookingUrl: string }) => [m.coachId, m.bookingUrl]),
    );
    return { email, clientId: applied.clientId, links };
  }

  async function matchesOnly(clientId: string, coaches: TestCoach[]) {
    const res = await asAdmin(stack, "PUT", `/v1/clients/${clientId}/matches`, {
      coachIds: coaches.map((c) => c.id),
    });
    expect(res.status).toBe(200);
  }

  /** A Calendly booking with `coach`, by `email`, with or without a token; answers the delivery. */
  async function book(b: {
    coach: TestCoach;
    email: string;
    name?: string;
    token?: string;
    start: number;
    answer?: string;
  }) {
    const id = bookingId("ID");
    const payload = calendlyCreated({
      id,
      start: new Date(b.start).toISOString(),
      end: new Date(b.start + HOUR).toISOString(),
      email: b.email,
      coachEmail: b.coach.email,
      ...(b.name ? { name: b.name } : {}),
      ...(b.token ? { token: b.token } : {}),
    });
    if (b.answer)
      payload.payload.questions_and_answers = [
        { question: "What would you like to cover?", answer: b.answer, position: 0 },
      ];
    const res = await deliver(stack, "calendly", payload);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { id, sessionId: res.body.sessionId as string, start: b.start };
  }

  const clientOfSession = async (sessionId: string) =>
    (await asAdmin(stack, "GET", `/v1/sessions/${sessionId}`)).body.client.id as string;

  describe("a booking token binds the client and the coach it was made for", () => {
    it("correlates nothing when presented with a booking for another coach", async () => {
      const client = await clientMatchedWith("tok-other", [matched]);
      const token = tokenOf(client.links.get(matched.id)!)!;
      // The stranger (or anyone who saw the link) books with their own address and the client's token.
      const booked = await book({
        coach: stranger,
        email: uniqueEmail("tok-attacker"),
        token,
        start: slot(30),
      });
      expect(await clientOfSession(booked.sessionId)).not.toBe(client.clientId);
      const seen = await asCoach(stack, stranger.id, "GET", `/v1/clients/${client.clientId}`);
      expect(seen.status).toBe(404);
    });

    it("still correlates the booking it was made for", async () => {
      const client = await clientMatchedWith("tok-own", [matched]);
      const token = tokenOf(client.links.get(matched.id)!)!;
      // Booked under another address: the token, not the email, says whose booking it is.
      const booked = await book({ coach: matched, email: uniqueEmail("tok-alias"), token, start: slot(31) });
      expect(await clientOfSession(booked.sessionId)).toBe(client.clientId);
    });

    it("reads a token minted before tokens named a coach as no token at all", async () => {
      const client = await clientMatchedWith("tok-old", [matched]);
      const payload = `${client.clientId}.i`;
      const mac = createHmac("sha256", LINK_SECRET).update(payload).digest("hex").slice(0, 16);
      const old = `${payload}.${keyId(LINK_SECRET)}${mac}`;
      const booked = await book({
        coach: stranger,
        email: uniqueEmail("tok-old-attacker"),
        token: old,
        start: slot(32),
      });
      expect(await clientOfSession(booked.sessionId)).not.toBe(client.clientId);
    });
  });

  describe("a booking matched by email alone", () => {
    it("attaches to the client when the coach is one of their matches", async () => {
      const client = await clientMatchedWith("mail-matched", [matched]);
      const booked = await book({ coach: matched, email: client.email, start: slot(33) });
      expect(await clientOfSession(booked.sessionId)).toBe(client.clientId);
    });

    it("attaches to the client when the coach is their engaged coach", async () => {
      const client = await clientMatchedWith("mail-engaged", [stranger]);
      const token = tokenOf(client.links.get(stranger.id)!)!;
      const intro = await book({ coach: stranger, email: client.email, token, start: slot(-3) });
      const finished = await finishAsCoach(stack, stranger.id, intro.sessionId, {
        takeaways: ["Start with one review a week"],
        actionItems: [],
        next: { type: "ad-hoc" },
        workTogether: true,
      });
      expect(finished.status, JSON.stringify(finished.body)).toBe(200);
      await matchesOnly(client.clientId, [matched]);
      const booked = await book({ coach: stranger, email: client.email, start: slot(34) });
      expect(await clientOfSession(booked.sessionId)).toBe(client.clientId);
    });

    it("is kept apart, unverified, when the coach is neither matched nor engaged: the brief carries the booking's details only, the admin is told and the client is asked", async () => {
      const client = await clientMatchedWith("mail-stranger", [matched]);
      const coachMail = mailbox(stack, stranger.email);
      const clientMail = mailbox(stack, client.email);
      await coachMail.fresh();
      await clientMail.fresh();
      const answer = `I want to talk about my new team ${Math.random().toString(36).slice(2)}`;
      const booked = await book({
        coach: stranger,
        email: client.email,
        name: "Someone Else",
        start: slot(40),
        answer,
      });

      // The session is not the client's: no profile, goals or answers reach the stranger.
      expect(await clientOfSession(booked.sessionId)).not.toBe(client.clientId);
      expect((await asCoach(stack, stranger.id, "GET", `/v1/clients/${client.clientId}`)).status).toBe(404);
      const detail = await asCoach(stack, stranger.id, "GET", `/v1/sessions/${booked.sessionId}`);
      expect(detail.status).toBe(200);
      expect(detail.body.unverified).toBe(true);
      expect(detail.body.client.name).toBe("Someone Else");
      expect(JSON.stringify(detail.body)).not.toContain("Secret");
      expect(JSON.stringify(detail.body)).toContain(answer);

      const brief = onlyMail(await coachMail.fresh(), "Coach brief");
      const briefText = `${brief.body.text}${brief.body.html}`;
      expect(briefText).not.toContain("Secret");
      expect(briefText).not.toContain("Sam Rivera");
      expect(brief.body.text).toContain(answer);
      expect(brief.body.text).toContain("Someone Else");

      const admin = (await stack.emailsTo("admin@program.example")).filter((m) =>
        m.body.text?.includes(booked.sessionId),
      );
      expect(admin.map((m) => m.subject)).toEqual(["A booking waits for a decision: who booked it?"]);
      expect(admin[0]!.body.text).not.toContain("Secret");

      // The coach's workspace shows the same: the booking's details, nothing of the client's.
      const browser = webBrowser(stack);
      await signIn(stack, browser, stranger.email);
      const sessionPage = await browser.get(`/app/sessions/${booked.sessionId}`);
      expect(sessionPage.status).toBe(200);
      expect(sessionPage.text).toContain("Someone Else");
      expect(sessionPage.text).not.toContain("Secret");
      expect((await browser.get(`/app/clients/${client.clientId}`)).status).toBe(404);

      // Finishing it is refused while nobody has said whose it is.
      const finish = await finishAsCoach(stack, stranger.id, booked.sessionId, {
        takeaways: ["x"],
        actionItems: [],
        next: { type: "ad-hoc" },
        workTogether: true,
      });
      expect(finish.status).toBe(409);

      // The admin's listing has it.
      const listed = await asAdmin(stack, "GET", "/v1/unverified-bookings");
      expect(listed.status).toBe(200);
      const entry = listed.body.unverifiedBookings.find((u: { id: string }) => u.id === booked.sessionId);
      expect(entry).toMatchObject({
        clientId: client.clientId,
        coachId: stranger.id,
        name: "Someone Else",
        email: client.email,
        answers: [{ question: "What would you like to cover?", answer }],
      });

      // The owner of the address confirms through the signed link: GET shows, POST attaches.
      const ask = onlyMail(await clientMail.fresh(), "Did you book a coaching session?");
      const [path] = signedLinkPaths(ask);
      expect(path).toBeDefined();
      const page = await openLink(stack, path!, "GET");
      expect(page.status).toBe(200);
      expect(await clientOfSession(booked.sessionId)).not.toBe(client.clientId);
      const confirmed = await openLink(stack, path!);
      expect(confirmed.status).toBe(200);
      expect(await clientOfSession(booked.sessionId)).toBe(client.clientId);
      expect((await asCoach(stack, stranger.id, "GET", `/v1/clients/${client.clientId}`)).status).toBe(200);
      const after = await asAdmin(stack, "GET", "/v1/unverified-bookings");
      expect(after.body.unverifiedBookings.map((u: { id: string }) => u.id)).not.toContain(booked.sessionId);
      // Pressing again changes nothing more.
      expect((await openLink(stack, path!)).status).toBe(200);
      expect(await clientOfSession(booked.sessionId)).toBe(client.clientId);
    });

    it("is linked or rejected by an admin", async () => {
      const client = await clientMatchedWith("mail-admin", [matched]);
      const first = await book({ coach: stranger, email: client.email, start: slot(50) });
      const second = await book({ coach: stranger, email: client.email, start: slot(52) });

      const rejected = await asAdmin(stack, "POST", `/v1/unverified-bookings/${second.sessionId}/reject`);
      expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
      expect(rejected.body.status).toBe("rejected");
      const linked = await asAdmin(stack, "POST", `/v1/unverified-bookings/${first.sessionId}/link`);
      expect(linked.status, JSON.stringify(linked.body)).toBe(200);
      expect(linked.body).toMatchObject({ clientId: client.clientId, kind: "intro" });

      expect(await clientOfSession(first.sessionId)).toBe(client.clientId);
      expect(await clientOfSession(second.sessionId)).not.toBe(client.clientId);
      const listed = await asAdmin(stack, "GET", "/v1/unverified-bookings");
      const ids = listed.body.unverifiedBookings.map((u: { id: string }) => u.id);
      expect(ids).not.toContain(first.sessionId);
      expect(ids).not.toContain(second.sessionId);
      // Done once: a second decision on either finds nothing waiting.
      expect((await asAdmin(stack, "POST", `/v1/unverified-bookings/${first.sessionId}/link`)).status).toBe(
        404,
      );
      expect(
        (await asAdmin(stack, "POST", `/v1/unverified-bookings/${second.sessionId}/reject`)).status,
      ).toBe(404);
      // The client's own link for the rejected one changes nothing.
      const asks = (await mailbox(stack, client.email).all()).filter((m) =>
        m.subject.startsWith("Did you book a coaching session?"),
      );
      expect(asks).toHaveLength(2);
      for (const ask of asks) await openLink(stack, signedLinkPaths(ask)[0]!);
      expect(await clientOfSession(second.sessionId)).not.toBe(client.clientId);
    });
  });

  it("erases the unverified bookings made with a client's address, waiting or rejected, with the client", async () => {
    const client = await clientMatchedWith("mail-erase", [matched]);
    const waiting = await book({ coach: stranger, email: client.email, start: slot(70), answer: "erase me" });
    const rejected = await book({ coach: stranger, email: client.email, start: slot(72) });
    expect(
      (await asAdmin(stack, "POST", `/v1/unverified-bookings/${rejected.sessionId}/reject`)).status,
    ).toBe(200);
    const needles = [client.clientId, client.email, waiting.sessionId, rejected.sessionId];
    const pending = () =>
      stack.scheduler.pendingSchedules().filter((p) => needles.some((n) => JSON.stringify(p).includes(n)));
    expect(pending().length).toBeGreaterThan(0);

    // The export is the client's own: a booking that may be someone else's is not in it.
    const exported = await asAdmin(stack, "GET", `/v1/clients/${client.clientId}/export`);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).not.toContain(waiting.sessionId);

    expect((await asAdmin(stack, "DELETE", `/v1/clients/${client.clientId}`)).status).toBe(200);
    const left = (await wholeTable(stack)).filter((i) =>
      needles.some((n) => JSON.stringify(i).toLowerCase().includes(n.toLowerCase())),
    );
    expect(left.map((i) => `${i.pk} ${i.sk}`)).toEqual([`CLIENT#${client.clientId} TOMBSTONE`]);
    expect(pending()).toEqual([]);
  });

  describe("a coach's access to a client ends when the match, the engagement and the booked sessions end", () => {
    it("ends when the coach's only booked session is cancelled; the session itself stays readable", async () => {
      const client = await clientMatchedWith("acc-cancel", [stranger]);
      const token = tokenOf(client.links.get(stranger.id)!)!;
      const booked = await book({ coach: stranger, email: client.email, token, start: slot(60) });
      await matchesOnly(client.clientId, [matched]);
      const browser = webBrowser(stack);
      await signIn(stack, browser, stranger.email);
      // Booked: the coach prepares with the client's profile.
      expect((await asCoach(stack, stranger.id, "GET", `/v1/clients/${client.clientId}`)).status).toBe(200);
      expect((await browser.get(`/app/clients/${client.clientId}`)).status).toBe(200);

      const cancel = await deliver(
        stack,
        "calendly",
        calendlyCanceled({
          id: booked.id,
          start: new Date(booked.start).toISOString(),
          end: new Date(booked.start + HOUR).toISOString(),
          email: client.email,
          coachEmail: stranger.email,
        }),
      );
      expect(cancel.status).toBe(200);

      for (const [method, path, body] of [
        ["GET", `/v1/clients/${client.clientId}`, undefined],
        ["GET", `/v1/clients/${client.clientId}/action-items`, undefined],
        ["PUT", `/v1/clients/${client.clientId}/goals`, { goals: [] }],
        ["POST", `/v1/clients/${client.clientId}/sessions`, undefined],
      ] as const) {
        const res = await asCoach(stack, stranger.id, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
      }
      expect((await browser.get(`/app/clients/${client.clientId}`)).status).toBe(404);
      const own = await asCoach(stack, stranger.id, "GET", `/v1/sessions/${booked.sessionId}`);
      expect(own.status).toBe(200);
      expect(JSON.stringify(own.body)).not.toContain("Secret");
      const page = await browser.get(`/app/sessions/${booked.sessionId}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain("Secret");
    });

    it("ends after the coach's finished intro led nowhere; their session and own notes stay readable", async () => {
      const client = await clientMatchedWith("acc-past", [stranger]);
      const token = tokenOf(client.links.get(stranger.id)!)!;
      const intro = await book({ coach: stranger, email: client.email, token, start: slot(-3) });
      const notes = `Private: ${Math.random().toString(36).slice(2)}`;
      const tomorrow = new Date(now() + 24 * HOUR).toISOString().slice(0, 10);
      const finished = await finishAsCoach(stack, stranger.id, intro.sessionId, {
        takeaways: ["A first conversation"],
        actionItems: [{ text: "Secret step: write to the skip-level", dueDate: tomorrow }],
        next: { type: "end" },
        workTogether: false,
        privateNotes: notes,
      });
      expect(finished.status, JSON.stringify(finished.body)).toBe(200);
      await matchesOnly(client.clientId, [matched]);

      expect((await asCoach(stack, stranger.id, "GET", `/v1/clients/${client.clientId}`)).status).toBe(404);
      const own = await asCoach(stack, stranger.id, "GET", `/v1/sessions/${intro.sessionId}`);
      expect(own.status).toBe(200);
      expect(own.body.notes).toBe(notes);
      expect(own.body.finish.takeaways).toEqual(["A first conversation"]);
      expect(JSON.stringify(own.body)).not.toContain("Secret");
      const browser = webBrowser(stack);
      await signIn(stack, browser, stranger.email);
      expect((await browser.get(`/app/clients/${client.clientId}`)).status).toBe(404);
      const page = await browser.get(`/app/sessions/${intro.sessionId}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(notes);
      expect(page.text).not.toContain("Secret");
      // Once the item is overdue, the home page does not list it: the client is no longer theirs.
      await moveTo(stack, now() + 3 * 24 * HOUR);
      const home = await browser.get("/app");
      expect(home.status).toBe(200);
      expect(home.text).not.toContain("Secret step");
    });
  });
});
