import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PROGRAM_SETTINGS } from "../../packages/core/src/program/defaults";
import type { ProgramSettings } from "../../packages/core/src/program/schema";
import { DAY, HOUR, moveTo, type TestCoach } from "../support/coaching";
import { call, intakeBody } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calendlyCreated, deliver } from "../support/webhooks";

/**
 * The program's own words (issue 12) through the API, against DynamoDB Local: the settings
 * document with its ETag, vocabularies that every input accepts in any spelling, matching,
 * agendas with the program's skills and templates, and the guards on stale or harmful edits.
 */

let seq = 0;
const uid = (label: string) => `${label}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

const OWN_WORDS: ProgramSettings = {
  ...DEFAULT_PROGRAM_SETTINGS,
  coachingStyles: [
    ...DEFAULT_PROGRAM_SETTINGS.coachingStyles,
    { id: "socratic", label: "Socratic", aliases: ["question-led"] },
  ],
  seniorityLevels: [
    ...DEFAULT_PROGRAM_SETTINGS.seniorityLevels,
    { id: "tlm", label: "Tech lead manager", aliases: ["TLM"] },
  ],
  skills: [
    { id: "delegation", name: "Delegation", description: "Handing work off and letting it go." },
    { id: "influence", name: "Influence", description: "Moving decisions without authority." },
  ],
};

describe("program settings (GET/PUT /v1/program)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });

  const read = () => call(stack.app, "GET", "/v1/program", undefined, adminHeaders);
  const put = (settings: unknown, ifMatch?: string) =>
    call(stack.app, "PUT", "/v1/program", settings, {
      ...adminHeaders,
      ...(ifMatch ? { "if-match": ifMatch } : {}),
    });
  const settingsOf = (body: Record<string, unknown>) => {
    const { version: _v, updatedAt: _u, ...settings } = body;
    return settings;
  };

  /** Books the next session of a client with a coach, `days` from now; answers the session id. */
  async function book(coach: TestCoach, email: string, days: number): Promise<string> {
    const start = stack.clock.now().getTime() + days * DAY;
    const res = await deliver(
      stack,
      "calendly",
      calendlyCreated({
        id: uid("inv"),
        start: new Date(start).toISOString(),
        end: new Date(start + HOUR).toISOString(),
        email,
        name: "Sam Rivera",
        coachEmail: coach.email,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.sessionId as string;
  }
  const session = async (id: string) =>
    (await call(stack.app, "GET", `/v1/sessions/${id}`, undefined, adminHeaders)).body;

  it("answers the defaults, version 0, with an ETag: tech leads among the levels, no skills", async () => {
    const res = await read();

    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"v0"');
    expect(res.body.version).toBe(0);
    expect(settingsOf(res.body)).toEqual(DEFAULT_PROGRAM_SETTINGS);
    expect(res.body.seniorityLevels).toContainEqual(
      expect.objectContaining({ id: "lead", label: "Tech lead" }),
    );
    expect(res.body.skills).toEqual([]);
  });

  it("needs If-Match (428), refuses a stale one (412) and bad settings (400), and stores nothing then", async () => {
    const missing = await put(OWN_WORDS);
    const stale = await put(OWN_WORDS, '"v7"');
    const bad = await put({ ...OWN_WORDS, coachingStyles: [{ id: "Socratic Style", label: "" }] }, '"v0"');

    expect(missing.status).toBe(428);
    expect(stale.status).toBe(412);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      "coachingStyles.0.id",
      "coachingStyles.0.label",
    ]);
    expect((await read()).headers.get("etag")).toBe('"v0"');
  });

  describe("a program's own words, end to end", () => {
    let coach: TestCoach;
    const clientEmail = uniqueEmail("own-words");
    let starterTwo: string;
    let intro: string;

    it("refuses a style the program does not have, listing the accepted labels", async () => {
      const res = await call(stack.app, "POST", "/v1/coaches", coachBody("Socratic"), adminHeaders);

      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([
        {
          path: "style",
          label: "Coaching style",
          message: expect.stringMatching(/^Choose coaching style: Supportive, Challenging, .* or Holistic$/),
        },
      ]);
    });

    it("stores the settings, and a coach and an intake named in label and alias spellings match by them", async () => {
      const etag = (await read()).headers.get("etag")!;
      const stored = await put(OWN_WORDS, etag);
      expect(stored.status, JSON.stringify(stored.body)).toBe(200);
      expect(stored.headers.get("etag")).toBe('"v1"');

      const form = await (await stack.app.request("/intake")).text();
      expect(form).toContain('<option value="socratic" >Socratic</option>');
      expect(form).toContain('<option value="tlm" >Tech lead manager</option>');

      const created = await call(
        stack.app,
        "POST",
        "/v1/coaches",
        { ...coachBody("question led"), seniorityLevels: ["Tech Lead Manager", "tech-lead", "TECH LEAD"] },
        adminHeaders,
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      coach = created.body;
      expect(created.body.style).toBe("socratic");
      expect(created.body.seniorityLevels).toEqual(["tlm", "lead"]);

      const sample = intakeBody(clientEmail);
      const intake = await call(stack.app, "POST", "/v1/intake", {
        ...sample,
        seniority: "TLM",
        preferences: { ...sample.preferences, style: "  SOCRATIC ", topics: ["Delegation"] },
      });
      expect(intake.status, JSON.stringify(intake.body)).toBe(201);
      expect(intake.body.matches[0].coachId).toBe(coach.id);
      expect(intake.body.matches[0].reasons).toContain("Coaching style: socratic, as you prefer");
      expect(intake.body.matches[0].reasons).toContain(
        "Works with clients at your level (Tech lead manager)",
      );
      const client = await call(
        stack.app,
        "GET",
        `/v1/clients/${intake.body.clientId}`,
        undefined,
        adminHeaders,
      );
      expect(client.body.preferences.style).toBe("socratic");
      expect(client.body.seniority).toBe("tlm");
    });

    it("lists the program's skills in a starter session's 'explore one skill' section", async () => {
      intro = await book(coach, clientEmail, 2);
      await book(coach, clientEmail, 9); // starter 1
      starterTwo = await book(coach, clientEmail, 16);

      // The coach's brief names the client's words by the program's labels, not its ids.
      const brief = (await stack.emailsTo(coach.email)).find((m) => m.subject.startsWith("Coach brief"));
      expect(brief?.body.text).toContain("(Tech lead manager)");
      expect(brief?.body.text).toMatch(/Socratic/);

      const agenda = (await session(starterTwo)).agenda;
      expect(agenda.title).toBe("Starter session 2 of 7: Building the coaching relationship");
      expect(
        agenda.sections.find((s: { heading: string }) => s.heading === "Explore one skill").points,
      ).toEqual([
        "Review the core skills together, choose one to explore this call, and dive into it.",
        "Skill: Delegation — Handing work off and letting it go.",
        "Skill: Influence — Moving decisions without authority.",
      ]);
    });

    it("leaves a booked session's agenda as it was when the templates change; later bookings get the new ones", async () => {
      const before = (await session(starterTwo)).agenda;
      await moveTo(stack, stack.clock.now().getTime() + 60_000);
      const etag = (await read()).headers.get("etag")!;
      const templates = OWN_WORDS.agendaTemplates;
      const changed = await put(
        {
          ...OWN_WORDS,
          agendaTemplates: {
            ...templates,
            starterMiddle: { ...templates.starterMiddle, title: "{{session}}: Our own way" },
          },
        },
        etag,
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);

      const starterThree = await book(coach, clientEmail, 23);

      expect((await session(starterTwo)).agenda).toEqual(before);
      expect((await session(starterThree)).agenda.title).toBe("Starter session 3 of 7: Our own way");
    });

    it("refuses to remove a style and a level still in use, saying how many use them (409)", async () => {
      const etag = (await read()).headers.get("etag")!;
      const res = await put(
        {
          ...OWN_WORDS,
          coachingStyles: DEFAULT_PROGRAM_SETTINGS.coachingStyles,
          seniorityLevels: DEFAULT_PROGRAM_SETTINGS.seniorityLevels,
        },
        etag,
      );

      expect(res.status).toBe(409);
      expect(res.body.error.fields).toEqual([
        expect.objectContaining({
          path: "coachingStyles",
          message: expect.stringContaining('"Socratic" is used by 1 coach and 1 client'),
          uses: { coaches: 1, clients: 1 },
        }),
        expect.objectContaining({
          path: "seniorityLevels",
          message: expect.stringContaining('"Tech lead manager" is used by 1 coach and 1 client'),
          uses: { coaches: 1, clients: 1 },
        }),
      ]);
      expect((await read()).headers.get("etag")).toBe(etag);
    });

    it("records the skill explored at finish, names it in the follow-up and shows it on the client's timeline", async () => {
      const { agenda: _a, startsAt, clientId } = await session(starterTwo);
      await moveTo(stack, Date.parse(startsAt) + 2 * HOUR);
      const headers = await stack.coachHeaders(coach.id);
      const unknown = await call(
        stack.app,
        "POST",
        `/v1/sessions/${starterTwo}/finish`,
        { takeaways: [], actionItems: [], next: { type: "ad-hoc" }, skill: "juggling" },
        headers,
      );
      const done = await call(
        stack.app,
        "POST",
        `/v1/sessions/${starterTwo}/finish`,
        {
          takeaways: ["Influence starts with listening"],
          actionItems: [],
          next: { type: "ad-hoc" },
          skill: "INFLUENCE",
        },
        headers,
      );

      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields).toEqual([
        { path: "skill", label: "Skill explored", message: "Choose skill explored: Delegation or Influence" },
      ]);
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect((await session(starterTwo)).finish.skill).toBe("influence");
      const followup = (await stack.emailsTo(clientEmail)).find(
        (m) => m.subject === "Thank you for today's session",
      );
      expect(followup?.body.text).toContain(
        "The skill you explored today: Influence — Moving decisions without authority.",
      );
      const timeline = await call(stack.app, "GET", `/v1/clients/${clientId}`, undefined, adminHeaders);
      expect(timeline.body.skillsCovered).toEqual([
        { id: "influence", name: "Influence", sessionId: starterTwo, startsAt },
      ]);
      expect(timeline.body.sessions.find((s: { id: string }) => s.id === starterTwo).skill).toBe("influence");
    });

    it("opens the welcome with pricing with the coach's own welcome message when they wrote one", async () => {
      const message = "Sam, I loved our talk about the payments team. Let's make your first 90 days count.";
      const patched = await call(
        stack.app,
        "PATCH",
        `/v1/coaches/${coach.id}`,
        { welcomeMessage: message },
        adminHeaders,
      );
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);

      const done = await call(
        stack.app,
        "POST",
        `/v1/sessions/${intro}/finish`,
        { takeaways: [], actionItems: [], next: { type: "ad-hoc" }, workTogether: true },
        await stack.coachHeaders(coach.id),
      );

      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const welcome = (await stack.emailsTo(clientEmail)).find(
        (m) => m.subject === "Looking forward to working with you",
      );
      expect(welcome?.body.text).toContain(message);
      expect(welcome?.body.text).not.toContain("enjoyed getting to know you");
    });

    it("lets a word go once nobody uses it", async () => {
      const etag = (await read()).headers.get("etag")!;
      const unused = OWN_WORDS.coachingStyles.filter((s) => s.id !== "holistic");

      const res = await put({ ...OWN_WORDS, coachingStyles: unused }, etag);

      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.coachingStyles.map((s: { id: string }) => s.id)).not.toContain("holistic");
    });
  });
});

function coachBody(style: string) {
  const slug = `own-${Math.random().toString(36).slice(2, 10)}`;
  return {
    name: "Noor Haddad",
    email: uniqueEmail(slug),
    bio: "Asks the questions that let tech leads find their own answers.",
    specialties: ["delegation", "leadership"],
    languages: ["en"],
    timezone: "Europe/London",
    capacity: 8,
    style,
    seniorityLevels: ["lead"],
    bookingProvider: "calendly",
    bookingUrl: `https://calendly.com/${slug}/session`,
    pricingUrl: `https://coaching.example.com/${slug}/pricing`,
  };
}

