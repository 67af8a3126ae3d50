import { randomUUID } from "node:crypto";
import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalClock } from "../../packages/local/src/scheduler";
import {
  addCoach,
  applyAsClient,
  asAdmin,
  bookByWebhook,
  HOUR,
  MINUTE,
  type TestCoach,
  tokenOf,
} from "../support/coaching";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { signInAsAdmin, type WebBrowser, webBrowser } from "../support/web";
import { calendlyCreated, deliver } from "../support/webhooks";

const ADMIN = uniqueEmail("console-admin");
/**
 * The DynamoDB calls each console page makes, by operation (parallel calls in the order they
 * start). A change that adds a call fails here, one that saves a call lowers the pin.
 */
const PINNED = {
  // The web session; the counters (clients per phase, suppressions, failed deliveries: one Query
  // of their shards, decision 0035); the longest waiting client (Limit 1); sessions this week
  // (scheduled, finished); unfinished meetings; unverified bookings waiting (gsi2, decision 0030).
  // The same at any size: admin-figures.test.ts pins it where a count of the index pages.
  dashboard: ["GetItem", ...Array<string>(6).fill("Query")],
  // The web session; a page of every client (gsi1, one call).
  allClients: ["GetItem", "Query"],
  // The web session; a page of a phase's keys (gsi3); their profiles.
  waitlisted: ["GetItem", "Query", "BatchGetItem"],
  // The web session; the name and address prefixes (gsi2) in parallel; profiles of address hits.
  searchByEmail: ["GetItem", "Query", "BatchGetItem"],
  // The web session; the client; their sessions, their action items and the unverified bookings
  // made with their address (gsi2 `UNVERIFIED`, filtered; decision 0036) in parallel; the email
  // log (the client's, and one a session and an action item; each waiting booking's sessions are
  // read and logged too, none here).
  clientPage: ["GetItem", "GetItem", "Query", "Query", "Query", "Query"],
};

let stack: TestStack;
let broken: TestStack;
let coach: TestCoach;
let other: TestCoach;
let browser: WebBrowser;
const clients: Record<string, { id: string; email: string }> = {};

beforeAll(async () => {
  const table = `test-${randomUUID()}`;
  const env = { TABLE_NAME: table, ADMIN_EMAILS: ADMIN };
  stack = await startTestStack({ env, clock: new LocalClock({ startAt: "2031-03-05T08:00:00Z" }) });
  // Sends no email: its SES endpoint is a closed port, so its deliveries fail. Shares the table
  // and the program's clock (the failed deliveries' figure counts the log's last 30 days).
  broken = await startTestStack({
    env: { ...env, SES_ENDPOINT: "http://127.0.0.1:9" },
    createTable: false,
    clock: stack.clock,
  });
  coach = await addCoach(stack, { capacity: 10 });
  other = await addCoach(stack, { name: "Bea Quartey", capacity: 6, specialties: ["strategy"] });
  for (const [label, overrides] of [
    [
      "waiting",
      {
        name: "Wanda Waits",
        preferences: { topics: ["delegation"], languages: ["fi"], style: "supportive", cadence: "biweekly" },
      },
    ],
    ["matched", { name: "Mo Matched" }],
    ["booked", { name: "Bo Booked" }],
  ] as const) {
    const email = uniqueEmail(label);
    const applied = await applyAsClient(stack, email, overrides);
    clients[label] = { id: applied.clientId, email };
    if (label === "booked") {
      const start = Math.ceil((stack.clock.now().getTime() + 2 * HOUR) / MINUTE) * MINUTE;
      await bookByWebhook(stack, { coach, email, start, token: tokenOf(applied.matches[0]!.bookingUrl) });
    }
  }
  browser = webBrowser(stack);
  await signInAsAdmin(stack, browser, ADMIN);
});
afterAll(async () => {
  await stack.scheduler.stop();
  await broken.scheduler.stop();
});

const figure = (html: string, label: string) => {
  const m = new RegExp(`<span class="n">([^<]+)</span> <span class="label">${label}`).exec(html);
  return m?.[1];
};

