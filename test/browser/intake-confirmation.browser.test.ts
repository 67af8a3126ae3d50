import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserStack, checkPage, startBrowserStack } from "../support/browser";
import { addCoach, urlsIn } from "../support/coaching";
import { uniqueEmail } from "../support/stack";

/*
 * Changed intake answers from a known email (issue 11, decision 0029) in a real browser, by plain
 * form posts and links: the form's "check your email" page, the emailed link's page and the confirmed page,
 * each checked with axe (WCAG 2.1 A and AA).
 */

let b: BrowserStack;
let context: BrowserContext;

beforeAll(async () => {
  b = await startBrowserStack();
  await addCoach(b.stack, { capacity: 100 });
  // JavaScript stays on for axe; the pages have none of their own.
  context = await b.newContext();
});
afterAll(async () => {
  await context?.close();
  await b?.stop();
});

describe("confirming changed answers", () => {
  it("says to check the email, opens the link's page, and confirms with one button", async () => {
    const email = uniqueEmail("browser-change");
    const page = await context.newPage();
    const apply = async (challenge: string) => {
      await page.goto(`${b.origin}/intake`);
      await page.getByLabel("Your name").fill("Sam Rivera");
      await page.getByLabel("Your email address").fill(email);
      await page.getByLabel("Current role").fill("Tech lead");
      await page.getByLabel("Company").fill("Acme Pay");
      await page.getByLabel("Your background").fill("Backend engineer, tech lead for six months.");
      await page.getByLabel("Your top challenge").fill(challenge);
      await page.getByRole("checkbox", { name: "Delegation", exact: true }).check();
      await page.getByRole("checkbox", { name: "English", exact: true }).check();
      await page.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
      await page.getByRole("button", { name: "Find my coaches" }).click();
    };
    await apply("I review every pull request myself and struggle to delegate.");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Your recommended coaches");

    await apply("I want to shape our technical strategy.");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Check your email");
    await checkPage(page, "intake-check-email");

    const mail = (await b.stack.emailsTo(email)).find((m) => m.subject === "Confirm your new answers");
    const link = urlsIn(mail!).find((u) => u.includes("/intake/confirm/"));
    await page.goto(link!);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Confirm your new answers");
    await checkPage(page, "intake-confirm");
    await page.getByRole("button", { name: "Confirm my new answers" }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Your answers are updated");
    await checkPage(page, "intake-confirmed");

    await page.goto(link!);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "This link has already been used or has expired",
    );
    await checkPage(page, "intake-confirm-used");
  });
});