describe("removing a style that clients stored before the settings existed still use", () => {
  it("counts them from their own profiles (409), with no counter ever written", async () => {
    const stack = await startTestStack();
    // A client as an earlier version stored it: profile and listing entry, no usage counter.
    const doc = DynamoDBDocumentClient.from(stack.deps.aws.dynamodb);
    await doc.send(
      new PutCommand({
        TableName: stack.deps.config.tableName,
        Item: {
          pk: "CLIENT#cli_before",
          sk: "PROFILE",
          gsi1pk: "CLIENTS",
          gsi1sk: "cli_before",
          type: "client",
          id: "cli_before",
          seniority: "lead",
          preferences: { style: "practical", topics: [], languages: ["en"] },
        },
      }),
    );
    const etag = (await call(stack.app, "GET", "/v1/program", undefined, adminHeaders)).headers.get("etag")!;

    const res = await call(
      stack.app,
      "PUT",
      "/v1/program",
      {
        ...DEFAULT_PROGRAM_SETTINGS,
        coachingStyles: DEFAULT_PROGRAM_SETTINGS.coachingStyles.filter((s) => s.id !== "practical"),
      },
      { ...adminHeaders, "if-match": etag },
    );

    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({ path: "coachingStyles", uses: { coaches: 0, clients: 1 } }),
    ]);
  });
});
