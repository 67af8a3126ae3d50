import { correlationToken } from "@coachflow/core/bookings/correlation";
import { newId } from "@coachflow/core/ids";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PROGRAM_SETTINGS } from "../../packages/core/src/program/defaults";
import { answeredRoutes } from "../../packages/functions/src/app";
import { mintToken } from "../../packages/functions/src/http/jwt";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { bearer, hmacToken, seconds, unsignedToken } from "../support/jwt";
import { call, intakeBody } from "../support/requests";
import { adminHeaders, JWT_SECRET, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calendlyCanceled, calendlyCreated, deliver } from "../support/webhooks";

/**
 * Who may do what (issue 4): every route that needs a bearer token, called by every kind of
 * caller, each answer asserted. The owner is coach A, whose client, session, notes and action item
 * the id-bearing routes name; the other coach is B, who has a client and session of their own.
 *
 * Three more coaches once had something to do with A's client and have nothing now (issue 11,
 * decision 0030): the former coach held an intro with the client that led nowhere; the cancelled
 * coach had a session with them that was cancelled; the email-only coach was booked with the
 * client's address, without a link, so that booking is unverified. None of them reaches the
 * client (profile, goals, action items, "+ new session"); on the session routes each calls with
 * their own session with the client, which stays theirs to read (notes included), and which they
 * cannot finish unless it was held and the client was theirs.
 */

/** Callers with no token or a bad one: each must get 401, whatever the route. */
const BAD_TOKENS = [
  "noToken",
  "expired",
  "malformed",
  "wrongSignature",
  "algNone",
  "missingExp",
  "unknownRole",
  /** A well-signed token of a coach who has since been deactivated (issue 11). */
  "deactivatedCoach",
] as const;
/** Coaches whose match, engagement or session with A's client ended, or never was verified. */
const PAST_COACHES = ["formerCoach", "cancelledCoach", "emailOnlyCoach"] as const;
const PRINCIPALS = ["owner", "otherCoach", ...PAST_COACHES, "adminToken", "adminJwt", ...BAD_TOKENS] as const;
type Who = (typeof PRINCIPALS)[number];
type PastCoach = (typeof PAST_COACHES)[number];

/** Within a row the refused callers go first and the owner last, so a write that works breaks nothing. */
const CALL_ORDER: readonly Who[] = [
  ...BAD_TOKENS,
  "otherCoach",
  ...PAST_COACHES,
  "adminToken",
  "adminJwt",
  "owner",
];

interface World {
  coachA: string;
  coachB: string;
  coachBCapacity: number;
  clientA: string;
  clientAEmail: string;
  clientB: string;
  sessionA: string;
  sessionB: string;
  actionItemA: string;
  deliveryB: string;
  /** A client who only applied: the erasure row erases them. */
  clientToErase: string;
  /** A client whose matches the admin rows change (so that A's client keeps exactly coach A). */
  clientForMatches: string;
  /** Each past coach's own session with A's client (finished, cancelled, unverified). */
  ownSession: Record<PastCoach, string>;
  /** Two unverified bookings of another client: the admin links one and rejects the other. */
  unverifiedToLink: string;
  unverifiedToReject: string;
}

interface Answer {
  status: number;
  body: any;
  text: string;
}

interface Row {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route as Hono knows it (`:id`), for the coverage check. */
  route: string;
  /** The path; `who` lets the session rows name each past coach's own session. */
  path: (w: World, who?: Who) => string;
  body?: (w: World) => unknown;
  expected: Record<Who, number>;
  /** What the answer must (not) carry beyond its status. */
  check?: (who: Who, answer: Answer, w: World) => void;
}

/**
 * The columns that differ by route; every missing or bad token is 401, whatever the route. The
 * past coaches answer as the other coach does unless a row says otherwise (the session rows).
 */