describe("the admin console's pages", () => {
  it("shows the program at a glance, each figure counted, linked to its list", async () => {
    const page = await browser.get("/admin");
    expect(page.status).toBe(200);
    expect(figure(page.text, "waitlisted clients")).toBe("1");
    expect(figure(page.text, "matched, not yet booked")).toBe("1");
    expect(figure(page.text, "sessions this week")).toBe("1");
    expect(figure(page.text, "failed webhook deliveries")).toBe("0");
    expect(figure(page.text, "dead-lettered schedules")).toBe("0");
    // Wired since decision 0030 landed: none here.
    expect(figure(page.text, "unverified bookings")).toBe("0");
    expect(page.text).toContain('href="/admin/clients?status=waitlisted"');
    expect(page.text).toContain("Longest wait: 0 days");
  });

  it("lists a phase's clients, finds a client by the start of their address or name", async () => {
    const waiting = await browser.get("/admin/clients?status=waitlisted");
    expect(waiting.status).toBe(200);
    expect(waiting.text).toContain("Wanda Waits");
    expect(waiting.text).not.toContain("Mo Matched");
    const booked = await browser.get("/admin/clients?status=booked");
    expect(booked.text).toContain("Bo Booked");
    expect(booked.text).not.toContain("Mo Matched");

    const byEmail = await browser.get(
      `/admin/clients?q=${encodeURIComponent(clients.matched!.email.toUpperCase())}`,
    );
    expect(byEmail.text).toContain("Mo Matched");
    expect(byEmail.text).not.toContain("Wanda Waits");
    const byName = await browser.get("/admin/clients?q=wanda");
    expect(byName.text).toContain("Wanda Waits");
    // The filter form as a browser sends it, "Any status" chosen: `status=` is no status.
    const fromForm = await browser.get(`/admin/clients?q=wanda&status=`);
    expect(fromForm.status).toBe(200);
    expect(fromForm.text).toContain("Wanda Waits");

    const bad = await browser.get("/admin/clients?status=lost");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Choose a status from the list");
  });

  it("overrides a client's matches from their page, and the API sees it", async () => {
    const id = clients.waiting!.id;
    const page = await browser.get(`/admin/clients/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`value="${other.id}"`);
    expect(page.text).toContain("0 of 6 clients");

    const none = await browser.post(`/admin/clients/${id}/matches`, {});
    expect(none.status).toBe(400);
    expect(none.text).toContain('href="#override-first"');
    expect(none.text).toContain("Choose at least one coach");

    const saved = await browser.post(`/admin/clients/${id}/matches`, { coachIds: [other.id, coach.id] });
    expect(saved.status).toBe(303);
    const api = await asAdmin(stack, "GET", `/v1/clients/${id}`);
    expect(api.body).toMatchObject({ status: "matched", matchedBy: "admin" });
    expect(api.body.matches.map((m: { coachId: string }) => m.coachId)).toEqual([other.id, coach.id]);
    // The list follows: no longer waitlisted.
    expect((await browser.get("/admin/clients?status=waitlisted")).text).not.toContain("Wanda Waits");
    expect((await browser.get("/admin/clients?status=matched")).text).toContain("Wanda Waits");
  });

  it("asks before erasing, then erases", async () => {
    const email = uniqueEmail("erase");
    const { clientId } = await applyAsClient(stack, email, { name: "Eve Erased" });
    expect((await browser.get(`/admin/clients/${clientId}/erase`)).text).toContain("cannot be undone");
    const unconfirmed = await browser.post(`/admin/clients/${clientId}/erase`, {});
    expect(unconfirmed.status).toBe(400);
    expect((await asAdmin(stack, "GET", `/v1/clients/${clientId}`)).status).toBe(200);
    const erased = await browser.post(`/admin/clients/${clientId}/erase`, { confirm: "yes" });
    expect(erased.status).toBe(200);
    expect((await asAdmin(stack, "GET", `/v1/clients/${clientId}`)).status).toBe(404);
  });

  it("shows a failed delivery with its kept headers and body, and replays it", async () => {
    const email = uniqueEmail("replayed");
    const start = new Date(stack.clock.now().getTime() + 72 * HOUR);
    const failed = await deliver(
      broken,
      "calendly",
      calendlyCreated({
        id: `R${Date.now().toString(36).toUpperCase()}`,
        start: start.toISOString(),
        end: new Date(start.getTime() + HOUR).toISOString(),
        email,
        coachEmail: coach.email,
      }),
    );
    expect(failed.status).toBe(500);
    const id: string = failed.body.deliveryId;
    const list = await browser.get("/admin/deliveries?status=failed&provider=calendly");
    expect(list.text).toContain(`/admin/deliveries/${id}`);
    expect((await browser.get("/admin/deliveries?status=failed&provider=calcom")).text).not.toContain(id);
    expect(figure((await browser.get("/admin")).text, "failed webhook deliveries")).toBe("1");

    const one = await browser.get(`/admin/deliveries/${id}`);
    expect(one.text).toContain("content-type");
    expect(one.text.toLowerCase()).not.toContain("calendly-webhook-signature");
    expect(one.text).toContain(email);

    const replayed = await browser.post(`/admin/deliveries/${id}/replay`);
    expect(replayed.status).toBe(303);
    const after = await browser.get(replayed.location!);
    expect(after.text).toContain("processed (HTTP 200)");
  });

  it("pins the DynamoDB calls of each page", async () => {
    const counter = countCalls(stack.deps.aws.dynamodb);
    const calls = async (path: string) => {
      counter.reset();
      expect((await browser.get(path)).status, path).toBe(200);
      return [...counter.calls];
    };
    expect(await calls("/admin")).toEqual(PINNED.dashboard);
    expect(await calls("/admin/clients")).toEqual(PINNED.allClients);
    expect(await calls("/admin/clients?status=waitlisted")).toEqual(PINNED.waitlisted.slice(0, 2));
    expect(await calls("/admin/clients?status=matched")).toEqual(PINNED.waitlisted);
    expect(await calls(`/admin/clients?q=${encodeURIComponent(clients.booked!.email)}`)).toEqual(
      PINNED.searchByEmail,
    );
    expect(await calls(`/admin/clients/${clients.matched!.id}`)).toEqual(PINNED.clientPage);
  });
});
