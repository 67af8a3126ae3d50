import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  applyAsClient,
  bookByWebhook,
  DAY,
  HOUR,
  MINUTE,
  moveTo,
  type TestCoach,
  tokenOf,
} from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { signIn, type WebBrowser, webBrowser } from "../support/web";

/**
 * The DynamoDB calls each workspace page makes, by operation, in the order they are sent (calls
 * made in parallel are listed in the order they start). Issue 10 asks for ≤ 3 per page; decision
 * 0028 says how each page gets there. A change that adds a call fails here; one that saves a call
 * should lower the pin in the same commit. A fresh web session is never touched (its last-seen
 * time is written at most every 5 minutes: one UpdateItem more on that request).
 */
const PINNED = {
  // No session cookie: nothing is read.
  signInPage: [],
  // Signed in: the web session and the coach, in one batch.
  signInPageSignedIn: ["BatchGetItem"],
  // The coach's sessions and overdue items (two queries at once, for the coach the signed cookie
  // names), then the web session, the coach and the clients' names in one batch.
  home: ["Query", "Query", "BatchGetItem"],
  // The web session, the coach and the session with its notes and talking points (one batch);
  // then the client and, in one PartiQL statement, the client's sessions and action items.
  sessionIntro: ["BatchGetItem", "GetItem", "ExecuteStatement"],
  // The same batch; then the client.
  finishForm: ["BatchGetItem", "GetItem"],
  // The web session, the coach and the client (one batch); the client's sessions and action items.
  clientPage: ["BatchGetItem", "ExecuteStatement"],
  // Write paths. Notes: the batch; the notes with the session's version (one transaction).
  saveNotes: ["BatchGetItem", "TransactWriteItems"],
  // A talking point: the batch (it holds the list); the list written over its version, in one
  // transaction with the session's version bump (so a merge that read the session reads again).
  addTalkingPoint: ["BatchGetItem", "TransactWriteItems"],
};

/**
 * Finishing an intro that goes ahead (a follow-up and a welcome email, one action item with its
 * reminder). Pinned whole: it is the write path with the most steps.
 */
const FINISH_POST = [
  // The page's batch (web session, coach, session, notes, talking points), and the client.
  "BatchGetItem",
  "GetItem",
  // The JSON API's finishSession: the session again, the client and the coach, the commit.
  "BatchGetItem",
  "GetItem",
  "GetItem",
  "TransactWriteItems",
  // Its schedules: the session read again, to catch a change that raced the commit.
  "BatchGetItem",
  // The follow-up email: its action items; the suppression check, the ledger claim and record.
  "BatchGetItem",
  "GetItem",
  "PutItem",
  "UpdateItem",
  // The welcome email: the same without the action items.
  "GetItem",
  "PutItem",
  "UpdateItem",
];

let stack: TestStack;
let coach: TestCoach;
let browser: WebBrowser;
let counter: ReturnType<typeof countCalls>;
let ids: { sessionId: string; clientId: string };

beforeAll(async () => {
  stack = await startTestStack({ clock: new LocalClock({ startAt: "2031-03-03T08:00:00Z" }) });
  coach = await addCoach(stack, { capacity: 100 });
  browser = webBrowser(stack);
  await signIn(stack, browser, coach.email);
  const email = uniqueEmail("calls");
  const applied = await applyAsClient(stack, email);
  const start = Math.ceil((stack.clock.now().getTime() + 2 * HOUR) / MINUTE) * MINUTE;
  const booked = await bookByWebhook(stack, {
    coach,
    email,
    start,
    token: tokenOf(applied.matches[0]!.bookingUrl),
  });
  ids = { sessionId: booked.sessionId, clientId: applied.clientId };
  await moveTo(stack, booked.end + 10 * MINUTE);
  counter = countCalls(stack.deps.aws.dynamodb);
});

async function callsOf(path: string, b = browser): Promise<string[]> {
  // The route group and the stores load on first use; load them before counting.
  await b.get(path);
  counter.reset();
  const res = await b.get(path);
  expect(res.status, path).toBe(200);
  return [...counter.calls];
}

async function callsOfPost(path: string, form: Record<string, string | string[]>): Promise<string[]> {
  counter.reset();
  const res = await browser.post(path, form);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(303);
  return [...counter.calls];
}

describe("DynamoDB calls per workspace page", () => {
  it("the sign-in page reads nothing without a session cookie", async () => {
    expect(await callsOf("/app/sign-in", webBrowser(stack))).toEqual(PINNED.signInPage);
  });
  it("the sign-in page of a signed-in coach reads the session and coach once, to send them on", async () => {
    counter.reset();
    expect((await browser.get("/app/sign-in")).status).toBe(303);
    expect([...counter.calls]).toEqual(PINNED.signInPageSignedIn);
  });
  it("home", async () => {
    expect(await callsOf("/app")).toEqual(PINNED.home);
  });
  it("an intro's session page", async () => {
    expect(await callsOf(`/app/sessions/${ids.sessionId}`)).toEqual(PINNED.sessionIntro);
  });
  it("the finish form", async () => {
    expect(await callsOf(`/app/sessions/${ids.sessionId}/finish`)).toEqual(PINNED.finishForm);
  });
  it("a client's page", async () => {
    expect(await callsOf(`/app/clients/${ids.clientId}`)).toEqual(PINNED.clientPage);
  });
  it("every page within the target of 3", () => {
    const pages = [PINNED.home, PINNED.sessionIntro, PINNED.finishForm, PINNED.clientPage];
    for (const calls of pages) expect(calls.length).toBeLessThanOrEqual(3);
  });
});

describe("DynamoDB calls per workspace form", () => {
  it("saving the private notes", async () => {
    const calls = await callsOfPost(`/app/sessions/${ids.sessionId}/notes`, { notes: "Seems keen." });
    expect(calls).toEqual(PINNED.saveNotes);
  });
  it("adding a talking point", async () => {
    const calls = await callsOfPost(`/app/sessions/${ids.sessionId}/talking-points`, {
      op: "add",
      id: "",
      text: "Ask about the team's rota",
    });
    expect(calls).toEqual(PINNED.addTalkingPoint);
  });
  it("finishing the meeting", async () => {
    const calls = await callsOfPost(`/app/sessions/${ids.sessionId}/finish`, {
      takeaways: "Start small.",
      actionText: ["Write the rota"],
      actionDue: [new Date(stack.clock.now().getTime() + 3 * DAY).toISOString().slice(0, 10)],
      next: "ad-hoc",
      workTogether: "yes",
      intent: "finish",
    });
    expect(calls).toEqual(FINISH_POST);
  });
});
