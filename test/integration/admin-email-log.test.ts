import { randomUUID } from "node:crypto";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoSuppressions } from "@coachflow/core/adapters/dynamodb/suppression";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCoach,
  applyAsClient,
  bookByWebhook,
  finishAsCoach,
  mailbox,
  moveTo,
  type TestCoach,
  tokenOf,
  urlsIn,
} from "../support/coaching";
import { call, intakeBody } from "../support/requests";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { signInAsAdmin, type WebBrowser, webBrowser } from "../support/web";

/*
 * Issue 13, the client page's email log (decision 0036): every email sent to or about the client
 * is in it, the intake's too (recommendations, waitlist note and the admin's alert, the
 * confirmation of changed answers, matching run again or chosen by an admin), with its kind, when
 * and outcome (sent, suppressed, failed), recorded without an address, a name or an answer.
 * Before, the log read the send ledger only, which the intake's emails never reached.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ADMIN = uniqueEmail("log-admin");
let stack: TestStack;
let broken: TestStack;
let coach: TestCoach;
let browser: WebBrowser;

beforeAll(async () => {
  const env = { TABLE_NAME: `test-${randomUUID()}`, ADMIN_EMAILS: ADMIN };
  stack = await startTestStack({ env });
  // Sends no email (its SES endpoint is a closed port); shares the table.
  broken = await startTestStack({ env: { ...env, SES_ENDPOINT: "http://127.0.0.1:9" }, createTable: false });
  coach = await addCoach(stack, { capacity: 20 });
  browser = webBrowser(stack);
  await signInAsAdmin(stack, browser, ADMIN);
});
afterAll(async () => {
  await stack.scheduler.stop();
  await broken.scheduler.stop();
});

/** The email log's rows of a client's page: [kind, outcome], newest first. */
async function logOf(clientId: string): Promise<[string, string][]> {
  const page = await browser.get(`/admin/clients/${clientId}`);
  expect(page.status).toBe(200);
  const table = /<h2>Email log<\/h2>([\s\S]*?)<\/table>/.exec(page.text)?.[1] ?? "";
  return [...table.matchAll(/<tr><td>[^<]*<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => [
    m[1]!,
    m[2]!,
  ]);
}

/** The email log's items of a client, as stored (on the client's sends index). */
async function storedLog(clientId: string) {
  const doc = DynamoDBDocumentClient.from(stack.deps.aws.dynamodb);
  const res = await doc.send(
    new QueryCommand({
      TableName: stack.deps.config.tableName,
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :p",
      ExpressionAttributeValues: { ":p": `SENDS#${clientId}` },
    }),
  );
  return res.Items ?? [];
}

async function apply(app: TestStack, email: string, overrides: Record<string, unknown> = {}) {
  const res = await call(app.app, "POST", "/v1/intake", intakeBody(email, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.clientId as string;
}

describe("the client page's email log", () => {
  it("lists the intake's recommendations, sent, with no address, name or answer stored", async () => {
    const email = uniqueEmail("matched");
    const id = await apply(stack, email, { name: "Rita Recommended" });
    expect(await logOf(id)).toEqual([["coach-recommendations", "sent"]]);
    const items = await storedLog(id);
    expect(items).toHaveLength(1);
    const text = JSON.stringify(items).toLowerCase();
    for (const secret of [email, "rita", "delegate"]) expect(text).not.toContain(secret.toLowerCase());
  });

  it("lists the waitlist note and the admin's alert about the client", async () => {
    const id = await apply(stack, uniqueEmail("waiting"), {
      preferences: { topics: ["delegation"], languages: ["sw"], cadence: "weekly" },
    });
    expect((await logOf(id)).sort()).toEqual([
      ["admin-waitlist-alert", "sent"],
      ["intake-waitlisted", "sent"],
    ]);
  });

  it("says an email to a suppressed address was not sent", async () => {
    const email = uniqueEmail("bounced");
    await new DynamoSuppressions(
      DynamoDBDocumentClient.from(stack.deps.aws.dynamodb),
      stack.deps.config.tableName,
    ).suppress(email, "bounce");
    const id = await apply(stack, email);
    expect(await logOf(id)).toEqual([["coach-recommendations", "suppressed"]]);
    expect(await mailbox(stack, email).all()).toHaveLength(0);
  });

  it("says an email SES did not take failed, and logs the retry's send", async () => {
    const email = uniqueEmail("failing");
    const id = await apply(broken, email);
    expect(await logOf(id)).toEqual([["coach-recommendations", "failed"]]);
    // The same answers again, where SES answers: sent this time, the failure kept.
    await apply(stack, email);
    expect(await logOf(id)).toEqual([
      ["coach-recommendations", "sent"],
      ["coach-recommendations", "failed"],
    ]);
  });

  it("lists the recommendations of an override made on the page", async () => {
    const id = await apply(stack, uniqueEmail("override"));
    const saved = await browser.post(`/admin/clients/${id}/matches`, { coachIds: [coach.id] });
    expect(saved.status).toBe(303);
    expect(await logOf(id)).toEqual([
      ["coach-recommendations", "sent"],
      ["coach-recommendations", "sent"],
    ]);
  });

  it("lists the confirmation of changed answers, then the recommendations that follow it", async () => {
    const email = uniqueEmail("changed");
    const id = await apply(stack, email);
    const changed = await call(
      stack.app,
      "POST",
      "/v1/intake",
      intakeBody(email, { challenge: "Something else entirely, to confirm by email first." }),
    );
    expect(changed.status).toBe(202);
    expect((await logOf(id))[0]).toEqual(["intake-confirm-answers", "sent"]);
    const mail = (await mailbox(stack, email).all()).find((m) => m.subject === "Confirm your new answers");
    const link = urlsIn(mail!).find((u) => u.includes("/intake/confirm/"))!;
    expect((await stack.app.request(new URL(link).pathname, { method: "POST" })).status).toBe(200);
    expect(await logOf(id)).toEqual([
      ["coach-recommendations", "sent"],
      ["intake-confirm-answers", "sent"],
      ["coach-recommendations", "sent"],
    ]);
  });

  it("lists an action item's reminder, sent under the action item after the session", async () => {
    // Last in this file: it moves the clock three days on.
    const email = uniqueEmail("log-action");
    const applied = await applyAsClient(stack, email);
    const start = Math.ceil((stack.clock.now().getTime() + 2 * HOUR) / HOUR) * HOUR;
    const booked = await bookByWebhook(stack, {
      coach,
      email,
      start,
      token: tokenOf(applied.matches[0]!.bookingUrl),
    });
    await moveTo(stack, booked.end + 10 * MINUTE);
    const due = new Date(booked.end + 3 * DAY).toISOString().slice(0, 10);
    const finish = await finishAsCoach(stack, coach.id, booked.sessionId, {
      takeaways: ["Start small."],
      actionItems: [{ text: "Hand one review to a teammate", dueDate: due }],
      next: { type: "ad-hoc" },
      workTogether: true,
    });
    expect(finish.status, JSON.stringify(finish.body)).toBe(200);
    await moveTo(stack, booked.end + 4 * DAY);
    expect(await logOf(applied.clientId)).toContainEqual(["action-item-reminder", "sent"]);
  });
});
