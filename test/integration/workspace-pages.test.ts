import { beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  applyAsClient,
  asCoach,
  bookByWebhook,
  DAY,
  HOUR,
  MINUTE,
  mailbox,
  moveTo,
  onlyMail,
  type TestCoach,
  tokenOf,
} from "../support/coaching";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { signIn, type WebBrowser, webBrowser } from "../support/web";

/*
 * The workspace pages through app.request(), as a browser without JavaScript uses them: links and
 * forms that POST and redirect. The same access rules as the bearer-token API.
 */

let stack: TestStack;
let coach: TestCoach;
let other: TestCoach;
let browser: WebBrowser;
let otherBrowser: WebBrowser;

const now = () => stack.clock.now().getTime();
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startTestStack({ clock: new LocalClock({ startAt: "2031-05-05T08:00:00Z" }) });
  coach = await addCoach(stack, { capacity: 100 });
  // Shares no language with the intakes below, so it is never matched: only a walk-in books it.
  other = await addCoach(stack, { languages: ["fi"] });
  browser = webBrowser(stack);
  otherBrowser = webBrowser(stack);
  await signIn(stack, browser, coach.email);
  await signIn(stack, otherBrowser, other.email);
});

/** A client who applied and booked an intro with `coach`, `hoursAhead` from now. */
async function bookedIntro(label: string, hoursAhead = 2) {
  const email = uniqueEmail(label);
  const applied = await applyAsClient(stack, email);
  expect(applied.matches[0]?.coachId).toBe(coach.id);
  const start = Math.ceil((now() + hoursAhead * HOUR) / MINUTE) * MINUTE;
  const booked = await bookByWebhook(stack, {
    coach,
    email,
    start,
    token: tokenOf(applied.matches[0]!.bookingUrl),
  });
  return { email, clientId: applied.clientId, ...booked };
}

const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " "));

