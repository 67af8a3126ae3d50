import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import { fieldErrorOf, summaryOf } from "../support/admin-app";
import {
  addCoach,
  applyAsClient,
  asAdmin,
  bookingId,
  HOUR,
  MINUTE,
  type TestCoach,
} from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { signInAsAdmin, type WebBrowser, webBrowser } from "../support/web";
import { calendlyCreated, deliver } from "../support/webhooks";

/*
 * Issue 13, the client page's "unverified bookings to link or reject" (decision 0036): bookings
 * made with the client's address, with a coach who does not work with them (decision 0030), shown
 * on the client's page with the booking's own details, linked or rejected there by the API's own
 * decisions, scoped to the client, through the real admin sign-in.
 */

const ADMIN = uniqueEmail("unverified-admin");
let stack: TestStack;
let matched: TestCoach;
let stranger: TestCoach;
let browser: WebBrowser;

beforeAll(async () => {
  stack = await startTestStack({
    env: { ADMIN_EMAILS: ADMIN },
    clock: new LocalClock({ startAt: "2031-05-05T08:00:00Z" }),
  });
  matched = await addCoach(stack, { capacity: 50 });
  stranger = await addCoach(stack, { capacity: 50, name: "Sam Stranger" });
  browser = webBrowser(stack);
  await signInAsAdmin(stack, browser, ADMIN);
});
afterAll(async () => {
  await stack.scheduler.stop();
});

const slot = (hoursAhead: number) =>
  Math.ceil((stack.clock.now().getTime() + hoursAhead * HOUR) / MINUTE) * MINUTE;

async function clientWith(label: string) {
  const email = uniqueEmail(label);
  const applied = await applyAsClient(stack, email, { name: `Client ${label}` });
  expect(
    (await asAdmin(stack, "PUT", `/v1/clients/${applied.clientId}/matches`, { coachIds: [matched.id] }))
      .status,
  ).toBe(200);
  return { email, id: applied.clientId as string };
}

