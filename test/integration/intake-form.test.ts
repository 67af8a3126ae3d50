import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";

function form(fields: [string, string][]) {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}

const answers = (email: string): [string, string][] => [
  ["name", "Priya <b>Shah</b>"],
  ["email", email],
  ["timezone", "Europe/Berlin"],
  ["role", "Engineering manager"],
  ["seniority", "manager"],
  ["team", ""],
  ["company", "Globex"],
  ["background", "Ten years in infrastructure; manager for one year."],
  ["challenge", "Two senior engineers on my team are in open conflict and I avoid giving hard feedback."],
  ["goals", ""],
  ["topics", "conflict"],
  ["topics", "feedback"],
  ["languages", "en"],
  ["languages", "de"],
  ["style", ""],
  ["cadence", "weekly"],
  ["consent", "true"],
];

describe("the HTML intake form", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
  });

  it("shows a style the program does not have again on the form, naming it with the accepted labels", async () => {
    const email = uniqueEmail("loud");
    const fields = answers(email).map(([k, v]): [string, string] => (k === "style" ? [k, "loud"] : [k, v]));

    const res = await stack.app.request("/v1/intake", form(fields));
    const page = await res.text();

    expect(res.status).toBe(400);
    expect(page).toContain('<div class="error-summary"');
    expect(page).toMatch(/<a href="#style">Choose coaching style: Supportive, .* or Holistic<\/a>/);
    expect(page).toContain('id="style-error"');
    expect(await stack.emailsTo(email)).toHaveLength(0);
  });

  it("serves an accessible form that posts to the API without JavaScript", async () => {
    const res = await stack.app.request("/intake");
    const page = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(page).toContain('<form method="post" action="/v1/intake"');
    expect(page).not.toContain("<script");
    for (const id of ["name", "email", "timezone", "role", "company", "background", "challenge"]) {
      expect(page).toContain(`<label for="${id}">`);
      expect(page).toContain(`id="${id}"`);
    }
    expect(page).toContain('name="topics" value="delegation"');
    expect(page).toContain('<option value="UTC" selected>UTC</option>');
  });

  it("shows the recommendations page after a form post, with names escaped", async () => {
    const email = uniqueEmail("priya");
    const res = await stack.app.request("/v1/intake", form(answers(email)));
    const page = await res.text();

    expect(res.status).toBe(201);
    expect(page).toContain("Your recommended coaches");
    expect(page).toContain("Book an intro session with");
    expect(page).not.toContain("<b>Shah</b>");
    const stored = await stack.deps.clients.clients.readForIntake(email);
    expect(stored.record?.status).toBe("matched");
    expect(stored.record?.matches.length).toBeGreaterThan(0);
  });

  it("shows the form again with the answers kept and each problem next to its field", async () => {
    const email = uniqueEmail("oops");
    const bad = answers(email).filter(([k]) => k !== "consent" && k !== "topics");
    const res = await stack.app.request("/v1/intake", form(bad));
    const page = await res.text();

    expect(res.status).toBe(400);
    expect(page).toContain('role="alert"');
    expect(page).toContain('id="topics-error"');
    expect(page).toContain('id="consent-error"');
    expect(page).toContain(`value="${email}"`);
    expect(await stack.deps.clients.clients.readForIntake(email)).toEqual({});
  });

  it("words each problem as the form labels the field, in a summary linking to it and again at the field", async () => {
    const email = uniqueEmail("words");
    const bad = answers(email)
      .filter(([k]) => k !== "consent" && k !== "topics")
      .map(([k, v]): [string, string] =>
        k === "name" ? [k, "  "] : k === "cadence" ? [k, "daily"] : [k, v],
      );
    const res = await stack.app.request("/v1/intake", form(bad));
    const page = await res.text();

    expect(res.status).toBe(400);
    const problems = {
      name: "Enter your name",
      topics: "Choose at least one of the topics",
      cadence: "Choose how often you would like to meet: weekly, biweekly, monthly or ad-hoc",
      consent: "Tick the box to give consent to be contacted",
    };
    const summary = page.slice(page.indexOf('class="error-summary"'), page.indexOf("</div>"));
    for (const [field, message] of Object.entries(problems)) {
      expect(summary).toContain(`<li><a href="#${field}">${message}</a></li>`);
      expect(page).toContain(`<p class="error" id="${field}-error">${message}</p>`);
      // The link lands on the field: a text input, or the first choice of a group.
      expect(page).toMatch(new RegExp(`<input [^>]*id="${field}"`));
    }
    expect(summary.match(/<li>/g)).toHaveLength(4);
    // No field key or validator wording reaches the person.
    for (const raw of ["Too small", "expected", ">=", "Invalid", "preferences."])
      expect(page).not.toContain(raw);
    // Every typed and chosen answer is kept.
    expect(page).toContain('value="Engineering manager"');
    expect(page).toContain("Ten years in infrastructure; manager for one year.</textarea>");
    expect(page).toContain('<option value="Europe/Berlin" selected>');
    expect(page).toContain('name="languages" value="de" checked');
    expect(page).toContain('<option value="manager" selected>');
  });
});