const cells = (
  owner: number,
  otherCoach: number,
  adminToken: number,
  adminJwt: number,
  past: Partial<Record<PastCoach, number>> = {},
) =>
  ({
    owner,
    otherCoach,
    ...Object.fromEntries(PAST_COACHES.map((who) => [who, past[who] ?? otherCoach])),
    adminToken,
    adminJwt,
    ...Object.fromEntries(BAD_TOKENS.map((who) => [who, 401])),
  }) as Record<Who, number>;
const isPast = (who: Who | undefined): who is PastCoach => PAST_COACHES.includes(who as PastCoach);
/** A's session, or, for a past coach, their own session with A's client. */
const sessionOf = (w: World, who?: Who) => (isPast(who) ? w.ownSession[who] : w.sessionA);

const NOTES = `Private: client seemed anxious about the reorg ${Math.random().toString(36).slice(2)}`;
const FORMER_NOTES = `Private: the former coach's own view ${Math.random().toString(36).slice(2)}`;
/** What A's client wrote at intake (the sample intake's challenge): no past coach may read it. */
const CHALLENGE = "I struggle to delegate";
const DAY = 86_400_000;
const HOUR = 3_600_000;
const ada = DEMO_COACHES.find((c) => c.input.name === "Ada Mensah")!.input;
const lucia = DEMO_COACHES.find((c) => c.input.name === "Lucía Fernández")!.input;
const ravi = DEMO_COACHES.find((c) => c.input.name === "Ravi Iyer")!.input;
const tomas = DEMO_COACHES.find((c) => c.input.name === "Tomás Oliveira")!.input;
const hannah = DEMO_COACHES.find((c) => c.input.name === "Hannah Becker")!.input;
const isAdmin = (who: Who) => who === "adminToken" || who === "adminJwt";

let futureDate = "";
const goalsBody = () => ({
  goals: [
    { text: "Delegate code reviews", measure: "Reviews no more than 2 PRs a week", targetDate: futureDate },
  ],
});
const coachBody = () => ({
  ...ada,
  name: "Matrix Coach",
  email: uniqueEmail("matrix-coach"),
  bookingUrl: "https://calendly.com/matrix-coach/intro",
  pricingUrl: "https://coaching.example.com/matrix-coach/pricing",
  active: false,
});

