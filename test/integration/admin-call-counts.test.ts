import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { beforeAll, describe, expect, it } from "vitest";
import { settingsForm } from "../../packages/core/src/admin/settings-form";
import { DEFAULT_PROGRAM_SETTINGS } from "../../packages/core/src/program/defaults";
import { adminBrowser } from "../support/admin-app";
import { addCoach, type TestCoach } from "../support/coaching";
import { startTestStack, type TestStack } from "../support/stack";
import { signIn, type WebBrowser, webBrowser } from "../support/web";

/**
 * The DynamoDB calls of each admin coach and settings page, by operation, in the order they are
 * sent, with the program settings cached (the warm function: a cold one, or one past the cache's
 * TTL, adds one GetItem where a page reads them through the cache). The admin sign-in in front of
 * these pages is another branch's, and its own calls come on top. A change that adds a call fails
 * here; one that saves a call should lower the pin in the same commit.
 */
const PINNED = {
  // One page of the coach listing (gsi1), up to 100 coaches.
  coachList: ["Query"],
  // The program's words come from the cache: nothing is read.
  newCoachForm: [],
  // The coach (consistent GetItem).
  coachPage: ["GetItem"],
  // Creating: the coach and its email lock in one transaction.
  createCoach: ["TransactWriteItems"],
  // Deactivating: the coach, its update, then the coach's web sessions (listed and deleted).
  deactivate: ["GetItem", "TransactWriteItems", "Query", "BatchWriteItem"],
  // The settings as stored (consistent GetItem, not the cache: the form carries their version).
  settingsPage: ["GetItem"],
  // A preview reads nothing: the agenda renders in process, the email by SES.
  settingsPreview: [],
  // Saving: the stored version (GetItem), then the settings and their agenda history (one transaction).
  settingsSave: ["GetItem", "TransactWriteItems"],
};

let stack: TestStack;
let admin: WebBrowser;
let coach: TestCoach;
let counter: ReturnType<typeof countCalls>;

beforeAll(async () => {
  stack = await startTestStack();
  admin = adminBrowser(stack);
  coach = await addCoach(stack);
  // Sessions to end on deactivation: one web session of the coach.
  await signIn(stack, webBrowser(stack), coach.email);
  // Warm: the program settings in the cache, the stores loaded.
  await admin.get("/admin/coaches/new");
  await admin.get("/admin/settings");
  counter = countCalls(stack.deps.aws.dynamodb);
});

async function callsOf(
  send: () => Promise<{ status: number; text: string }>,
  status = 200,
): Promise<string[]> {
  counter.reset();
  const res = await send();
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  return [...counter.calls];
}

const newCoach = (email: string) => ({
  name: "Lin Chen",
  email,
  bio: "Coach.",
  specialties: ["delegation"],
  languages: "en",
  timezone: "UTC",
  capacity: "3",
  style: "supportive",
  seniorityLevels: ["lead"],
  bookingProvider: "calendly",
  bookingUrl: "https://calendly.com/lin/intro",
  pricingUrl: "https://lin.example/pricing",
  active: "yes",
});

describe("DynamoDB calls per admin coach and settings page", () => {
  it("the coach list", async () => {
    expect(await callsOf(() => admin.get("/admin/coaches"))).toEqual(PINNED.coachList);
  });
  it("the new coach form", async () => {
    expect(await callsOf(() => admin.get("/admin/coaches/new"))).toEqual(PINNED.newCoachForm);
  });
  it("a coach's page", async () => {
    expect(await callsOf(() => admin.get(`/admin/coaches/${coach.id}`))).toEqual(PINNED.coachPage);
  });
  it("creating a coach", async () => {
    const email = `lin.${Date.now()}@example.com`;
    expect(await callsOf(() => admin.post("/admin/coaches/new", newCoach(email)), 303)).toEqual(
      PINNED.createCoach,
    );
  });
  it("deactivating a coach", async () => {
    expect(await callsOf(() => admin.post(`/admin/coaches/${coach.id}/deactivate`), 303)).toEqual(
      PINNED.deactivate,
    );
  });
  it("the settings page", async () => {
    expect(await callsOf(() => admin.get("/admin/settings"))).toEqual(PINNED.settingsPage);
  });
  it("a preview of the settings", async () => {
    const form = { ...settingsForm(DEFAULT_PROGRAM_SETTINGS), version: '"v0"', previewAgenda: "regular" };
    expect(await callsOf(() => admin.post("/admin/settings/preview", form))).toEqual(PINNED.settingsPreview);
  });
  it("saving the settings", async () => {
    const form = { ...settingsForm(DEFAULT_PROGRAM_SETTINGS), version: '"v0"' };
    expect(await callsOf(() => admin.post("/admin/settings", form), 303)).toEqual(PINNED.settingsSave);
  });
});
