import { beforeAll, describe, expect, it } from "vitest";
import { adminBrowser, fieldErrorOf, inputValue, isChecked, summaryOf, textOf } from "../support/admin-app";
import { addCoach } from "../support/coaching";
import { call } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { signIn, type WebBrowser, webBrowser } from "../support/web";

/**
 * The admin console's coach pages (issue 13) on the Hono app against DynamoDB Local, behind a
 * test-only stand-in for the admin sign-in: the list with load against capacity, creating and
 * editing with every field of the coaches API, errors at each field in words with the values
 * kept, and deactivation ending the coach's web sessions.
 */

let stack: TestStack;
let admin: WebBrowser;

beforeAll(async () => {
  stack = await startTestStack();
  admin = adminBrowser(stack);
});

/** A complete, valid coach form as a browser posts it. */
const coachPost = (overrides: Record<string, string | string[]> = {}) => ({
  name: "Grace Okafor",
  email: uniqueEmail("grace"),
  bio: "Staff engineer turned coach; helps tech leads say no without guilt.",
  specialties: ["delegation", "communication"],
  otherSpecialties: "pair programming",
  languages: "en, pt",
  timezone: "Europe/Lisbon",
  capacity: "6",
  style: "challenging",
  seniorityLevels: ["senior", "lead"],
  bookingProvider: "calcom",
  bookingUrl: "https://cal.com/grace/intro",
  sessionBookingUrl: "https://cal.com/grace/session",
  pricingUrl: "https://grace.example/pricing",
  active: "yes",
  welcomeMessage: "So glad we met.",
  ...overrides,
});

const idFrom = (location: string | undefined) => /\/admin\/coaches\/([^/?]+)/.exec(location ?? "")![1]!;

