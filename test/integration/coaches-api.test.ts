import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";

const coachBody = (email: string, overrides: Record<string, unknown> = {}) => ({
  name: "Ada Mensah",
  email,
  bio: "Engineering manager turned coach.",
  specialties: ["Delegation", "managing up"],
  languages: ["en", "PT"],
  timezone: "Europe/London",
  capacity: 6,
  style: "supportive",
  seniorityLevels: ["lead", "manager"],
  bookingProvider: "calendly",
  bookingUrl: "https://calendly.com/ada/intro",
  pricingUrl: "https://coaching.example.com/ada/pricing",
  active: true,
  ...overrides,
});

describe("coaches admin API", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });

  it("refuses every coach route without the admin token, and with a wrong one", async () => {
    for (const [method, path] of [
      ["POST", "/v1/coaches"],
      ["GET", "/v1/coaches"],
      ["GET", "/v1/coaches/coa_x"],
      ["PATCH", "/v1/coaches/coa_x"],
    ] as const) {
      expect((await call(stack.app, method, path, method === "GET" ? undefined : {})).status).toBe(401);
      const wrong = await call(stack.app, method, path, undefined, { authorization: "Bearer not-the-token" });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe("unauthorized");
    }
  });

  it("creates a coach with normalized fields, then reads, lists and patches it", async () => {
    const email = uniqueEmail("ada");
    const created = await call(stack.app, "POST", "/v1/coaches", coachBody(email), adminHeaders);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email,
      specialties: ["delegation", "managing-up"],
      languages: ["en", "pt"],
      activeClients: 0,
      active: true,
    });
    expect(created.body.id).toMatch(/^coa_[0-9A-Z]{26}$/);

    const read = await call(stack.app, "GET", `/v1/coaches/${created.body.id}`, undefined, adminHeaders);
    expect(read.body).toEqual(created.body);

    const list = await call(stack.app, "GET", "/v1/coaches?limit=100", undefined, adminHeaders);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);

    const patched = await call(
      stack.app,
      "PATCH",
      `/v1/coaches/${created.body.id}`,
      { capacity: 9, active: false },
      adminHeaders,
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ capacity: 9, active: false, name: "Ada Mensah" });
    const inactive = await stack.deps.coaches.coaches.listActive();
    expect(inactive.map((c) => c.id)).not.toContain(created.body.id);
  });

  it("keeps coach emails unique, also when a patch changes an email", async () => {
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    const a = await call(stack.app, "POST", "/v1/coaches", coachBody(first), adminHeaders);
    const b = await call(stack.app, "POST", "/v1/coaches", coachBody(second), adminHeaders);
    const dup = await call(stack.app, "POST", "/v1/coaches", coachBody(first), adminHeaders);
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0].path).toBe("email");

    const clash = await call(stack.app, "PATCH", `/v1/coaches/${b.body.id}`, { email: first }, adminHeaders);
    expect(clash.status).toBe(409);

    const moved = uniqueEmail("moved");
    expect(
      (await call(stack.app, "PATCH", `/v1/coaches/${a.body.id}`, { email: moved }, adminHeaders)).status,
    ).toBe(200);
    expect((await stack.deps.coaches.coaches.findByEmail(moved))?.id).toBe(a.body.id);
    expect(await stack.deps.coaches.coaches.findByEmail(first)).toBeUndefined();
    // The old address is free again.
    expect((await call(stack.app, "POST", "/v1/coaches", coachBody(first), adminHeaders)).status).toBe(201);
  });

  it("keeps an optional session booking URL apart from the intro one: created, read, patched", async () => {
    const plain = await call(stack.app, "POST", "/v1/coaches", coachBody(uniqueEmail("intro")), adminHeaders);
    expect(plain.status).toBe(201);
    expect(plain.body).not.toHaveProperty("sessionBookingUrl");

    const sessionBookingUrl = "https://calendly.com/ada/coaching-session";
    const created = await call(
      stack.app,
      "POST",
      "/v1/coaches",
      coachBody(uniqueEmail("pages"), { sessionBookingUrl }),
      adminHeaders,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ bookingUrl: "https://calendly.com/ada/intro", sessionBookingUrl });
    const read = await call(stack.app, "GET", `/v1/coaches/${created.body.id}`, undefined, adminHeaders);
    expect(read.body.sessionBookingUrl).toBe(sessionBookingUrl);

    const moved = "https://calendly.com/ada/regular";
    const patched = await call(
      stack.app,
      "PATCH",
      `/v1/coaches/${plain.body.id}`,
      { sessionBookingUrl: moved },
      adminHeaders,
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      bookingUrl: "https://calendly.com/ada/intro",
      sessionBookingUrl: moved,
    });
  });

  it.each([
    [
      "an unknown time zone",
      { timezone: "Mars/Olympus" },
      "timezone",
      "Time zone must be a time zone name such as Europe/Lisbon",
    ],
    [
      "a language that is not ISO 639-1",
      { languages: ["english"] },
      "languages.0",
      "Language 1 must be a two-letter language code such as en",
    ],
    [
      "an unknown booking provider",
      { bookingProvider: "zoom" },
      "bookingProvider",
      "Choose booking provider: calendly or calcom",
    ],
    [
      "a booking URL that is not http(s)",
      { bookingUrl: "javascript:alert(1)" },
      "bookingUrl",
      "Intro booking URL must be a web address like https://example.com",
    ],
    [
      "a session booking URL that is not http(s)",
      { sessionBookingUrl: "ftp://calendly.com/ada" },
      "sessionBookingUrl",
      "Session booking URL must be a web address like https://example.com",
    ],
    ["a negative capacity", { capacity: -1 }, "capacity", "Capacity must be at least 0"],
    ["no specialties", { specialties: [] }, "specialties", "Choose at least one of the specialties"],
  ])("answers 400 naming the field for %s in plain words", async (_what, change, path, message) => {
    const res = await call(
      stack.app,
      "POST",
      "/v1/coaches",
      coachBody(uniqueEmail("bad"), change),
      adminHeaders,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path, label: expect.any(String), message }]);
  });

  it("answers 404 for an unknown coach and 400 for an empty patch", async () => {
    expect(
      (await call(stack.app, "GET", "/v1/coaches/coa_01ARZ3NDEKTSV4RRFFQ69G5FAV", undefined, adminHeaders))
        .status,
    ).toBe(404);
    const email = uniqueEmail("empty");
    const created = await call(stack.app, "POST", "/v1/coaches", coachBody(email), adminHeaders);
    const empty = await call(stack.app, "PATCH", `/v1/coaches/${created.body.id}`, {}, adminHeaders);
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual([
      { path: "(body)", label: "The update", message: "The update must change at least one field" },
    ]);
  });
});
