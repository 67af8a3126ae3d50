import { randomUUID } from "node:crypto";
import { readCorrelation } from "@coachflow/core/bookings/correlation";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  applyAsClient,
  asCoach,
  bookByWebhook,
  DAY,
  finishAsCoach,
  HOUR,
  MINUTE,
  mailbox,
  moveTo,
  onlyMail,
  type TestCoach,
  tokenOf,
  urlsIn,
} from "../support/coaching";
import { type SentEmail, startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/*
 * Which booking page each email links to: the recommendation email books an intro on the coach's
 * intro page; the follow-up, the welcome, the booking nudge and "+ new session" book a session, on
 * the coach's session page when they have one, else on the intro page, and their correlation
 * token says `session`.
 */

const LINK_SECRET = "test-link-secret-0123456789";

/** The coaches of this file by their booking pages: a token is read for the coach whose page it opens. */
const coachOfPage = new Map<string, string>();

/** The one link in `mail` to `page` (query aside), with the campaign and kind it carries. */
function bookingLinkIn(mail: SentEmail, page: string) {
  const urls = urlsIn(mail).filter((u) => u.split("?")[0] === page);
  expect(urls, `${mail.subject}: ${urlsIn(mail).join(" ")}`).toHaveLength(1);
  const url = new URL(urls[0]!);
  return {
    url: urls[0]!,
    campaign: url.searchParams.get("utm_campaign"),
    correlation: readCorrelation(tokenOf(urls[0]!) ?? "", coachOfPage.get(page) ?? "", LINK_SECRET),
  };
}

describe("booking links in the emails after an intro", () => {
  let stack: TestStack;
  let withSessionPage: TestCoach & { sessionBookingUrl?: string };
  let introPageOnly: TestCoach & { sessionBookingUrl?: string };

  beforeAll(async () => {
    stack = await startTestStack({ clock: new LocalClock({ startAt: "2031-03-03T08:00:00Z" }) });
    const slug = `two-pages-${randomUUID().slice(0, 8)}`;
    withSessionPage = await addCoach(stack, {
      capacity: 50,
      bookingUrl: `https://calendly.com/${slug}/intro`,
      sessionBookingUrl: `https://calendly.com/${slug}/coaching-session`,
    });
    introPageOnly = await addCoach(stack, { capacity: 50 });
    for (const coach of [withSessionPage, introPageOnly])
      for (const page of [coach.bookingUrl, coach.sessionBookingUrl])
        if (page) coachOfPage.set(page, coach.id);
  });

  const now = () => stack.clock.now().getTime();
  const minuteAfter = (ms: number) => Math.ceil(ms / MINUTE) * MINUTE;

  /** A client who applied, booked an intro with `coach` through the recommendation, and had it. */
  async function heldIntroWith(coach: TestCoach, label: string) {
    const email = uniqueEmail(label);
    const applied = await applyAsClient(stack, email);
    const match = applied.matches.find((m) => m.coachId === coach.id);
    expect(match, "the coach is recommended").toBeDefined();
    const session = await bookByWebhook(stack, {
      coach,
      email,
      start: minuteAfter(now() + 2 * HOUR),
      token: tokenOf(match!.bookingUrl),
    });
    const mail = mailbox(stack, email);
    const sent = await mail.fresh();
    await moveTo(stack, session.end + 30 * MINUTE);
    await mail.fresh();
    return {
      email,
      clientId: applied.clientId,
      mail,
      recommendation: onlyMail(sent, "Your recommended"),
      ...session,
    };
  }

  it("keeps the intro page and `recommendation` for the recommendation email, and answers the session page on the coach", async () => {
    const intro = await heldIntroWith(withSessionPage, "recommended");
    expect(bookingLinkIn(intro.recommendation, withSessionPage.bookingUrl)).toMatchObject({
      campaign: "recommendation",
      correlation: { clientId: intro.clientId, kind: "intro" },
    });
    expect(urlsIn(intro.recommendation).some((u) => u.startsWith(withSessionPage.sessionBookingUrl!))).toBe(
      false,
    );
    expect(withSessionPage.sessionBookingUrl).toMatch(/\/coaching-session$/);
    expect(introPageOnly).not.toHaveProperty("sessionBookingUrl");
  });

  it("links the follow-up, the welcome and the booking nudge to the session page, with a session token that books", async () => {
    const intro = await heldIntroWith(withSessionPage, "twopages");
    const done = await finishAsCoach(stack, withSessionPage.id, intro.sessionId, {
      takeaways: ["Weekly suits the pace you want."],
      actionItems: [],
      next: { type: "recurring", cadence: "weekly" },
      workTogether: true,
    });
    expect(done.status).toBe(200);

    const mails = await intro.mail.fresh();
    const followup = bookingLinkIn(
      onlyMail(mails, "Thank you for today's session"),
      withSessionPage.sessionBookingUrl!,
    );
    expect(followup).toMatchObject({
      campaign: "followup",
      correlation: { clientId: intro.clientId, kind: "session" },
    });
    const welcome = bookingLinkIn(
      onlyMail(mails, "Looking forward to working with you"),
      withSessionPage.sessionBookingUrl!,
    );
    expect(welcome).toMatchObject({
      campaign: "welcome",
      correlation: { clientId: intro.clientId, kind: "session" },
    });
    for (const mail of mails) expect(mail.body.text).not.toContain("utm_campaign=recommendation");

    // The weekly session is due a week after the intro; nothing is booked, so the nudge comes.
    await moveTo(stack, intro.start + 5 * DAY + MINUTE);
    const nudge = bookingLinkIn(
      onlyMail(await intro.mail.fresh(), "Time to book your next session"),
      withSessionPage.sessionBookingUrl!,
    );
    expect(nudge).toMatchObject({
      campaign: "booking-nudge",
      correlation: { clientId: intro.clientId, kind: "session" },
    });

    // Booking through the session page with its token finds the client, as the intro's did.
    const next = await bookByWebhook(stack, {
      coach: withSessionPage,
      email: intro.email,
      start: minuteAfter(now() + DAY),
      token: tokenOf(nudge.url),
    });
    expect(next.sessionId).toMatch(/^ses_/);
    onlyMail(await intro.mail.fresh(), "Confirmed: Starter session 1 of 7,");
  });

  it("links '+ new session' to the session page with a session token", async () => {
    const intro = await heldIntroWith(withSessionPage, "newsession");
    const offer = await asCoach(stack, withSessionPage.id, "POST", `/v1/clients/${intro.clientId}/sessions`);
    expect(offer.status).toBe(202);
    const link = bookingLinkIn(
      onlyMail(await intro.mail.fresh(), "Your coach suggests another session"),
      withSessionPage.sessionBookingUrl!,
    );
    expect(link).toMatchObject({
      campaign: "new-session",
      correlation: { clientId: intro.clientId, kind: "session" },
    });
    expect(offer.body.bookingUrl).toBe(link.url);
  });

  it("falls back to the intro page for a coach without a session page, still with a session token", async () => {
    const intro = await heldIntroWith(introPageOnly, "onepage");
    const done = await finishAsCoach(stack, introPageOnly.id, intro.sessionId, {
      takeaways: ["Every two weeks."],
      actionItems: [],
      next: { type: "recurring", cadence: "biweekly" },
      workTogether: true,
    });
    expect(done.status).toBe(200);
    const mails = await intro.mail.fresh();
    for (const [subject, campaign] of [
      ["Thank you for today's session", "followup"],
      ["Looking forward to working with you", "welcome"],
    ] as const) {
      expect(bookingLinkIn(onlyMail(mails, subject), introPageOnly.bookingUrl)).toMatchObject({
        campaign,
        correlation: { clientId: intro.clientId, kind: "session" },
      });
    }

    const offer = await asCoach(stack, introPageOnly.id, "POST", `/v1/clients/${intro.clientId}/sessions`);
    expect(offer.status).toBe(202);
    expect(
      bookingLinkIn(
        onlyMail(await intro.mail.fresh(), "Your coach suggests another session"),
        introPageOnly.bookingUrl,
      ),
    ).toMatchObject({ campaign: "new-session", correlation: { clientId: intro.clientId, kind: "session" } });

    await moveTo(stack, intro.start + 12 * DAY + MINUTE);
    expect(
      bookingLinkIn(
        onlyMail(await intro.mail.fresh(), "Time to book your next session"),
        introPageOnly.bookingUrl,
      ),
    ).toMatchObject({
      campaign: "booking-nudge",
      correlation: { clientId: intro.clientId, kind: "session" },
    });
  });
});
