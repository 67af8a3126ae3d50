import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/** Issue 11, abuse: the intake form's honeypot field catches form-filling robots. */

const answers = (email: string): [string, string][] => [
  ["name", "Robo Filler"],
  ["email", email],
  ["timezone", "Europe/Berlin"],
  ["role", "Engineering manager"],
  ["company", "Globex"],
  ["background", "Ten years in infrastructure."],
  ["challenge", "Two senior engineers on my team are in open conflict."],
  ["topics", "conflict"],
  ["languages", "en"],
  ["cadence", "weekly"],
  ["consent", "true"],
];

const post = (stack: TestStack, fields: [string, string][]) =>
  stack.app.request("/v1/intake", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

describe("the intake form's honeypot", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
  });
  afterAll(async () => {
    await stack.scheduler.stop();
  });

  it("is a field people never see or reach: off screen, hidden from screen readers, out of the tab order, labelled to be left empty", async () => {
    const page = await (await stack.app.request("/intake")).text();

    const field = page.match(/<div class="hp" aria-hidden="true">([\s\S]*?)<\/div>/);
    expect(field, "the honeypot's container").not.toBeNull();
    expect(field![1]).toContain('<label for="website">Leave this field empty</label>');
    expect(field![1]).toMatch(
      /<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">/,
    );
    // Inside the form, so a robot posts it.
    expect(page.indexOf('name="website"')).toBeGreaterThan(
      page.indexOf('<form method="post" action="/v1/intake"'),
    );
    expect(page.indexOf('name="website"')).toBeLessThan(page.indexOf("</form>"));
  });

  it("stores and sends nothing when filled, answers like a success, and counts it in a log line", async () => {
    const email = uniqueEmail("robot");
    await post(stack, answers(uniqueEmail("warm")));
    const counter = countCalls(stack.deps.aws.dynamodb);
    const logsBefore = stack.logs.length;

    const res = await post(stack, [...answers(email), ["website", "https://spam.example/buy"]]);
    const page = await res.text();

    expect(res.status).toBe(201);
    expect(page).toContain("Thank you, we have your application");
    expect(counter.calls).toEqual([]);
    expect(await stack.deps.clients.clients.readForIntake(email)).toEqual({});
    expect(await stack.emailsTo(email)).toHaveLength(0);
    const caught = stack.logs
      .slice(logsBefore)
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === "intake honeypot filled");
    expect(caught).toHaveLength(1);
    expect(JSON.stringify(caught)).not.toContain(email);
  });

  it("answers like a success even when the robot's other answers are not valid", async () => {
    const res = await post(stack, [
      ["email", "not an address"],
      ["website", "x"],
    ]);
    expect(res.status).toBe(201);
    expect(await res.text()).toContain("Thank you, we have your application");
  });

  it("lets a person through: left empty, the intake is taken as usual", async () => {
    const email = uniqueEmail("person");
    const res = await post(stack, [...answers(email), ["website", ""]]);
    expect(res.status).toBe(201);
    expect(await res.text()).toContain("Your recommended coaches");
    expect(await stack.emailsTo(email)).toHaveLength(1);
  });
});