describe("creating a coach", () => {
  it("shows a wrong email at the field and in the summary, keeps every typed value, and stores nothing", async () => {
    const typed = coachPost({ email: "grace.example.com", name: "Grace Wrong-Email" });
    const res = await admin.post("/admin/coaches/new", typed);

    expect(res.status).toBe(400);
    const message = "Email address must be an email address like name@example.com";
    expect(summaryOf(res.text)).toEqual([{ href: "email", text: message }]);
    expect(fieldErrorOf(res.text, "email")).toBe(message);
    expect(res.text).toMatch(/<input[^>]*id="email"[^>]*aria-invalid="true"/);
    expect(res.text).toContain('aria-describedby="email-error"');
    // Everything typed is there again.
    expect(inputValue(res.text, "email")).toBe("grace.example.com");
    expect(inputValue(res.text, "name")).toBe("Grace Wrong-Email");
    expect(textOf(res.text, "bio")).toBe(typed.bio);
    expect(inputValue(res.text, "otherSpecialties")).toBe("pair programming");
    expect(inputValue(res.text, "languages")).toBe("en, pt");
    expect(inputValue(res.text, "capacity")).toBe("6");
    expect(res.text).toMatch(/<option value="challenging" selected="">Challenging<\/option>/);
    expect(res.text).toMatch(/<option value="Europe\/Lisbon" selected="">/);
    expect(res.text).toMatch(/value="delegation" checked=""/);
    expect(res.text).toMatch(/value="lead" checked=""/);
    expect(isChecked(res.text, "bookingProvider-calcom")).toBe(true);
    expect(inputValue(res.text, "sessionBookingUrl")).toBe("https://cal.com/grace/session");
    expect(textOf(res.text, "welcomeMessage")).toBe("So glad we met.");
    expect(res.text).toContain("<title>Add a coach – Program admin</title>");

    const all = await call(stack.app, "GET", "/v1/coaches?limit=100", undefined, adminHeaders);
    expect(all.body.items.map((c: { name: string }) => c.name)).not.toContain("Grace Wrong-Email");
  });

  it("words every missing or wrong field, each linked from the summary to its input", async () => {
    const res = await admin.post("/admin/coaches/new", {
      name: "",
      email: "",
      bio: "",
      languages: "english",
      timezone: "UTC",
      capacity: "lots",
      bookingProvider: "calendly",
      bookingUrl: "cal.com/x",
      pricingUrl: "",
    });

    expect(res.status).toBe(400);
    expect(summaryOf(res.text)).toEqual([
      { href: "name", text: "Enter name" },
      { href: "email", text: "Enter email address" },
      { href: "bio", text: "Enter bio" },
      { href: "specialties-0", text: "Choose at least one of the specialties" },
      { href: "languages", text: "Language 1 must be a two-letter language code such as en" },
      { href: "capacity", text: "Capacity must be a number" },
      { href: "style", text: "Enter coaching style" },
      { href: "seniorityLevels-0", text: "Choose at least one of the seniority levels" },
      { href: "bookingUrl", text: "Intro booking URL must be a web address like https://example.com" },
      { href: "pricingUrl", text: "Enter pricing URL" },
    ]);
    for (const { href } of summaryOf(res.text)) expect(res.text).toContain(`id="${href}"`);
    expect(inputValue(res.text, "capacity")).toBe("lots");
    expect(inputValue(res.text, "bookingUrl")).toBe("cal.com/x");
  });

  it("creates a coach with every field of the API, and refuses a second coach with the same email (409)", async () => {
    const typed = coachPost();
    const res = await admin.post("/admin/coaches/new", typed);
    expect(res.status, res.text).toBe(303);
    const id = idFrom(res.location);
    expect(res.location).toBe(`/admin/coaches/${id}?saved=created`);

    const stored = await call(stack.app, "GET", `/v1/coaches/${id}`, undefined, adminHeaders);
    expect(stored.body).toMatchObject({
      name: "Grace Okafor",
      email: typed.email,
      specialties: ["delegation", "communication", "pair-programming"],
      languages: ["en", "pt"],
      timezone: "Europe/Lisbon",
      capacity: 6,
      style: "challenging",
      seniorityLevels: ["senior", "lead"],
      bookingProvider: "calcom",
      bookingUrl: "https://cal.com/grace/intro",
      sessionBookingUrl: "https://cal.com/grace/session",
      pricingUrl: "https://grace.example/pricing",
      active: true,
      welcomeMessage: "So glad we met.",
      activeClients: 0,
    });
    const page = await admin.get(res.location!);
    expect(page.text).toContain("The coach is created.");
    expect(inputValue(page.text, "otherSpecialties")).toBe("pair-programming");
    expect(page.text).toContain("Cal.com webhook (URL and secret)");
    expect(page.text).toContain("http://localhost:3000/v1/webhooks/calcom");

    const again = await admin.post("/admin/coaches/new", { ...typed, name: "Grace Again" });
    expect(again.status).toBe(409);
    expect(summaryOf(again.text)).toEqual([
      { href: "email", text: "Email address is already used by another coach" },
    ]);
    expect(inputValue(again.text, "name")).toBe("Grace Again");
  });
});

