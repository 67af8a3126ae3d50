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
  type Mailbox,
  MINUTE,
  mailbox,
  moveTo,
  onlyMail,
  openLink,
  schedulesOf,
  signedLinkPaths,
  subjectsOf,
  type TestCoach,
  tampered,
  tokenOf,
  urlsIn,
} from "../support/coaching";
import { type SentEmail, startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/*
 * The whole life of ONE client, from the intake form to the check-in after starter session 7,
 * driven only from outside: the intake and coach API, signed Calendly webhooks, signed links from
 * the emails and the local clock. Every email is read back from the SES emulator.
 *
 * The calendar (UTC; the client lives in Europe/Lisbon, UTC+0 until 30 March 2031):
 *   intro      Wed  8 Jan 10:00   → recurring, every two weeks
 *   starter 1  Wed 22 Jan         → biweekly; SMART goals documented
 *   starter 2  Wed  5 Feb         → weekly
 *   starter 3  Wed 12 Feb         → biweekly; the coach is late to finish, so the finish nudge comes
 *   starter 4  Wed 26 Feb         → biweekly
 *   starter 5  Wed 12 Mar         → ad-hoc; the coach then offers "+ new session"
 *   starter 6  Wed 26 Mar         → monthly
 *   starter 7  Sat 26 Apr         → biweekly; the check-in on whether to continue
 */

const CLIENT_NAME = "Sam Rivera";
const START = "2031-01-06T08:00:00Z";
const INTRO_START = Date.parse("2031-01-08T10:00:00Z");

type Next =
  | { type: "recurring"; cadence: "weekly" | "biweekly" | "monthly" }
  | { type: "ad-hoc" }
  | { type: "end" };

interface StarterPlan {
  number: number;
  /** Days after the previous session's start (a month for "monthly"). */
  start: number;
  takeaways: string[];
  actionItems: { text: string; dueDate: string }[];
  next: Next;
  /** The coach finishes only after the finish nudge (end + 2 h) has gone out. */
  finishLate?: boolean;
}

const GOALS = [
  {
    text: "Hand over code review of the payments API to two team members",
    measure: "two reviewers approve PRs without me for four weeks in a row",
    targetDate: "2031-04-30",
  },
  {
    text: "Lead sprint planning for the team",
    measure: "I run three planning meetings end to end",
    targetDate: "2031-05-31",
  },
];

const STARTERS: StarterPlan[] = [
  {
    number: 1,
    start: Date.parse("2031-01-22T10:00:00Z"),
    takeaways: ["Your goals: fewer reviews by you, more voice in planning."],
    actionItems: [
      { text: "Pick two people to pair with on reviews", dueDate: "2031-01-31" },
      { text: "Write down what a good review looks like", dueDate: "2031-02-03" },
    ],
    next: { type: "recurring", cadence: "biweekly" },
  },
  {
    number: 2,
    start: Date.parse("2031-02-05T10:00:00Z"),
    takeaways: ["Delegation starts with a clear definition of done."],
    actionItems: [],
    next: { type: "recurring", cadence: "weekly" },
  },
  {
    number: 3,
    start: Date.parse("2031-02-12T10:00:00Z"),
    takeaways: ["Saying 'not this sprint' protects the team's focus."],
    actionItems: [{ text: "Say no to one unplanned request", dueDate: "2031-02-20" }],
    next: { type: "recurring", cadence: "biweekly" },
    finishLate: true,
  },
  {
    number: 4,
    start: Date.parse("2031-02-26T10:00:00Z"),
    takeaways: ["Preparing two questions makes speaking up in planning easier."],
    actionItems: [{ text: "Bring two questions to planning", dueDate: "2031-03-07" }],
    next: { type: "recurring", cadence: "biweekly" },
  },
  {
    number: 5,
    start: Date.parse("2031-03-12T10:00:00Z"),
    takeaways: ["The review hand-over is working; keep the weekly check-in."],
    actionItems: [{ text: "Ask the reviewers what they still need from you", dueDate: "2031-03-20" }],
    next: { type: "ad-hoc" },
  },
  {
    number: 6,
    start: Date.parse("2031-03-26T10:00:00Z"),
    takeaways: ["You led planning twice; the third one is yours to run alone."],
    actionItems: [],
    next: { type: "recurring", cadence: "monthly" },
  },
  {
    number: 7,
    start: Date.parse("2031-04-26T10:00:00Z"),
    takeaways: ["The structure works; keep the goals review at the start."],
    actionItems: [],
    next: { type: "recurring", cadence: "biweekly" },
  },
];

describe("one client's journey from the intake form to the check-in after starter session 7", () => {
  let stack: TestStack;
  let coach: TestCoach;
  let clientMail: Mailbox;
  let coachMail: Mailbox;
  let clientId: string;
  const email = uniqueEmail("journey");

  beforeAll(async () => {
    stack = await startTestStack({ clock: new LocalClock({ startAt: START }) });
    coach = await addCoach(stack, { name: "Ada Mensah" });
    clientMail = mailbox(stack, email);
    coachMail = mailbox(stack, coach.email);
  });

  // --- small steps of the story -------------------------------------------------------------

  /** The client's record as an admin sees it. */
  const clientView = async () => {
    const res = await asAdmin(stack, "GET", `/v1/clients/${clientId}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const sessionInView = async (sessionId: string) =>
    (await clientView()).sessions.find((s: { id: string }) => s.id === sessionId);

  /** The client books through a booking link from one of our emails; answers the new session. */
  async function bookNext(bookingUrl: string, start: number, label: string) {
    expect(bookingUrl.startsWith(coach.bookingUrl), bookingUrl).toBe(true);
    const url = new URL(bookingUrl);
    expect(url.searchParams.get("email")).toBe(email);
    const booked = await bookByWebhook(stack, {
      coach,
      email,
      name: CLIENT_NAME,
      start,
      token: tokenOf(bookingUrl),
    });
    const confirmation = onlyMail(await clientMail.fresh(), `Confirmed: ${label},`);
    expect(confirmation.body.text).toContain(coach.name);
    const brief = onlyMail(await coachMail.fresh(), `Coach brief: ${label},`);
    expect(brief.body.text).toContain(CLIENT_NAME);
    return { ...booked, brief };
  }

  /** Moves the clock to just after the session: the pre-work and agenda reminders have fired. */
  async function attend(
    session: { sessionId: string; start: number; end: number },
    label: string,
    after = 30 * MINUTE,
  ) {
    const fired = await moveTo(stack, session.end + after);
    const own = fired.filter((f) => f.name.startsWith(session.sessionId));
    for (const kind of ["prework-reminder", "agenda-reminder"]) {
      expect(own.find((f) => f.name === `${session.sessionId}-${kind}`)?.outcome, kind).toBe("ok");
    }
    const forClient = await clientMail.fresh();
    const prework = onlyMail(forClient, `Tomorrow: ${label},`);
    expect(prework.body.text).toContain(coach.name);
    const forCoach = await coachMail.fresh();
    const agenda = onlyMail(forCoach, `Starting soon: ${label},`);
    expect(agenda.body.text).toContain(CLIENT_NAME);
    return { fired: own, forCoach, agenda };
  }

  /** The follow-up the client gets after a finish, checked against what the coach entered. */
  function checkFollowup(
    mail: SentEmail,
    input: { takeaways: string[]; actionItems: { text: string }[]; next: Next },
  ) {
    const text = mail.body.text ?? "";
    expect(text).toContain(`Thank you, ${CLIENT_NAME}`);
    for (const t of input.takeaways) expect(text).toContain(t);
    for (const a of input.actionItems) expect(text).toContain(a.text);
    expect(signedLinkPaths(mail)).toHaveLength(input.actionItems.length);
    if (input.next.type === "recurring") {
      const phrase = { weekly: "every week", biweekly: "every two weeks", monthly: "every month" }[
        input.next.cadence
      ];
      expect(text).toContain(`You meet ${coach.name} ${phrase}`);
      expect(text).toContain("Book your next session");
    }
    if (input.next.type === "ad-hoc") {
      expect(text).toContain("monthly coaching package");
      expect(text).toContain(coach.pricingUrl);
    }
  }

  const bookingUrlIn = (mail: SentEmail) => {
    const url = urlsIn(mail).find((u) => u.startsWith(coach.bookingUrl));
    expect(url, `a booking link in "${mail.subject}"`).toBeDefined();
    return url!;
  };

  it("runs intake → intro → starter sessions 1–7 → continue, with every email on time and once", {
    timeout: 60_000,
  }, async () => {
    // --- Intake: the recommendation email with booking links -----------------------------------
    const intake = await applyAsClient(stack, email, { name: CLIENT_NAME });
    clientId = intake.clientId;
    const match = intake.matches[0]!;
    expect(match.coachId).toBe(coach.id);
    const recommendation = onlyMail(await clientMail.fresh(), "Your recommended coaches");
    expect(recommendation.body.text).toContain(coach.name);
    expect(recommendation.body.html).toContain(match.bookingUrl.replaceAll("&", "&amp;"));
    expect(new URL(match.bookingUrl).searchParams.get("utm_content")).toBeTruthy();

    // --- The intro, booked through the first match's Calendly link -----------------------------
    const intro = await bookNext(match.bookingUrl, INTRO_START, "Intro session");
    expect(intro.brief.body.text).toContain("I struggle to delegate");
    expect(await sessionInView(intro.sessionId)).toMatchObject({ kind: "intro", status: "scheduled" });
    expect(
      schedulesOf(stack, intro.sessionId)
        .map((s) => s.name)
        .sort(),
    ).toEqual(["agenda-reminder", "finish-nudge", "prework-reminder"].map((k) => `${intro.sessionId}-${k}`));
    await attend(intro, "Intro session");

    // --- The coach finishes the intro: they want to work together, every two weeks --------------
    const introFinish = {
      workTogether: true,
      takeaways: [
        "Reviewing every pull request yourself keeps the team from growing.",
        "Speaking up in planning is a skill you can practise.",
      ],
      actionItems: [{ text: "List three decisions the team could make without you", dueDate: "2031-01-15" }],
      next: { type: "recurring", cadence: "biweekly" } as Next,
    };
    const finished = await finishAsCoach(stack, coach.id, intro.sessionId, introFinish);
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    expect(finished.body).toMatchObject({ id: intro.sessionId, status: "finished", alreadyFinished: false });

    const afterIntro = await clientMail.fresh();
    expect(subjectsOf(afterIntro)).toEqual([
      "Thank you for today's session",
      "Looking forward to working with you",
    ]);
    const followup = afterIntro[0]!;
    checkFollowup(followup, introFinish);
    expect(followup.body.text).toContain("Due Wednesday, 15 January 2031");
    expect(followup.body.text).toContain("Wednesday, 22 January 2031");
    expect(followup.body.html).toContain("Mark as done");
    const welcome = afterIntro[1]!;
    expect(welcome.body.text).toContain(coach.pricingUrl);
    expect(welcome.body.html).toContain(`href="${coach.pricingUrl}"`);
    expect(welcome.body.text).toContain(CLIENT_NAME);

    expect((await clientView()).engagement).toMatchObject({
      coachId: coach.id,
      status: "active",
      mode: "recurring",
      cadence: "biweekly",
    });

    // The action item has its reminder at 09:00 Lisbon time the day before it is due; the next
    // session has its booking nudge two days before it is due.
    const items = await asCoach(stack, coach.id, "GET", `/v1/clients/${clientId}/action-items`);
    expect(items.body.actionItems).toHaveLength(1);
    const introItem = items.body.actionItems[0];
    expect(introItem).toMatchObject({
      text: introFinish.actionItems[0]!.text,
      dueDate: "2031-01-15",
      done: false,
    });
    expect(schedulesOf(stack, introItem.id)).toMatchObject([
      { name: `${introItem.id}-reminder`, at: "2031-01-14T09:00:00.000Z" },
    ]);
    expect(schedulesOf(stack, intro.sessionId)).toMatchObject([
      { name: `${intro.sessionId}-booking-nudge`, at: "2031-01-20T10:00:00.000Z" },
    ]);

    // Finishing again (a double click) answers alreadyFinished and sends nothing a second time.
    const again = await finishAsCoach(stack, coach.id, intro.sessionId, introFinish);
    expect(again.status).toBe(200);
    expect(again.body.alreadyFinished).toBe(true);
    expect(await clientMail.fresh()).toEqual([]);

    // The coach finished before the finish nudge was due, so it never comes.
    const pastNudge = await moveTo(stack, intro.end + 2 * HOUR + MINUTE);
    expect(pastNudge.map((f) => f.name)).not.toContain(`${intro.sessionId}-finish-nudge`);
    expect(subjectsOf(await coachMail.fresh()).filter((s) => s.startsWith("Please finish"))).toEqual([]);

    // --- The client marks the action item done from the email (a tampered link changes nothing) -
    await moveTo(stack, "2031-01-12T12:00:00Z");
    const [donePath] = signedLinkPaths(followup);
    const forged = await openLink(stack, tampered(donePath!));
    expect(forged.status).toBe(400);
    expect(forged.body).toContain("This link does not work");
    const preview = await openLink(stack, donePath!, "GET");
    expect(preview.status).toBe(200);
    expect(preview.body).toContain("Mark as done");
    const stillOpen = await asAdmin(stack, "GET", `/v1/clients/${clientId}/action-items`);
    expect(stillOpen.body.actionItems[0]).toMatchObject({ id: introItem.id, done: false });

    const done = await openLink(stack, donePath!);
    expect(done.status).toBe(200);
    expect(done.body).toContain("Marked as done");
    const afterDone = await asCoach(stack, coach.id, "GET", `/v1/clients/${clientId}/action-items`);
    expect(afterDone.body.actionItems[0]).toMatchObject({ id: introItem.id, done: true });
    expect(schedulesOf(stack, introItem.id)).toEqual([]);

    // --- Starter sessions 1–7 -----------------------------------------------------------------
    let bookingUrl = bookingUrlIn(followup);
    let lateNudges = 0;
    for (const plan of STARTERS) {
      const label = `Starter session ${plan.number} of 7`;
      const session = await bookNext(bookingUrl, plan.start, label);
      expect(await sessionInView(session.sessionId)).toMatchObject({
        kind: "starter",
        number: plan.number,
        status: "scheduled",
      });
      if (plan.number === 2) {
        // The goals documented in session 1 are in the brief and the agenda of session 2.
        for (const g of GOALS) expect(session.brief.body.text).toContain(g.text);
      }

      const visit = await attend(session, label, plan.finishLate ? 2 * HOUR + MINUTE : 30 * MINUTE);
      if (plan.number === 2) {
        for (const g of GOALS) expect(visit.agenda.body.text).toContain(`Goal: ${g.text}`);
        const detail = await asCoach(stack, coach.id, "GET", `/v1/sessions/${session.sessionId}`);
        expect(detail.body.goals).toEqual(GOALS);
        expect(detail.body.previousTakeaways.map((p: { takeaways: string[] }) => p.takeaways)).toEqual([
          STARTERS[0]!.takeaways,
          introFinish.takeaways,
        ]);
        expect(detail.body.openActionItems.map((i: { text: string }) => i.text).sort()).toEqual(
          STARTERS[0]!.actionItems.map((a) => a.text).sort(),
        );
      }
      const nudges = visit.forCoach.filter((m) => m.subject.startsWith("Please finish your meeting:"));
      if (plan.finishLate) {
        // Not finished two hours after the end: the coach is nudged, with the finish link.
        expect(subjectsOf(nudges)).toEqual([expect.stringContaining(label)]);
        expect(nudges[0]!.body.html).toMatch(/\/app\/sessions\/ses_[0-9A-Z]+\/finish"/);
        lateNudges++;
      } else {
        expect(nudges).toEqual([]);
      }

      const input = { takeaways: plan.takeaways, actionItems: plan.actionItems, next: plan.next };
      const res = await finishAsCoach(stack, coach.id, session.sessionId, input);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status: "finished", kind: "starter", number: plan.number });
      expect(schedulesOf(stack, session.sessionId).map((s) => s.name)).toEqual(
        plan.next.type === "recurring" ? [`${session.sessionId}-booking-nudge`] : [],
      );

      const afterFinish = await clientMail.fresh();
      checkFollowup(onlyMail(afterFinish, "Thank you for today's session"), input);
      expect(subjectsOf(afterFinish).filter((s) => s.startsWith("Looking forward"))).toEqual([]);

      if (plan.number === 1) {
        // Session 1 ends with the goals documented as SMART goals.
        const goals = await asCoach(stack, coach.id, "PUT", `/v1/clients/${clientId}/goals`, {
          goals: GOALS,
        });
        expect(goals.status, JSON.stringify(goals.body)).toBe(200);
        const item = (
          await asCoach(stack, coach.id, "GET", `/v1/clients/${clientId}/action-items`)
        ).body.actionItems.find((i: { text: string }) => i.text === plan.actionItems[0]!.text);
        expect(schedulesOf(stack, item.id)).toMatchObject([{ at: "2031-01-30T09:00:00.000Z" }]);
      }

      if (plan.next.type === "ad-hoc") {
        // Ad-hoc: the follow-up suggests the monthly package; the coach offers the next session.
        expect((await clientView()).engagement).toMatchObject({ status: "active", mode: "ad-hoc" });
        const offer = await asCoach(stack, coach.id, "POST", `/v1/clients/${clientId}/sessions`);
        expect(offer.status).toBe(202);
        bookingUrl = bookingUrlIn(onlyMail(await clientMail.fresh(), "Your coach suggests another session"));
      } else if (plan.number < 7) {
        bookingUrl = bookingUrlIn(onlyMail(afterFinish, "Thank you for today's session"));
      }

      if (plan.number === 7) {
        // --- After starter session 7: the check-in on whether to continue ---------------------
        const checkin = onlyMail(afterFinish, "Your starter sessions are complete");
        const links = signedLinkPaths(checkin);
        expect(links).toHaveLength(2);
        const [continuePath, endPath] = links as [string, string];
        expect(continuePath).not.toBe(endPath);
        expect(checkin.body.html).toContain(continuePath);
        expect(checkin.body.html).toContain(endPath);
        const payload = (path: string) =>
          JSON.parse(Buffer.from(path.slice(3).split(".").at(-2)!, "base64url").toString("utf8"));
        expect(payload(continuePath)).toMatchObject({ a: "continue", c: clientId, r: session.sessionId });
        expect(payload(endPath)).toMatchObject({ a: "end", c: clientId, r: session.sessionId });

        await moveTo(stack, session.end + 2 * DAY);
        const answer = await openLink(stack, continuePath);
        expect(answer.status).toBe(200);
        expect(answer.body).toContain("<h1>Let&#39;s continue</h1>");
        expect((await clientView()).engagement).toMatchObject({ coachId: coach.id, status: "active" });
      }
    }
    expect(lateNudges).toBe(1);

    // --- The whole story, as the admin and the mailboxes tell it --------------------------------
    const view = await clientView();
    expect(
      view.sessions
        .map(
          (s: { kind: string; number?: number; status: string }) => `${s.kind}${s.number ?? ""}:${s.status}`,
        )
        .sort(),
    ).toEqual(["intro:finished", ...STARTERS.map((p) => `starter${p.number}:finished`)].sort());

    const all = subjectsOf(await clientMail.all());
    const count = (prefix: string) => all.filter((s) => s.startsWith(prefix)).length;
    expect(count("Your recommended coaches")).toBe(1);
    expect(count("Confirmed:")).toBe(8);
    expect(count("Tomorrow:")).toBe(8);
    expect(count("Thank you for today's session")).toBe(8);
    expect(count("Looking forward to working with you")).toBe(1);
    expect(count("Your coach suggests another session")).toBe(1);
    expect(count("Your starter sessions are complete")).toBe(1);
    // Every next session was booked before its nudge was due.
    expect(count("Time to book your next session")).toBe(0);

    const forCoach = subjectsOf(await coachMail.all());
    expect(forCoach.filter((s) => s.startsWith("Coach brief:"))).toHaveLength(8);
    expect(forCoach.filter((s) => s.startsWith("Starting soon:"))).toHaveLength(8);
    expect(forCoach.filter((s) => s.startsWith("Please finish your meeting:"))).toEqual([
      expect.stringContaining("Starter session 3 of 7"),
    ]);
  });
});