/** A booking with the stranger coach, by `email` and under `name`: kept apart, unverified. */
async function strangerBooks(email: string, name: string, hoursAhead: number) {
  const start = slot(hoursAhead);
  const res = await deliver(
    stack,
    "calendly",
    calendlyCreated({
      id: bookingId("UV"),
      start: new Date(start).toISOString(),
      end: new Date(start + HOUR).toISOString(),
      email,
      name,
      coachEmail: stranger.email,
    }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.sessionId as string;
}

const clientOfSession = async (sessionId: string) =>
  (await asAdmin(stack, "GET", `/v1/sessions/${sessionId}`)).body.client.id as string;

describe("the client page's unverified bookings", () => {
  it("shows each booking made with the client's address with its own details, and only those", async () => {
    const client = await clientWith("shown");
    const other = await clientWith("other");
    await strangerBooks(client.email, "Pat Booker", 30);
    await strangerBooks(other.email, "Not Theirs", 31);

    const page = await browser.get(`/admin/clients/${client.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Bookings made with this address, waiting for a decision");
    expect(page.text).toContain("Pat Booker");
    expect(page.text).toContain("Sam Stranger");
    expect(page.text).not.toContain("Not Theirs");
    expect(page.text).toMatch(/action="\/admin\/clients\/[^"]+\/unverified\/ses_[^"]+\/link"/);
    expect(page.text).toMatch(/action="\/admin\/clients\/[^"]+\/unverified\/ses_[^"]+\/reject"/);
    // The identity check sent to the address is in the client's email log while the booking waits.
    expect(page.text).toContain("booking-identity-check");

    const none = await browser.get(`/admin/clients/${(await clientWith("none")).id}`);
    expect(none.text).toContain("None: no booking with a coach who does not work with");
  });

  it("links a booking to the client from their page, as the API's link does", async () => {
    const client = await clientWith("link");
    const sessionId = await strangerBooks(client.email, "Lee Link", 40);

    const res = await browser.post(`/admin/clients/${client.id}/unverified/${sessionId}/link`);
    expect(res.status, res.text).toBe(303);
    expect(res.location).toBe(`/admin/clients/${client.id}?decided=linked&booking=${sessionId}`);
    expect(await clientOfSession(sessionId)).toBe(client.id);
    const after = await browser.get(res.location!);
    expect(after.text).toContain("The booking is now this client&#39;s");
    expect(after.text).not.toContain("Lee Link");
    const listed = await asAdmin(stack, "GET", "/v1/unverified-bookings");
    expect(listed.body.unverifiedBookings.map((u: { id: string }) => u.id)).not.toContain(sessionId);
    // The client has a booked session now: on the console's "booked" list, off "matched".
    const booked = await browser.get(`/admin/clients?status=booked&q=${encodeURIComponent(client.email)}`);
    expect(booked.text).toContain("Client link");
    const matchedList = await browser.get("/admin/clients?status=matched");
    expect(matchedList.text).not.toContain(`/admin/clients/${client.id}"`);
    // Still among the scheduled sessions the dashboard counts (its entry by status, decision 0033).
    const stored = await stack.deps.aws.doc.send(
      new GetCommand({
        TableName: stack.deps.config.tableName,
        Key: { pk: `SESSION#${sessionId}`, sk: "SESSION" },
      }),
    );
    expect(stored.Item?.gsi3pk).toBe("SESSIONS#scheduled");
  });

  it("rejects a booking from the client's page: off the list, the session stays apart", async () => {
    const client = await clientWith("reject");
    const sessionId = await strangerBooks(client.email, "Rae Reject", 44);

    const res = await browser.post(`/admin/clients/${client.id}/unverified/${sessionId}/reject`);
    expect(res.status, res.text).toBe(303);
    expect(res.location).toBe(`/admin/clients/${client.id}?decided=rejected&booking=${sessionId}`);
    expect(await clientOfSession(sessionId)).not.toBe(client.id);
    const after = await browser.get(res.location!);
    expect(after.text).toContain("The booking is rejected");
    expect(after.text).not.toContain("Rae Reject");
  });

  it("refuses a decision on a booking decided meanwhile, or made with another client's address: the error summarized and at the field", async () => {
    const client = await clientWith("race");
    const other = await clientWith("race-other");
    const decided = await strangerBooks(client.email, "Dee Decided", 48);
    const foreign = await strangerBooks(other.email, "Fay Foreign", 49);
    const waiting = await strangerBooks(client.email, "Will Wait", 50);
    expect((await asAdmin(stack, "POST", `/v1/unverified-bookings/${decided}/reject`)).status).toBe(200);

    const late = await browser.post(`/admin/clients/${client.id}/unverified/${decided}/link`);
    expect(late.status).toBe(303);
    expect(late.location).toBe(
      `/admin/clients/${client.id}?problem=gone&booking=${decided}#unverified-bookings`,
    );
    const page = await browser.get(late.location!);
    expect(page.status).toBe(200);
    expect(page.text).toContain("<title>Error: Client race");
    expect(summaryOf(page.text)).toEqual([
      {
        href: "unverified-bookings",
        text: "That booking is no longer waiting for a decision (it was linked or rejected meanwhile): nothing was changed",
      },
    ]);
    expect(fieldErrorOf(page.text, "unverified-bookings")).toContain("no longer waiting");
    // The booking still waiting is there, unchanged.
    expect(page.text).toContain("Will Wait");

    // A booking made with another client's address is not this page's to decide.
    const stray = await browser.post(`/admin/clients/${client.id}/unverified/${foreign}/link`);
    expect(stray.location).toContain("problem=gone");
    expect(await clientOfSession(foreign)).not.toBe(client.id);
    const strayReject = await browser.post(`/admin/clients/${client.id}/unverified/${foreign}/reject`);
    expect(strayReject.location).toContain("problem=gone");
    // An id the program never made: refused before anything is read.
    const counter = countCalls(stack.deps.aws.dynamodb);
    const junk = await browser.post(`/admin/clients/${client.id}/unverified/x'%20OR%201=1/link`);
    expect(junk.status).toBe(303);
    expect(junk.location).toContain("problem=gone");
    // The admin's session only (one GetItem).
    expect(counter.calls).toEqual(["GetItem"]);
    const listed = await asAdmin(stack, "GET", "/v1/unverified-bookings");
    expect(listed.body.unverifiedBookings.map((u: { id: string }) => u.id)).toContain(foreign);
    expect(listed.body.unverifiedBookings.map((u: { id: string }) => u.id)).toContain(waiting);
  });

  it("checks the form's origin and the admin's session before deciding", async () => {
    const client = await clientWith("guard");
    const sessionId = await strangerBooks(client.email, "Gus Guard", 52);
    const path = `/admin/clients/${client.id}/unverified/${sessionId}/link`;
    const forged = await browser.post(
      path,
      {},
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    );
    expect(forged.status).toBe(403);
    const anonymous = await webBrowser(stack).post(path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe("/admin/sign-in");
    expect(await clientOfSession(sessionId)).not.toBe(client.id);
  });

  it("lists every booking waiting for a decision behind the dashboard's figure", async () => {
    const client = await clientWith("listed");
    await strangerBooks(client.email, "Lou Listed", 56);
    const dashboard = await browser.get("/admin");
    expect(dashboard.text).toContain('href="/admin/unverified"');
    const list = await browser.get("/admin/unverified");
    expect(list.status).toBe(200);
    expect(list.text).toContain("Lou Listed");
    expect(list.text).toContain(`href="/admin/clients/${client.id}#unverified-bookings"`);
    expect(list.text).not.toContain("Dee Decided");
  });

  it("reads the client page's unverified bookings with one Query of their index and one BatchGetItem of their sessions", async () => {
    const client = await clientWith("calls");
    await strangerBooks(client.email, "Cal Count", 60);
    await browser.get(`/admin/clients/${client.id}`);
    const counter = countCalls(stack.deps.aws.dynamodb);
    expect((await browser.get(`/admin/clients/${client.id}`)).status).toBe(200);
    // The web session; the client; their sessions, action items and the unverified bookings (gsi2)
    // in parallel; the bookings' sessions; the email log (the client's, and that waiting booking's session).
    expect(counter.calls).toEqual([
      "GetItem",
      "GetItem",
      "Query",
      "Query",
      "Query",
      "BatchGetItem",
      "Query",
      "Query",
    ]);
  });

  it("answers a decision that another overtook with 'no longer waiting', never a 500, and keeps the other's", async () => {
    const races = [
      ["reject", "reject"],
      ["reject", "link"],
      ["link", "reject"],
    ] as const;
    const dynamodb = stack.deps.aws.dynamodb;
    for (const [n, [first, second]] of races.entries()) {
      // A client each: once linked, the coach is theirs, and their next booking is not held.
      const client = await clientWith(`twice-${n}`);
      const sessionId = await strangerBooks(client.email, `Tia Twice ${first}${second}`, 70 + n);
      // The first decision has read the booking; before its write, the second decides in full.
      let overtaken: Promise<{ status: number; body: { status?: string } }> | undefined;
      dynamodb.middlewareStack.add(
        (next, context) => async (args) => {
          const write = ["UpdateItemCommand", "TransactWriteItemsCommand"].includes(
            String(context.commandName),
          );
          if (write && !overtaken) {
            overtaken = asAdmin(stack, "POST", `/v1/unverified-bookings/${sessionId}/${second}`);
            await overtaken;
          }
          return next(args);
        },
        { step: "initialize", name: "decideMeanwhile" },
      );
      let late: { status: number; body: unknown };
      try {
        late = await asAdmin(stack, "POST", `/v1/unverified-bookings/${sessionId}/${first}`);
      } finally {
        dynamodb.middlewareStack.remove("decideMeanwhile");
      }
      const won = await overtaken!;
      expect([won.status, late.status], `${first} after ${second}: ${JSON.stringify(late.body)}`).toEqual([
        200, 404,
      ]);
      expect((await clientOfSession(sessionId)) === client.id).toBe(second === "link");
    }
  });
});