//    route                                        owner otherCoach adminToken adminJwt  (bad tokens: 401)
const MATRIX: Row[] = [
  {
    method: "GET",
    route: "/v1/me/sessions",
    path: () => "/v1/me/sessions",
    expected: cells(200, 200, 403, 403, { formerCoach: 200, cancelledCoach: 200, emailOnlyCoach: 200 }),
    check(who, { status, body }, w) {
      if (status !== 200) return;
      const ids = body.sessions.map((s: { id: string }) => s.id);
      if (who === "owner") expect(ids).toContain(w.sessionA);
      if (who === "owner") expect(ids).not.toContain(w.sessionB);
      if (who === "otherCoach") expect(ids).toContain(w.sessionB);
      if (who === "otherCoach") expect(ids).not.toContain(w.sessionA);
    },
  },
  {
    method: "GET",
    route: "/v1/sessions/:id",
    path: (w, who) => `/v1/sessions/${sessionOf(w, who)}`,
    // A past coach's own session stays theirs to read, notes included, without the client's brief.
    expected: cells(200, 404, 200, 200, { formerCoach: 200, cancelledCoach: 200, emailOnlyCoach: 200 }),
    check(who, { status, body, text }, w) {
      if (status !== 200) return;
      expect(body.id).toBe(sessionOf(w, who));
      if (who === "owner") expect(body.notes).toBe(NOTES);
      if (isAdmin(who)) expect(body).not.toHaveProperty("notes");
      if (who === "owner" || isAdmin(who)) expect(text).toContain(CHALLENGE);
      if (isPast(who)) expect(text, who).not.toContain(CHALLENGE);
      if (who === "formerCoach") expect(body.notes).toBe(FORMER_NOTES);
      if (who === "emailOnlyCoach")
        expect(body).toMatchObject({ unverified: true, client: { name: "Not Sam" } });
    },
  },
  {
    method: "PUT",
    route: "/v1/sessions/:id/notes",
    path: (w, who) => `/v1/sessions/${sessionOf(w, who)}/notes`,
    body: () => ({ notes: NOTES }),
    expected: cells(200, 404, 403, 403, { formerCoach: 200, cancelledCoach: 200, emailOnlyCoach: 200 }),
  },
  {
    method: "POST",
    route: "/v1/sessions/:id/finish",
    path: (w, who) => `/v1/sessions/${sessionOf(w, who)}/finish`,
    body: () => ({
      takeaways: ["Delegation starts with one review a week"],
      actionItems: [{ text: "Hand one review to a teammate", dueDate: futureDate }],
      next: { type: "ad-hoc" },
      workTogether: true,
    }),
    // The former coach's intro was finished already; a cancelled session has nothing to finish;
    // an unverified booking is finished only once someone says whose it is.
    expected: cells(200, 404, 403, 403, { formerCoach: 200, cancelledCoach: 409, emailOnlyCoach: 409 }),
    check(who, { status, body }) {
      // Finished in the setup already: the owner's call changes and sends nothing.
      if ((who === "owner" || who === "formerCoach") && status === 200)
        expect(body.alreadyFinished).toBe(true);
    },
  },
  {
    method: "GET",
    route: "/v1/clients/:id",
    path: (w) => `/v1/clients/${w.clientA}`,
    expected: cells(200, 404, 200, 200),
    check(_who, { status, body }, w) {
      if (status === 200) expect(body.id).toBe(w.clientA);
    },
  },
  {
    method: "GET",
    route: "/v1/clients/:id/export",
    path: (w) => `/v1/clients/${w.clientA}/export`,
    expected: cells(403, 403, 200, 200),
    check(_who, { status, body }, w) {
      if (status === 200) expect(body.client.id).toBe(w.clientA);
    },
  },
  {
    method: "DELETE",
    route: "/v1/clients/:id",
    path: (w) => `/v1/clients/${w.clientToErase}`,
    // The admin token erases the client; the admin JWT, calling next, finds nothing left.
    expected: cells(403, 403, 200, 404),
  },
  {
    method: "PUT",
    route: "/v1/clients/:id/matches",
    path: (w) => `/v1/clients/${w.clientForMatches}/matches`,
    body: (w) => ({ coachIds: [w.coachA] }),
    expected: cells(403, 403, 200, 200),
  },
  {
    method: "POST",
    route: "/v1/clients/:id/rematch",
    path: (w) => `/v1/clients/${w.clientForMatches}/rematch`,
    expected: cells(403, 403, 200, 200),
  },
  {
    method: "POST",
    route: "/v1/clients/:id/sessions",
    path: (w) => `/v1/clients/${w.clientA}/sessions`,
    expected: cells(202, 404, 403, 403),
  },
  {
    method: "PUT",
    route: "/v1/clients/:id/goals",
    path: (w) => `/v1/clients/${w.clientA}/goals`,
    body: goalsBody,
    expected: cells(200, 404, 200, 200),
  },
  {
    method: "GET",
    route: "/v1/clients/:id/action-items",
    path: (w) => `/v1/clients/${w.clientA}/action-items`,
    expected: cells(200, 404, 200, 200),
    check(_who, { status, body }, w) {
      if (status === 200) expect(body.actionItems.map((i: { id: string }) => i.id)).toContain(w.actionItemA);
    },
  },
  {
    method: "PATCH",
    route: "/v1/action-items/:id",
    path: (w) => `/v1/action-items/${w.actionItemA}`,
    body: () => ({ done: true }),
    expected: cells(200, 404, 200, 200),
  },
  {
    method: "POST",
    route: "/v1/coaches",
    path: () => "/v1/coaches",
    body: coachBody,
    expected: cells(403, 403, 201, 201),
  },
  {
    method: "GET",
    route: "/v1/coaches",
    path: () => "/v1/coaches",
    expected: cells(403, 403, 200, 200),
  },
  {
    method: "GET",
    route: "/v1/coaches/:id",
    path: (w) => `/v1/coaches/${w.coachA}`,
    expected: cells(403, 403, 200, 200),
  },
  {
    // A coach's own Cal.com webhook secret: the admin's to hand out, never a coach's to read.
    method: "GET",
    route: "/v1/coaches/:id/webhook",
    path: (w) => `/v1/coaches/${w.coachA}/webhook`,
    expected: cells(403, 403, 200, 200),
    check: (who, answer) => {
      if (who === "owner" || who === "otherCoach") expect(answer.text).not.toContain('secret":');
    },
  },
  {
    method: "POST",
    route: "/v1/coaches/:id/webhook/rotate",
    path: (w) => `/v1/coaches/${w.coachB}/webhook/rotate`,
    expected: cells(403, 403, 200, 200),
  },
  {
    method: "PATCH",
    route: "/v1/coaches/:id",
    path: (w) => `/v1/coaches/${w.coachB}`,
    body: (w) => ({ capacity: w.coachBCapacity }),
    expected: cells(403, 403, 200, 200),
  },
  {
    method: "GET",
    route: "/v1/program",
    path: () => "/v1/program",
    expected: cells(403, 403, 200, 200),
  },
  {
    // Without If-Match: an admin gets past the check of who is calling and meets the 428.
    method: "PUT",
    route: "/v1/program",
    path: () => "/v1/program",
    body: () => DEFAULT_PROGRAM_SETTINGS,
    expected: cells(403, 403, 428, 428),
  },
  {
    method: "GET",
    route: "/v1/webhook-deliveries",
    path: () => "/v1/webhook-deliveries?status=processed",
    expected: cells(403, 403, 200, 200),
  },
  {
    method: "POST",
    route: "/v1/webhook-deliveries/:id/replay",
    path: (w) => `/v1/webhook-deliveries/${w.deliveryB}/replay`,
    expected: cells(403, 403, 200, 200),
  },
  {
    method: "GET",
    route: "/v1/unverified-bookings",
    path: () => "/v1/unverified-bookings",
    expected: cells(403, 403, 200, 200),
    check(_who, { status, body }, w) {
      if (status !== 200) return;
      const ids = body.unverifiedBookings.map((u: { id: string }) => u.id);
      expect(ids).toContain(w.ownSession.emailOnlyCoach);
    },
  },
  {
    method: "POST",
    route: "/v1/unverified-bookings/:id/link",
    path: (w) => `/v1/unverified-bookings/${w.unverifiedToLink}/link`,
    // The admin token links it; the admin JWT, calling next, finds nothing waiting.
    expected: cells(403, 403, 200, 404),
  },
  {
    method: "POST",
    route: "/v1/unverified-bookings/:id/reject",
    path: (w) => `/v1/unverified-bookings/${w.unverifiedToReject}/reject`,
    expected: cells(403, 403, 200, 404),
  },
  {
    method: "POST",
    route: "/v1/auth/coach-tokens",
    path: () => "/v1/auth/coach-tokens",
    body: (w) => ({ coachId: w.coachA }),
    expected: cells(403, 403, 201, 201),
    check(_who, { status, body }) {
      // Without a lifetime asked for, 12 hours (issue 11).
      if (status === 201) expect(body.expiresIn).toBe(12 * 3600);
    },
  },
];

