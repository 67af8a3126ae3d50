import { signCalcom, signCalendly } from "@coachflow/core/webhooks/signatures";
import { beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../../packages/functions/src/http/jwt";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { bearer } from "../support/jwt";
import {
  adminHeaders,
  CALCOM_SECRET,
  CALENDLY_KEY,
  JWT_SECRET,
  startTestStack,
  type TestStack,
  uniqueEmail,
} from "../support/stack";
import { calcomEvent, calendlyCreated } from "../support/webhooks";

const HOUR = 3600_000;
const calendlyCoach = DEMO_COACHES.find((c) => c.input.bookingProvider === "calendly")!.input;
const calcomCoach = DEMO_COACHES.find((c) => c.input.bookingProvider === "calcom")!.input;
const uid = (label: string) => `${label}${Date.now().toString(36)}`.toUpperCase();
/** The machine's time, in unix seconds: what a provider signs with, and what a token is minted at. */
const wallSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Simulated time must never govern security (issue 9): the README's order of steps, where a new
 * user moves the local clock and then goes on using the demo token and sending webhooks.
 */
describe("after the local clock is moved 72 hours", () => {
  let stack: TestStack;
  let coachId: string;
  let tokenBeforeTheMove: string;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
    coachId = (await stack.deps.coaches.coaches.findByEmail(calendlyCoach.email))!.id;
    tokenBeforeTheMove = await mintToken(JWT_SECRET, { sub: coachId, role: "coach" }, 12 * 3600, new Date());
    const moved = await stack.app.request("/_local/clock", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advanceBy: "PT72H" }),
    });
    expect(moved.status).toBe(200);
    expect(stack.clock.offsetMs).toBeGreaterThanOrEqual(72 * HOUR);
  });

  /** A booking 2 days after the program's now, posted with `headers`. */
  async function post(provider: "calendly" | "calcom", raw: string, headers: Record<string, string>) {
    const res = await stack.app.request(`/v1/webhooks/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: raw,
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  const programAt = (hours: number) => new Date(stack.clock.now().getTime() + hours * HOUR).toISOString();

  it("accepts a Calendly webhook signed now (by the wall clock)", async () => {
    const body = calendlyCreated({
      id: uid("late"),
      start: programAt(48),
      end: programAt(49),
      email: uniqueEmail("moved-calendly"),
      coachEmail: calendlyCoach.email,
    });
    const raw = JSON.stringify(body);

    const answer = await post("calendly", raw, {
      "calendly-webhook-signature": signCalendly(raw, CALENDLY_KEY, wallSeconds()),
    });

    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toBe("processed");
  });

  it("accepts a Cal.com webhook signed now", async () => {
    const body = calcomEvent("created", {
      id: uid("latecal"),
      start: programAt(48),
      end: programAt(49),
      email: uniqueEmail("moved-calcom"),
      coachEmail: calcomCoach.email,
    });
    const raw = JSON.stringify(body);

    const answer = await post("calcom", raw, { "x-cal-signature-256": signCalcom(raw, CALCOM_SECRET) });

    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toBe("processed");
  });

  it("still refuses a Calendly webhook stamped with the moved clock's time", async () => {
    const raw = JSON.stringify(
      calendlyCreated({
        id: uid("future"),
        start: programAt(48),
        end: programAt(49),
        email: uniqueEmail("moved-future"),
        coachEmail: calendlyCoach.email,
      }),
    );
    const programSeconds = Math.floor(stack.clock.now().getTime() / 1000);

    const answer = await post("calendly", raw, {
      "calendly-webhook-signature": signCalendly(raw, CALENDLY_KEY, programSeconds),
    });

    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toBe("signature stale");
  });

  it("lets a coach use a token minted now, and the token printed before the move", async () => {
    const mintedNow = await mintToken(JWT_SECRET, { sub: coachId, role: "coach" }, 3600, new Date());

    for (const token of [mintedNow, tokenBeforeTheMove]) {
      const res = await stack.app.request("/v1/me/sessions", { headers: bearer(token) });
      expect(res.status).toBe(200);
    }
  });

  it("mints coach tokens on the admin route by the wall clock", async () => {
    const res = await stack.app.request("/v1/auth/coach-tokens", {
      method: "POST",
      headers: { ...adminHeaders, "content-type": "application/json" },
      body: JSON.stringify({ coachId, ttlSeconds: 3600 }),
    });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());

    expect(Math.abs(claims.iat - wallSeconds())).toBeLessThan(60);
    expect((await stack.app.request("/v1/me/sessions", { headers: bearer(token) })).status).toBe(200);
  });
});
