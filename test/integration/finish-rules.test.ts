import { readCorrelation } from "@coachflow/core/bookings/correlation";
import { beforeAll, describe, expect, it } from "vitest";
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
  headerOf,
  MINUTE,
  mailbox,
  moveTo,
  onlyMail,
  openLink,
  schedulesOf,
  signedLinkPaths,
  subjectsOf,
  type TestCoach,
  tokenOf,
  urlsIn,
} from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calendlyCanceled, deliver } from "../support/webhooks";

/*
 * The rules around "finish meeting": what is refused (409, 400, 413), what an intro's answer and
 * the next step send, and the reminders that follow a finish (booking nudge, action-item reminder),
 * including the unsubscribe link that stops nudges but not transactional mail.
 */

const LINK_SECRET = "test-link-secret-0123456789";
const recurring = (cadence: "weekly" | "biweekly" | "monthly") => ({ type: "recurring", cadence }) as const;

/** YYYY-MM-DD and HH:MM of an instant in a time zone, read with Intl (independent of the code under test). */
function localClock(at: number | string, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(at));
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

describe("finishing a meeting: refusals, what each answer sends, and the reminders after", () => {
  let stack: TestStack;
  let coach: TestCoach;

  beforeAll(async () => {
    stack = await startTestStack({ clock: new LocalClock({ startAt: "2031-02-03T08:00:00Z" }) });
    coach = await addCoach(stack, { capacity: 100 });
  });

  const now = () => stack.clock.now().getTime();
  const minuteAfter = (ms: number) => Math.ceil(ms / MINUTE) * MINUTE;

  /** A client who applied and booked their intro `hoursAhead` from now; their mailbox is read past it. */
  async function bookedIntro(label: string, hoursAhead: number, intake: Record<string, unknown> = {}) {
    const email = uniqueEmail(label);
    const applied = await applyAsClient(stack, email, intake);
    expect(applied.matches[0]?.coachId).toBe(coach.id);
    const start = minuteAfter(now() + hoursAhead * HOUR);
    const session = await bookByWebhook(stack, {
      coach,
      email,
      start,
      token: tokenOf(applied.matches[0]!.bookingUrl),
    });
    const mail = mailbox(stack, email);
    await mail.fresh();
    return { email, clientId: applied.clientId, mail, ...session };
  }

  /** An intro that has taken place: booked two hours ahead, and the clock is now 30 minutes past its end. */
  async function heldIntro(label: string, intake: Record<string, unknown> = {}) {
    const intro = await bookedIntro(label, 2, intake);
    await moveTo(stack, intro.end + 30 * MINUTE);
    await intro.mail.fresh();
    return intro;
  }

  const statusOf = async (clientId: string, sessionId: string) =>
    (await asAdmin(stack, "GET", `/v1/clients/${clientId}`)).body.sessions.find(
      (s: { id: string }) => s.id === sessionId,
    )?.status;

  const validFinish = { takeaways: ["One clear takeaway."], actionItems: [], next: recurring("biweekly") };

  describe("bad input", () => {
    it("refuses to finish a cancelled session with 409 and the reason, and sends nothing", async () => {
      const intro = await bookedIntro("cancelled", 2);
      await deliver(
        stack,
        "calendly",
        calendlyCanceled({
          id: intro.bookingId,
          start: new Date(intro.start).toISOString(),
          end: new Date(intro.end).toISOString(),
          email: intro.email,
          coachEmail: coach.email,
        }),
      );
      await moveTo(stack, intro.end + 30 * MINUTE);
      await intro.mail.fresh();

      const res = await finishAsCoach(stack, coach.id, intro.sessionId, {
        ...validFinish,
        workTogether: true,
      });

      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("conflict");
      expect(res.body.error.message).toMatch(/cancelled/);
      expect(await statusOf(intro.clientId, intro.sessionId)).toBe("cancelled");
      expect(await intro.mail.fresh()).toEqual([]);
    });

    it("refuses to finish a session that has not started with 409 and the reason", async () => {
      const intro = await bookedIntro("future", 48);

      const res = await finishAsCoach(stack, coach.id, intro.sessionId, {
        ...validFinish,
        workTogether: true,
      });

      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/not started/);
      expect(await statusOf(intro.clientId, intro.sessionId)).toBe("scheduled");
      expect(await intro.mail.fresh()).toEqual([]);
    });

    it("refuses an action item due before today (in the client's time zone) with 400 naming actionItems.0.dueDate", async () => {
      const intro = await heldIntro("pastdue", { timezone: "America/New_York" });
      const today = localClock(now(), "America/New_York").date;

      const res = await finishAsCoach(stack, coach.id, intro.sessionId, {
        ...validFinish,
        workTogether: true,
        actionItems: [{ text: "Something from last week", dueDate: addDays(today, -1) }],
      });

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.fields).toEqual([
        {
          path: "actionItems.0.dueDate",
          label: "Action item 1: due date",
          message: "Action item 1: due date must be today or later",
        },
      ]);
      expect(await statusOf(intro.clientId, intro.sessionId)).toBe("scheduled");
      expect(await intro.mail.fresh()).toEqual([]);

      // Today itself is allowed.
      const ok = await finishAsCoach(stack, coach.id, intro.sessionId, {
        ...validFinish,
        workTogether: true,
        actionItems: [{ text: "Something for today", dueDate: today }],
      });
      expect(ok.status).toBe(200);
    });

    it("answers takeaways sent as a string with one message about the list, and keeps nothing", async () => {
      const intro = await heldIntro("onestring");

      const res = await finishAsCoach(stack, coach.id, intro.sessionId, {
        ...validFinish,
        workTogether: true,
        takeaways: "Name the conflict early, in the first week, to both of them",
      });

      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: "validation_failed",
        message: "Takeaways must be a list",
        fields: [{ path: "takeaways", label: "Takeaways", message: "Takeaways must be a list" }],
      });
      expect(await statusOf(intro.clientId, intro.sessionId)).toBe("scheduled");
      expect(await intro.mail.fresh()).toEqual([]);
    });

    it("refuses more than 50 action items with 400", async () => {
      const intro = await heldIntro("fiftyone");
      const dueDate = addDays(localClock(now(), "Europe/Lisbon").date, 7);
      const items = Array.from({ length: 51 }, (_, i) => ({ text: `Item ${i + 1}`, dueDate }));

      const res = await finishAsCoach(stack, coach.id, intro.sessionId, {
        ...validFinish,
        workTogether: true,
        actionItems: items,
      });

      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([
        { path: "actionItems", label: "Action items", message: "Add at most 50 action items" },
      ]);
      expect(res.body.error.message).toBe("Add at most 50 action items");
      expect(await statusOf(intro.clientId, intro.sessionId)).toBe("scheduled");
      expect(
        (await asAdmin(stack, "GET", `/v1/clients/${intro.clientId}/action-items`)).body.actionItems,
      ).toEqual([]);
    });

    it("refuses notes over 20,000 characters with 413, on finish and on PUT notes, and keeps what was saved", async () => {
      const intro = await heldIntro("bignotes");
      const path = `/v1/sessions/${intro.sessionId}`;

      const atLimit = await asCoach(stack, coach.id, "PUT", `${path}/notes`, { notes: "n".repeat(20_000) });
      expect(atLimit.status).toBe(200);
      const tooLong = await asCoach(stack, coach.id, "PUT", `${path}/notes`, { notes: "x".repeat(20_001) });
      expect(tooLong.status).toBe(413);
      expect(tooLong.body.error.code).toBe("payload_too_large");

      const finish = await finishAsCoach(stack, coach.id, intro.sessionId, {
        ...validFinish,
        workTogether: true,
        privateNotes: "y".repeat(20_001),
      });
      expect(finish.status).toBe(413);
      expect(await statusOf(intro.clientId, intro.sessionId)).toBe("scheduled");
      const detail = await asCoach(stack, coach.id, "GET", path);
      expect(detail.body.notes).toBe("n".repeat(20_000));
      expect(await intro.mail.fresh()).toEqual([]);
    });

    it("refuses to finish an intro without saying whether the coach wants to work together (400 naming workTogether)", async () => {
      const intro = await heldIntro("nowt");

      const res = await finishAsCoach(stack, coach.id, intro.sessionId, validFinish);

      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([
        {
          path: "workTogether",
          label: "Want to work with this client",
          message: "Say whether you want to work with this client",
        },
      ]);
      expect(await statusOf(intro.clientId, intro.sessionId)).toBe("scheduled");
    });
  });

  describe("what the answer of an intro and the next step send", () => {
    it("after an intro the coach does not go ahead with, sends the follow-up and a kind close, no welcome", async () => {
      const intro = await heldIntro("closing");

      const res = await finishAsCoach(stack, coach.id, intro.sessionId, {
        takeaways: ["You are looking for someone with a deep hiring background."],
        actionItems: [],
        next: recurring("biweekly"),
        workTogether: false,
      });

      expect(res.status).toBe(200);
      expect(res.body.finish).toMatchObject({ workTogether: false, next: { type: "end" } });
      const mails = await intro.mail.fresh();
      expect(subjectsOf(mails)).toEqual([
        "Thank you for today's session",
        "Thank you for your intro session",
      ]);
      const closing = mails[1]!;
      expect(closing.body.text).toContain(coach.name);
      expect(closing.body.text).not.toContain(coach.pricingUrl);
      expect(mails[0]!.body.text).toContain("This was your last session together for now");
      // No engagement started, so no booking nudge is planned.
      expect(schedulesOf(stack, intro.sessionId)).toEqual([]);
      expect((await asAdmin(stack, "GET", `/v1/clients/${intro.clientId}`)).body.engagement).toBeUndefined();
    });

    it("after an ad-hoc session, suggests the monthly package; '+ new session' then emails a booking link", async () => {
      const intro = await heldIntro("adhoc");

      const res = await finishAsCoach(stack, coach.id, intro.sessionId, {
        takeaways: ["Ad-hoc suits your schedule for now."],
        actionItems: [],
        next: { type: "ad-hoc" },
        workTogether: true,
      });
      expect(res.status).toBe(200);
      const mails = await intro.mail.fresh();
      expect(subjectsOf(mails)).toEqual([
        "Thank you for today's session",
        "Looking forward to working with you",
      ]);
      const followup = mails[0]!;
      expect(followup.body.text).toContain("monthly coaching package");
      expect(urlsIn(followup)).toContain(coach.pricingUrl);
      expect(followup.body.html).toContain(`href="${coach.pricingUrl}"`);
      expect(schedulesOf(stack, intro.sessionId)).toEqual([]);

      const offer = await asCoach(stack, coach.id, "POST", `/v1/clients/${intro.clientId}/sessions`);
      expect(offer.status).toBe(202);
      const link = onlyMail(await intro.mail.fresh(), "Your coach suggests another session");
      const bookingUrl = urlsIn(link).find((u) => u.startsWith(coach.bookingUrl));
      expect(bookingUrl).toBeDefined();
      expect(new URL(bookingUrl!).searchParams.get("email")).toBe(intro.email);
      expect(readCorrelation(tokenOf(bookingUrl!) ?? "", coach.id, LINK_SECRET)?.clientId).toBe(
        intro.clientId,
      );
    });
  });

  describe("reminders after a finish", () => {
    it("nudges a recurring client who has booked nothing, with List-Unsubscribe; unsubscribing stops nudges but not confirmations", async () => {
      const intro = await heldIntro("nudge");
      const res = await finishAsCoach(stack, coach.id, intro.sessionId, {
        takeaways: ["Weekly suits the pace you want."],
        actionItems: [],
        next: recurring("weekly"),
        workTogether: true,
      });
      expect(res.status).toBe(200);
      await intro.mail.fresh();

      // The next session is due a week after the intro; the nudge is planned two days before that.
      const nudgeAt = intro.start + 5 * DAY;
      expect(schedulesOf(stack, intro.sessionId)).toMatchObject([
        { name: `${intro.sessionId}-booking-nudge`, at: new Date(nudgeAt).toISOString() },
      ]);
      await moveTo(stack, nudgeAt - MINUTE);
      expect(await intro.mail.fresh()).toEqual([]);

      await moveTo(stack, nudgeAt + MINUTE);
      const nudge = onlyMail(await intro.mail.fresh(), "Time to book your next session");
      const bookingUrl = urlsIn(nudge).find((u) => u.startsWith(coach.bookingUrl));
      expect(bookingUrl).toBeDefined();
      const unsubscribe = headerOf(nudge, "List-Unsubscribe");
      expect(unsubscribe).toMatch(/^<https?:\/\/[^>]+\/l\/[^>]+>$/);
      expect(headerOf(nudge, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      const unsubscribePath = new URL(unsubscribe!.slice(1, -1)).pathname;
      expect(signedLinkPaths(nudge)).toContain(unsubscribePath);

      const stopped = await openLink(stack, unsubscribePath);
      expect(stopped.status).toBe(200);
      expect(stopped.body).toContain("Reminders stopped");
      expect((await asAdmin(stack, "GET", `/v1/clients/${intro.clientId}`)).body.nudgesOff).toBe(true);

      // Transactional mail still arrives: the booking's confirmation, then the follow-up.
      const next = await bookByWebhook(stack, {
        coach,
        email: intro.email,
        start: minuteAfter(now() + DAY),
        token: tokenOf(bookingUrl!),
      });
      onlyMail(await intro.mail.fresh(), "Confirmed: Starter session 1 of 7,");
      await moveTo(stack, next.end + 30 * MINUTE);
      await intro.mail.fresh();
      const s1 = await finishAsCoach(stack, coach.id, next.sessionId, {
        takeaways: ["Keep going."],
        actionItems: [],
        next: recurring("weekly"),
      });
      expect(s1.status).toBe(200);
      onlyMail(await intro.mail.fresh(), "Thank you for today's session");

      // Nothing booked again, but this client turned nudges off: the nudge's time passes in silence.
      const [planned] = schedulesOf(stack, next.sessionId);
      expect(planned?.name).toBe(`${next.sessionId}-booking-nudge`);
      await moveTo(stack, Date.parse(planned!.at) + MINUTE);
      expect(subjectsOf(await intro.mail.fresh())).toEqual([]);
    });

    it("reminds of an open action item at 09:00 client time the day before it is due, not of one marked done", async () => {
      const timeZone = "America/New_York";
      const intro = await heldIntro("reminder", { timezone: timeZone });
      const dueDate = addDays(localClock(now(), timeZone).date, 3);
      const res = await finishAsCoach(stack, coach.id, intro.sessionId, {
        takeaways: ["Small steps."],
        actionItems: [
          { text: "Book a one-to-one with each reviewer", dueDate },
          { text: "Draft the review checklist", dueDate },
        ],
        next: recurring("biweekly"),
        workTogether: true,
      });
      expect(res.status).toBe(200);
      await intro.mail.fresh();

      const items = (await asCoach(stack, coach.id, "GET", `/v1/clients/${intro.clientId}/action-items`)).body
        .actionItems as { id: string; text: string }[];
      const open = items.find((i) => i.text.startsWith("Book"))!;
      const finished = items.find((i) => i.text.startsWith("Draft"))!;
      const [reminder] = schedulesOf(stack, open.id);
      expect(reminder?.name).toBe(`${open.id}-reminder`);
      expect(localClock(reminder!.at, timeZone)).toEqual({ date: addDays(dueDate, -1), time: "09:00" });

      const marked = await asCoach(stack, coach.id, "PATCH", `/v1/action-items/${finished.id}`, {
        done: true,
      });
      expect(marked.status).toBe(200);
      expect(marked.body.done).toBe(true);
      expect(schedulesOf(stack, finished.id)).toEqual([]);

      await moveTo(stack, Date.parse(reminder!.at) - MINUTE);
      expect(await intro.mail.fresh()).toEqual([]);
      await moveTo(stack, Date.parse(reminder!.at) + MINUTE);
      const mails = await intro.mail.fresh();
      const sent = onlyMail(mails, "Reminder: an action item is due soon");
      expect(sent.body.text).toContain(open.text);
      expect(sent.body.text).not.toContain(finished.text);
      expect(headerOf(sent, "List-Unsubscribe")).toMatch(/\/l\//);
      expect(headerOf(sent, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      expect(schedulesOf(stack, open.id)).toEqual([]);
    });
  });
});