/** Routes anyone may call: the intake (and its signed confirmation link), signed webhooks and links, docs, health, the local clock. */
const PUBLIC_ROUTES = [
  "GET /health",
  "GET /openapi.json",
  "GET /docs",
  "GET /docs/assets/:file",
  "GET /intake",
  "POST /v1/intake",
  "GET /intake/confirm/:token",
  "POST /intake/confirm/:token",
  "POST /v1/webhooks/calendly",
  "POST /v1/webhooks/calcom",
  "POST /v1/webhooks/calcom/:coachId",
  "GET /l/:token",
  "POST /l/:token",
  "GET /_local/clock",
  "POST /_local/clock",
  "GET /_local/schedules",
];

describe("authorization matrix: every route × every kind of caller", () => {
  let stack: TestStack;
  let w: World;
  let headers: Record<Who, Record<string, string>>;

  const send = async (row: Row, who: Who, path = row.path(w, who)): Promise<Answer> => {
    const res = await call(stack.app, row.method, path, row.body?.(w), headers[who]);
    return { status: res.status, body: res.body, text: JSON.stringify(res.body) };
  };

  let seq = 0;
  /**
   * A one-hour Calendly booking with `coachEmail` by `email`, `hoursAhead` from now (negative: in
   * the past); `tokenFor` the client whose link (for this coach) it came through, if any.
   */
  async function book(b: {
    email: string;
    coachEmail: string;
    hoursAhead: number;
    tokenFor?: string;
    name?: string;
  }) {
    const start = Math.floor((stack.clock.now().getTime() + b.hoursAhead * HOUR) / 60_000) * 60_000;
    const coachId = (await stack.deps.coaches.coaches.findIdByEmail(b.coachEmail))!;
    const booking = {
      id: `MX${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase(),
      start: new Date(start).toISOString(),
      end: new Date(start + HOUR).toISOString(),
      email: b.email,
      coachEmail: b.coachEmail,
      ...(b.name ? { name: b.name } : {}),
      ...(b.tokenFor ? { token: correlationToken(b.tokenFor, coachId, stack.deps.config.linkSecret) } : {}),
    };
    const delivered = await deliver(stack, "calendly", calendlyCreated(booking));
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    return {
      booking,
      sessionId: delivered.body.sessionId as string,
      deliveryId: delivered.body.deliveryId as string,
    };
  }

  /** A client who applied and booked a one-hour session with `coachEmail` that ended an hour ago. */
  async function pastSession(label: string, coachEmail: string) {
    const email = uniqueEmail(label);
    const intake = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    expect(intake.status).toBe(201);
    const clientId: string = intake.body.clientId;
    const booked = await book({ email, coachEmail, hoursAhead: -2, tokenFor: clientId });
    return { clientId, email, sessionId: booked.sessionId, deliveryId: booked.deliveryId };
  }

  const intakeOf = async (label: string) =>
    (await call(stack.app, "POST", "/v1/intake", intakeBody(uniqueEmail(label)))).body.clientId as string;
  async function matchOnly(clientId: string, coachId: string) {
    const res = await call(
      stack.app,
      "PUT",
      `/v1/clients/${clientId}/matches`,
      { coachIds: [coachId] },
      adminHeaders,
    );
    expect(res.status).toBe(200);
  }

  const coachIdOf = async (email: string) => (await stack.deps.coaches.coaches.findIdByEmail(email))!;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
    const coachA = (await stack.deps.coaches.coaches.findByEmail(ada.email))!;
    const coachB = (await stack.deps.coaches.coaches.findByEmail(lucia.email))!;
    futureDate = new Date(stack.clock.now().getTime() + 14 * DAY).toISOString().slice(0, 10);

    const a = await pastSession("MXA", ada.email);
    const b = await pastSession("MXB", lucia.email);
    // A's client has coach A as their one match, and nobody else.
    await matchOnly(a.clientId, coachA.id);

    const ownerHeaders = await stack.coachHeaders(coachA.id);
    const finished = await call(
      stack.app,
      "POST",
      `/v1/sessions/${a.sessionId}/finish`,
      {
        takeaways: ["Name one review to hand over"],
        actionItems: [{ text: "Hand one review to a teammate", dueDate: futureDate }],
        next: { type: "ad-hoc" },
        workTogether: true,
      },
      ownerHeaders,
    );
    expect(finished.status).toBe(200);
    const notes = await call(
      stack.app,
      "PUT",
      `/v1/sessions/${a.sessionId}/notes`,
      { notes: NOTES },
      ownerHeaders,
    );
    expect(notes.status).toBe(200);

    // The past coaches, each with their own session with A's client.
    const [former, cancelled, emailOnly] = [ravi, tomas, hannah];
    const formerIntro = await book({
      email: a.email,
      coachEmail: former.email,
      hoursAhead: -3,
      tokenFor: a.clientId,
    });
    const formerHeaders = await stack.coachHeaders(await coachIdOf(former.email));
    const ended = await call(
      stack.app,
      "POST",
      `/v1/sessions/${formerIntro.sessionId}/finish`,
      {
        takeaways: ["A first conversation"],
        actionItems: [],
        next: { type: "end" },
        workTogether: false,
        privateNotes: FORMER_NOTES,
      },
      formerHeaders,
    );
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const toCancel = await book({
      email: a.email,
      coachEmail: cancelled.email,
      hoursAhead: 48,
      tokenFor: a.clientId,
    });
    const cancel = await deliver(
      stack,
      "calendly",
      calendlyCanceled({ ...toCancel.booking, coachEmail: cancelled.email }),
    );
    expect(cancel.status).toBe(200);
    // Booked with the client's address and no link, by a coach who does not work with them.
    const unverified = await book({
      email: a.email,
      coachEmail: emailOnly.email,
      hoursAhead: -2,
      name: "Not Sam",
    });
    const other = await intakeOf("MXU");
    await matchOnly(other, coachA.id);
    const otherEmail = (await call(stack.app, "GET", `/v1/clients/${other}`, undefined, adminHeaders)).body
      .email;
    const toLink = await book({ email: otherEmail, coachEmail: emailOnly.email, hoursAhead: 30 });
    const toReject = await book({ email: otherEmail, coachEmail: emailOnly.email, hoursAhead: 31 });

    w = {
      coachA: coachA.id,
      coachB: coachB.id,
      coachBCapacity: coachB.capacity,
      clientA: a.clientId,
      clientAEmail: a.email,
      clientB: b.clientId,
      sessionA: a.sessionId,
      sessionB: b.sessionId,
      actionItemA: finished.body.finish.actionItemIds[0],
      deliveryB: b.deliveryId,
      clientToErase: await intakeOf("MXE"),
      clientForMatches: await intakeOf("MXM"),
      ownSession: {
        formerCoach: formerIntro.sessionId,
        cancelledCoach: toCancel.sessionId,
        emailOnlyCoach: unverified.sessionId,
      },
      unverifiedToLink: toLink.sessionId,
      unverifiedToReject: toReject.sessionId,
    };

    // A coach who could sign in once and has since been deactivated.
    const leaving = await call(
      stack.app,
      "POST",
      "/v1/coaches",
      { ...coachBody(), active: true },
      adminHeaders,
    );
    expect(leaving.status).toBe(201);
    const leavingHeaders = await stack.coachHeaders(leaving.body.id);
    expect((await call(stack.app, "GET", "/v1/me/sessions", undefined, leavingHeaders)).status).toBe(200);
    const off = { active: false };
    expect((await call(stack.app, "PATCH", `/v1/coaches/${leaving.body.id}`, off, adminHeaders)).status).toBe(
      200,
    );

    // Every bad token but the malformed one and the deactivated coach's claims to be coach A.
    const now = stack.clock.now();
    const asA = { sub: coachA.id, role: "coach", iat: seconds(now), exp: seconds(now) + 3600 };
    headers = {
      owner: ownerHeaders,
      otherCoach: await stack.coachHeaders(coachB.id),
      formerCoach: formerHeaders,
      cancelledCoach: await stack.coachHeaders(await coachIdOf(cancelled.email)),
      emailOnlyCoach: await stack.coachHeaders(await coachIdOf(emailOnly.email)),
      adminToken: adminHeaders,
      adminJwt: bearer(await mintToken(JWT_SECRET, { sub: "someone", role: "admin" }, 3600, now)),
      noToken: {},
      expired: bearer(
        await hmacToken(JWT_SECRET, { ...asA, iat: seconds(now) - 7200, exp: seconds(now) - 3600 }),
      ),
      malformed: bearer("abc.def"),
      wrongSignature: bearer(await hmacToken("another-secret-0123456789abcdef0123456789", asA)),
      algNone: bearer(unsignedToken(asA)),
      missingExp: bearer(await hmacToken(JWT_SECRET, { ...asA, exp: undefined })),
      unknownRole: bearer(await hmacToken(JWT_SECRET, { ...asA, role: "superuser" })),
      deactivatedCoach: leavingHeaders,
    };
  });

  it("covers every route of the app that is not public", async () => {
    // The coach workspace (/app) takes no bearer token: its pages need a web session, which
    // test/integration/workspace-sign-in.test.ts checks for every one of its routes. The admin
    // console (/admin) neither: admin-sign-in.test.ts checks its pages need an admin's session.
    const routes = new Set(
      (await answeredRoutes(stack.app))
        .filter((r) => !/^\/(app|admin)(\/|$)/.test(r.path))
        .map((r) => `${r.method} ${r.path}`),
    );
    const inMatrix = MATRIX.map((r) => `${r.method} ${r.route}`);
    expect([...routes].filter((r) => !PUBLIC_ROUTES.includes(r)).sort()).toEqual([...inMatrix].sort());
  });

  it.each(MATRIX.map((row) => [`${row.method} ${row.route}`, row] as const))(
    "%s answers every caller as the contract says",
    async (_name, row) => {
      const actual = {} as Record<Who, number>;
      for (const who of CALL_ORDER) {
        const answer = await send(row, who);
        actual[who] = answer.status;
        if (answer.status === 401) {
          expect(answer.body.error.code, who).toBe("unauthorized");
        }
        if (answer.status === 403) expect(answer.body.error.code, who).toBe("forbidden");
        if (answer.status === 404) expect(answer.body.error.code, who).toBe("not_found");
        // A's private notes reach nobody but A.
        if (who !== "owner") expect(answer.text, `${who} saw the notes`).not.toContain(NOTES);
        row.check?.(who, answer, w);
      }
      expect(actual).toEqual(row.expected);
      expect(Object.keys(actual).sort()).toEqual([...PRINCIPALS].sort());
    },
  );

  it("answers a missing or bad token with a Bearer challenge", async () => {
    for (const who of BAD_TOKENS) {
      const res = await stack.app.request(`/v1/sessions/${w.sessionA}`, { headers: headers[who] });
      expect(res.status, who).toBe(401);
      expect(res.headers.get("www-authenticate"), who).toBe('Bearer realm="coachflow"');
    }
  });

  const coachRoutesWithIds = MATRIX.filter((r) => r.expected.otherCoach === 404);
  it.each(coachRoutesWithIds.map((row) => [`${row.method} ${row.route}`, row] as const))(
    "%s: another coach's id answers exactly like an id that does not exist",
    async (_name, row) => {
      const foreign = await send(row, "otherCoach");
      const missingPath = row
        .path(w)
        .replace(w.sessionA, newId("session"))
        .replace(w.clientA, newId("client"))
        .replace(w.actionItemA, newId("actionItem"));
      expect(missingPath).not.toBe(row.path(w));
      const missing = await send(row, "otherCoach", missingPath);
      expect(foreign.status).toBe(404);
      expect(missing).toEqual(foreign);
      // The owner on the missing id gets the same answer too.
      expect(await send(row, "owner", missingPath)).toEqual(foreign);
    },
  );

  it("keeps the private notes for coach A alone after every other caller has tried", async () => {
    const asOwner = await call(stack.app, "GET", `/v1/sessions/${w.sessionA}`, undefined, headers.owner);
    expect(asOwner.body.notes).toBe(NOTES);
    for (const who of ["adminToken", "adminJwt"] as const) {
      const asAdmin = await call(stack.app, "GET", `/v1/sessions/${w.sessionA}`, undefined, headers[who]);
      expect(asAdmin.status).toBe(200);
      expect(asAdmin.body).not.toHaveProperty("notes");
      expect(JSON.stringify(asAdmin.body)).not.toContain(NOTES);
      const client = await call(stack.app, "GET", `/v1/clients/${w.clientA}`, undefined, headers[who]);
      expect(JSON.stringify(client.body)).not.toContain(NOTES);
    }
  });
});