describe("editing a coach", () => {
  it("changes fields, clears the optional ones left empty, and keeps the load the system counts", async () => {
    const coach = await addCoach(stack, { sessionBookingUrl: "https://calendly.com/x/session" });
    const page = await admin.get(`/admin/coaches/${coach.id}`);
    expect(page.status).toBe(200);
    expect(inputValue(page.text, "sessionBookingUrl")).toBe("https://calendly.com/x/session");
    expect(page.text).toContain(`<title>Coach: ${coach.name} – Program admin</title>`);

    const res = await admin.post(
      `/admin/coaches/${coach.id}`,
      coachPost({
        email: coach.email,
        name: "Ada M. Mensah",
        capacity: "12",
        sessionBookingUrl: "",
        welcomeMessage: "",
      }),
    );
    expect(res.status, res.text).toBe(303);
    expect(res.location).toBe(`/admin/coaches/${coach.id}?saved=updated`);

    const stored = (await call(stack.app, "GET", `/v1/coaches/${coach.id}`, undefined, adminHeaders)).body;
    expect(stored).toMatchObject({ name: "Ada M. Mensah", capacity: 12, activeClients: 0 });
    expect(stored).not.toHaveProperty("sessionBookingUrl");
    expect(stored).not.toHaveProperty("welcomeMessage");
  });

  it("shows the edit's errors at the fields with the typed values, and changes nothing", async () => {
    const coach = await addCoach(stack);
    const res = await admin.post(
      `/admin/coaches/${coach.id}`,
      coachPost({ email: coach.email, name: "Renamed", pricingUrl: "ftp://nope.example" }),
    );
    expect(res.status).toBe(400);
    expect(summaryOf(res.text)).toEqual([
      { href: "pricingUrl", text: "Pricing URL must be a web address like https://example.com" },
    ]);
    expect(inputValue(res.text, "name")).toBe("Renamed");
    expect(inputValue(res.text, "pricingUrl")).toBe("ftp://nope.example");
    const stored = (await call(stack.app, "GET", `/v1/coaches/${coach.id}`, undefined, adminHeaders)).body;
    expect(stored.name).toBe("Ada Mensah");
  });

  it("answers 404 for a coach that does not exist", async () => {
    expect((await admin.get("/admin/coaches/coach_nope")).status).toBe(404);
    expect((await admin.post("/admin/coaches/coach_nope", coachPost())).status).toBe(404);
    expect((await admin.post("/admin/coaches/coach_nope/deactivate")).status).toBe(404);
  });
});

describe("deactivating a coach", () => {
  it("ends every web session of the coach at once (the domain's own deactivation)", async () => {
    const coach = await addCoach(stack);
    const laptop = webBrowser(stack);
    const phone = webBrowser(stack);
    await signIn(stack, laptop, coach.email);
    await signIn(stack, phone, coach.email);
    expect((await laptop.get("/app")).status).toBe(200);

    const res = await admin.post(`/admin/coaches/${coach.id}/deactivate`);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/admin/coaches/${coach.id}?saved=deactivated`);

    for (const browser of [laptop, phone]) {
      const home = await browser.get("/app");
      expect(home.status).toBe(303);
      expect(home.location).toMatch(/^\/app\/sign-in/);
    }
    const page = await admin.get(res.location!);
    expect(page.text).toContain("The coach is deactivated and signed out of the workspace everywhere.");
    expect(page.text).toContain("Reactivate coach");
    expect(isChecked(page.text, "active")).toBe(false);

    const back = await admin.post(`/admin/coaches/${coach.id}/reactivate`);
    expect(back.status).toBe(303);
    const stored = (await call(stack.app, "GET", `/v1/coaches/${coach.id}`, undefined, adminHeaders)).body;
    expect(stored.active).toBe(true);
  });

  it("unticking Active in the edit form deactivates the same way", async () => {
    const coach = await addCoach(stack);
    const laptop = webBrowser(stack);
    await signIn(stack, laptop, coach.email);
    const { active: _active, ...inactive } = coachPost({ email: coach.email });
    expect((await admin.post(`/admin/coaches/${coach.id}`, inactive)).status).toBe(303);
    expect((await laptop.get("/app")).location).toMatch(/^\/app\/sign-in/);
  });
});

describe("the coach list", () => {
  it("lists every coach, active or not, with load against capacity", async () => {
    const full = await addCoach(stack, { name: "Full Coach", capacity: 0 });
    const resting = await addCoach(stack, { name: "Resting Coach", capacity: 5 });
    await admin.post(`/admin/coaches/${resting.id}/deactivate`);

    const page = await admin.get("/admin/coaches");
    expect(page.status).toBe(200);
    const row = (id: string) =>
      new RegExp(`<tr><td><a href="/admin/coaches/${id}">[\\s\\S]*?</tr>`).exec(page.text)?.[0];
    expect(row(full.id)).toContain("0 of 0 clients");
    expect(row(full.id)).toContain("(full)");
    expect(row(full.id)).toContain("Active");
    expect(row(resting.id)).toContain("0 of 5 clients");
    expect(row(resting.id)).toContain("Inactive");
    expect(page.text).toContain('href="/admin/coaches/new"');
  });
});