describe("the session page", () => {
  it("shows the agenda, the client brief and talking points suggested from the match", async () => {
    const intro = await bookedIntro("brief");
    const page = await browser.get(`/app/sessions/${intro.sessionId}`);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain("Intro session with Sam Rivera");
    expect(text).toContain("Agenda:");
    expect(text).toContain("I struggle to delegate");
    expect(text).toContain("Payments, Acme Pay");
    expect(text).toContain("Suggested talking points");
    const suggestions = [
      ...page.text.matchAll(/id="suggestion-\d+" name="text" maxlength="500" value="([^"]+)"/g),
    ].map((m) => decode(m[1]!));
    expect(suggestions[0]).toBe(
      "Sam asked about delegation and communication, which you specialize in: ask where it shows up in their work right now.",
    );
    expect(suggestions.some((s) => s.startsWith('Their challenge mentions "delegate"'))).toBe(true);
  });

  it("adds, edits and removes the coach's talking points, and keeps or dismisses a suggestion", async () => {
    const intro = await bookedIntro("points");
    const base = `/app/sessions/${intro.sessionId}`;
    const added = await browser.post(`${base}/talking-points`, {
      op: "add",
      text: "Ask about the review queue",
    });
    expect(added.status).toBe(303);
    expect(added.location).toBe(`${base}?saved=points#talking-points`);
    let page = await browser.get(base);
    const id = /name="id" value="(tlk_[^"]+)"/.exec(page.text)?.[1];
    expect(id).toBeDefined();
    expect(page.text).toContain('value="Ask about the review queue"');

    await browser.post(`${base}/talking-points`, {
      op: "edit",
      id: id!,
      text: "Ask about the PR review queue",
    });
    page = await browser.get(base);
    expect(page.text).toContain('value="Ask about the PR review queue"');

    const suggestion = /id="suggestion-0" name="text" maxlength="500" value="([^"]+)"/.exec(page.text)?.[1];
    expect(suggestion).toBeDefined();
    await browser.post(`${base}/talking-points`, { op: "dismiss", text: decode(suggestion!) });
    page = await browser.get(base);
    expect(page.text).not.toContain(`value="${suggestion}"`);

    await browser.post(`${base}/talking-points`, { op: "remove", id: id! });
    page = await browser.get(base);
    expect(page.text).not.toContain("PR review queue");
    expect(page.text).toContain("You have no talking points yet.");
  });

  it("refuses an empty talking point at the field, with the error summary", async () => {
    const intro = await bookedIntro("empty-point");
    const res = await browser.post(`/app/sessions/${intro.sessionId}/talking-points`, {
      op: "add",
      text: "  ",
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#new-point">Enter the talking point</a>');
    expect(res.text).toContain('id="new-point-error"');
  });

  it("saves private notes and shows when they were last saved", async () => {
    const intro = await bookedIntro("notes");
    const base = `/app/sessions/${intro.sessionId}`;
    expect(textOf((await browser.get(base)).text)).toContain("Not saved yet.");
    const saved = await browser.post(`${base}/notes`, {
      notes: "Seems tired of reviewing.\n[] Draft the rota",
    });
    expect(saved.status).toBe(303);
    const page = await browser.get(saved.location!);
    expect(page.text).toContain("Seems tired of reviewing.\n[] Draft the rota</textarea>");
    expect(textOf(page.text)).toMatch(/Last saved \d+ \w+ \d{4}, \d\d:\d\d/);
    expect(textOf(page.text)).toContain("Your notes are saved.");
  });

  it("refuses notes saved over a page read before they changed, shows them as saved now and keeps the typed text", async () => {
    const intro = await bookedIntro("notes-conflict");
    const base = `/app/sessions/${intro.sessionId}`;
    const versionIn = (html: string) => /name="notesVersion" value="(\d+)"/.exec(html)?.[1];
    // Two tabs open the page; the first saves.
    const tab1 = await browser.get(base);
    const tab2 = await browser.get(base);
    expect(versionIn(tab2.text)).toBe("0");
    const first = await browser.post(`${base}/notes`, {
      notes: "From tab one.",
      notesVersion: versionIn(tab1.text)!,
    });
    expect(first.status).toBe(303);

    // The second tab's save, over the version it read: refused, nothing written over.
    const refused = await browser.post(`${base}/notes`, {
      notes: "From tab two.",
      notesVersion: versionIn(tab2.text)!,
    });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('<a href="#notes">Private notes changed since you opened them');
    expect(refused.text).toContain('id="notes-error"');
    expect(refused.text).toContain("<pre>From tab one.</pre>");
    expect(refused.text).toContain("From tab two.</textarea>");
    expect((await asCoach(stack, coach.id, "GET", `/v1/sessions/${intro.sessionId}`)).body).toMatchObject({
      notes: "From tab one.",
      notesVersion: 1,
    });

    // Saved again from the refusal's page (which carries the version now stored): saved.
    expect(versionIn(refused.text)).toBe("1");
    const again = await browser.post(`${base}/notes`, {
      notes: "From tab one.\nFrom tab two.",
      notesVersion: versionIn(refused.text)!,
    });
    expect(again.status).toBe(303);
    expect((await browser.get(base)).text).toContain("From tab one.\nFrom tab two.</textarea>");
  });

  it("answers 404 for another coach's session, on the page and on every form", async () => {
    const intro = await bookedIntro("not-yours");
    const base = `/app/sessions/${intro.sessionId}`;
    expect((await otherBrowser.get(base)).status).toBe(404);
    expect((await otherBrowser.get(`${base}/finish`)).status).toBe(404);
    expect((await otherBrowser.post(`${base}/notes`, { notes: "x" })).status).toBe(404);
    expect((await otherBrowser.post(`${base}/talking-points`, { op: "add", text: "x" })).status).toBe(404);
    expect((await otherBrowser.get(`/app/clients/${intro.clientId}`)).status).toBe(404);
    expect((await otherBrowser.post(`/app/clients/${intro.clientId}/new-session`)).status).toBe(404);
  });

  it("keeps the bearer-token API unchanged beside the pages", async () => {
    const intro = await bookedIntro("api");
    const res = await asCoach(stack, coach.id, "GET", `/v1/sessions/${intro.sessionId}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(intro.sessionId);
    expect(res.body.talkingPoints).toBeUndefined();
  });
});

describe("finishing a meeting from the form", () => {
  it("turns a [] line into an action item to confirm, shows errors at the top and at the field, then finishes and says what was sent", async () => {
    const intro = await bookedIntro("finish", 2);
    const base = `/app/sessions/${intro.sessionId}`;
    await browser.post(`${base}/notes`, { notes: "Private: seems tired.\n[] Draft the on-call rota" });
    await moveTo(stack, intro.end + 30 * MINUTE);
    const clientMail = mailbox(stack, intro.email);
    await clientMail.fresh();

    const form = await browser.get(`${base}/finish`);
    expect(form.status).toBe(200);
    expect(form.text).toContain("[] Draft the on-call rota</textarea>");

    const typed = {
      takeaways: "Delegation starts with the review queue.\n[] Pair with Jo on two reviews",
      notes: "Private: seems tired.\n[] Draft the on-call rota",
      actionText: ["", ""],
      actionDue: ["", ""],
      next: "recurring",
      cadence: "",
      workTogether: "",
      intent: "finish",
    };
    // 1. The [] lines become rows to confirm; nothing is finished yet.
    const proposed = await browser.post(`${base}/finish`, typed);
    expect(proposed.status).toBe(200);
    expect(proposed.text).toContain('value="Pair with Jo on two reviews"');
    expect(proposed.text).toContain('value="Draft the on-call rota"');
    expect(proposed.text).toContain('href="#action-0-due"');
    expect(proposed.text).toContain('name="offered" value="Draft the on-call rota"');

    // 2. Confirming without due dates, cadence or the intro decision: every problem, nothing lost.
    const offered = ["Pair with Jo on two reviews", "Draft the on-call rota"];
    const second = { ...typed, offered, actionText: [...offered, ""], actionDue: ["", "", ""] };
    const failed = await browser.post(`${base}/finish`, second);
    expect(failed.status).toBe(400);
    for (const link of ["#action-0-due", "#action-1-due", "#cadence", "#work-yes"])
      expect(failed.text).toContain(`href="${link}"`);
    expect(textOf(failed.text)).toContain("Enter a due date for action item 1");
    expect(textOf(failed.text)).toContain("Say whether you want to work with Sam Rivera");
    expect(failed.text).toContain(
      "Delegation starts with the review queue.\n[] Pair with Jo on two reviews</textarea>",
    );
    expect(failed.text).toContain("<title>Error: Finish");

    // 3. A date in the past is refused by the domain's rule, in words.
    const past = await browser.post(`${base}/finish`, {
      ...second,
      actionDue: [isoDate(now() - 3 * DAY), isoDate(now() + 7 * DAY), ""],
      cadence: "weekly",
      workTogether: "yes",
    });
    expect(past.status).toBe(400);
    expect(textOf(past.text)).toContain("The due date of action item 1 must be today or later");

    // 4. Finished.
    const done = await browser.post(`${base}/finish`, {
      ...second,
      actionDue: [isoDate(now() + 5 * DAY), isoDate(now() + 7 * DAY), ""],
      cadence: "weekly",
      workTogether: "yes",
    });
    expect(done.status, textOf(done.text)).toBe(303);
    expect(done.location).toBe(`${base}/finished`);
    const result = textOf((await browser.get(done.location!)).text);
    expect(result).toContain(
      `A follow-up email to Sam Rivera (${intro.email}) with 1 takeaway and 2 action items`,
    );
    expect(result).toContain("A welcome email with your pricing");
    expect(result).toContain('A reminder to Sam Rivera about "Draft the on-call rota"');
    expect(result).toContain("Sessions continue every week");

    const mails = await clientMail.fresh();
    const followup = onlyMail(mails, "Thank you for today");
    expect(followup.body.text).toContain("Pair with Jo on two reviews");
    expect(followup.body.text).not.toContain("seems tired");
    expect(followup.body.text).not.toContain("[]");
    // The form again: finished sessions go to the result.
    expect((await browser.get(`${base}/finish`)).location).toBe(`${base}/finished`);
  });
});

describe("private notes saved over a stale read", () => {
  it("refuses a finish whose notes changed since the form was opened, finishes nothing and shows the notes as saved now", async () => {
    const intro = await bookedIntro("finish-conflict", 2);
    const base = `/app/sessions/${intro.sessionId}`;
    await browser.post(`${base}/notes`, { notes: "Before the call." });
    await moveTo(stack, intro.end + 30 * MINUTE);
    const form = await browser.get(`${base}/finish`);
    const read = /name="notesVersion" value="(\d+)"/.exec(form.text)?.[1];
    expect(read).toBe("1");
    // Another tab saves the notes meanwhile.
    await browser.post(`${base}/notes`, {
      notes: "Before the call.\nAfter, in another tab.",
      notesVersion: read!,
    });

    const finish = {
      takeaways: "Start small.",
      notes: "Before the call.\nFrom the finish form.",
      notesVersion: read!,
      actionText: [""],
      actionDue: [""],
      next: "ad-hoc",
      workTogether: "yes",
      intent: "finish",
    };
    const refused = await browser.post(`${base}/finish`, finish);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('<a href="#finish-notes">Private notes changed since you opened them');
    expect(refused.text).toContain("<pre>Before the call.\nAfter, in another tab.</pre>");
    expect(refused.text).toContain("From the finish form.</textarea>");
    expect(refused.text).toContain("Start small.</textarea>");
    const api = await asCoach(stack, coach.id, "GET", `/v1/sessions/${intro.sessionId}`);
    expect(api.body).toMatchObject({
      status: "scheduled",
      notes: "Before the call.\nAfter, in another tab.",
    });

    // From the refusal's form (at the version stored now): finished, with the coach's text.
    const again = await browser.post(`${base}/finish`, {
      ...finish,
      notesVersion: /name="notesVersion" value="(\d+)"/.exec(refused.text)![1]!,
    });
    expect(again.status, textOf(again.text)).toBe(303);
    const after = await asCoach(stack, coach.id, "GET", `/v1/sessions/${intro.sessionId}`);
    expect(after.body).toMatchObject({
      status: "finished",
      notes: "Before the call.\nFrom the finish form.",
    });
  });

  it("answers 409 to the API's notes saved over a stale notesVersion, and saves as sent without one", async () => {
    const intro = await bookedIntro("api-notes-conflict");
    const path = `/v1/sessions/${intro.sessionId}/notes`;
    const read = await asCoach(stack, coach.id, "GET", `/v1/sessions/${intro.sessionId}`);
    expect(read.body).toMatchObject({ notes: "", notesVersion: 0 });
    expect((await asCoach(stack, coach.id, "PUT", path, { notes: "one", notesVersion: 0 })).status).toBe(200);
    const stale = await asCoach(stack, coach.id, "PUT", path, { notes: "two", notesVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.fields).toEqual([
      expect.objectContaining({ path: "notes", label: "Private notes" }),
    ]);
    const bad = await asCoach(stack, coach.id, "PUT", path, { notes: "two", notesVersion: -1 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Version of the private notes");
    expect((await asCoach(stack, coach.id, "PUT", path, { notes: "three" })).status).toBe(200);
    const now = await asCoach(stack, coach.id, "GET", `/v1/sessions/${intro.sessionId}`);
    expect(now.body).toMatchObject({ notes: "three", notesVersion: 2 });
  });
});

describe("the client page and home", () => {
  it("lists the timeline, edits goals, marks an action item done and sends a booking link", async () => {
    const intro = await bookedIntro("client", 2);
    await moveTo(stack, intro.end + 10 * MINUTE);
    const finished = await browser.post(`/app/sessions/${intro.sessionId}/finish`, {
      takeaways: "Start small.",
      actionText: ["Write the rota"],
      actionDue: [isoDate(now() + 3 * DAY)],
      next: "ad-hoc",
      workTogether: "yes",
      intent: "finish",
    });
    expect(finished.status, textOf(finished.text)).toBe(303);
    const base = `/app/clients/${intro.clientId}`;
    let page = await browser.get(base);
    expect(page.status).toBe(200);
    expect(textOf(page.text)).toContain("Intro session Finished Start small.");
    expect(textOf(page.text)).toContain("Active, booked as needed.");

    const bad = await browser.post(`${base}/goals`, {
      goalText: ["Delegate reviews"],
      goalMeasure: [""],
      goalDate: [""],
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#goal-0-measure"');
    expect(bad.text).toContain('value="Delegate reviews"');
    const good = await browser.post(`${base}/goals`, {
      goalText: ["Delegate reviews"],
      goalMeasure: ["Half the reviews by teammates"],
      goalDate: [isoDate(now() + 60 * DAY)],
    });
    expect(good.status).toBe(303);
    page = await browser.get(good.location!);
    expect(page.text).toContain('value="Half the reviews by teammates"');

    const itemId = /action-items\/(act_[^"]+)"/.exec(page.text)?.[1];
    expect(itemId).toBeDefined();
    expect((await browser.post(`${base}/action-items/${itemId}`, { done: "true" })).status).toBe(303);
    page = await browser.get(base);
    expect(textOf(page.text)).toContain("Mark not done");

    const clientMail = mailbox(stack, intro.email);
    await clientMail.fresh();
    expect((await browser.post(`${base}/new-session`)).status).toBe(303);
    expect((await clientMail.fresh()).map((m) => m.subject)).toContain("Your coach suggests another session");
  });

  it("shows sessions waiting to be finished, the next two weeks and overdue items", async () => {
    const later = await bookedIntro("home-later", 48);
    const page = textOf((await browser.get("/app")).text);
    expect(page).toContain("Next two weeks");
    expect(page).toContain("Open agenda for Sam Rivera");
    expect((await browser.get("/app")).text).toContain(`/app/sessions/${later.sessionId}"`);
    await moveTo(stack, later.end + MINUTE);
    const after = (await browser.get("/app")).text;
    expect(textOf(after)).toContain("Waiting to be finished");
    expect(after).toContain(`/app/sessions/${later.sessionId}/finish`);
    // Ten days on, the items the finish test gave (due in 5 and 7 days) are overdue; done ones are not listed.
    await moveTo(stack, now() + 10 * DAY);
    const overdue = textOf((await browser.get("/app")).text);
    expect(overdue).toMatch(/Sam Rivera : Pair with Jo on two reviews \(was due/);
    expect(overdue).not.toContain("Write the rota");
  });
});

function decode(s: string) {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

describe("the skill explored, from the finish form", () => {
  it("offers the program's skills after the intro and records the one chosen", async () => {
    const current = await stack.app.request("/v1/program", {
      headers: adminHeaders,
    });
    const { version: _v, updatedAt: _u, ...settings } = (await current.json()) as Record<string, unknown>;
    const saved = await stack.app.request("/v1/program", {
      method: "PUT",
      headers: {
        ...adminHeaders,
        "content-type": "application/json",
        "if-match": current.headers.get("etag")!,
      },
      body: JSON.stringify({
        ...settings,
        skills: [{ id: "delegation-skill", name: "Delegating well", description: "Handing work over." }],
      }),
    });
    expect(saved.status).toBe(200);

    const intro = await bookedIntro("skill", 2);
    await moveTo(stack, intro.end + 10 * MINUTE);
    const introForm = await browser.get(`/app/sessions/${intro.sessionId}/finish`);
    expect(introForm.text).not.toContain('name="skill"');
    const introDone = await browser.post(`/app/sessions/${intro.sessionId}/finish`, {
      takeaways: "A fit.",
      next: "ad-hoc",
      workTogether: "yes",
      intent: "finish",
    });
    expect(introDone.status, textOf(introDone.text)).toBe(303);

    const start = Math.ceil((now() + 2 * HOUR) / MINUTE) * MINUTE;
    const starter = await bookByWebhook(stack, { coach, email: intro.email, start });
    await moveTo(stack, starter.end + 10 * MINUTE);
    const form = await browser.get(`/app/sessions/${starter.sessionId}/finish`);
    expect(form.text).toContain('<option value="delegation-skill"');
    expect(textOf(form.text)).toContain("Skill explored in this session (optional)");

    const done = await browser.post(`/app/sessions/${starter.sessionId}/finish`, {
      takeaways: "Handed over the release.",
      skill: "delegation-skill",
      next: "ad-hoc",
      intent: "finish",
    });
    expect(done.status, textOf(done.text)).toBe(303);
    const [session] = await stack.deps.bookings.bookings.getSessions([starter.sessionId]);
    expect(session?.finish?.skill).toBe("delegation-skill");
    const clientPage = await browser.get(`/app/clients/${intro.clientId}`);
    expect(textOf(clientPage.text)).toContain("Skills covered Delegating well (");
  });
});
