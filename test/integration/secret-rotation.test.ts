import { correlationToken } from "@coachflow/core/bookings/correlation";
import { signLink } from "@coachflow/core/links/signed-links";
import { signCalcom, signCalendly } from "@coachflow/core/webhooks/signatures";
import { beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../../packages/functions/src/http/jwt";
import { addCoach, bookingId, DAY, type TestCoach } from "../support/coaching";
import { bearer } from "../support/jwt";
import { call, intakeBody } from "../support/requests";
import {
  ADMIN_TOKEN,
  CALCOM_SECRET,
  CALENDLY_KEY,
  JWT_SECRET,
  startTestStack,
  type TestStack,
  uniqueEmail,
} from "../support/stack";
import { calcomEvent, calendlyCreated } from "../support/webhooks";

/** The stack's usual secrets are the ones being rotated out; these replace them. */
const OLD_LINK = "test-link-secret-0123456789";
const NEW = {
  CALENDLY_SIGNING_KEY: "new-calendly-signing-key-0123456789",
  CALCOM_WEBHOOK_SECRET: "new-calcom-webhook-secret-0123456789",
  LINK_SIGNING_SECRET: "new-link-signing-secret-0123456789",
  JWT_SECRET: "new-jwt-secret-0123456789abcdef0123456789",
};
const NEW_ADMIN_TOKEN = "new-admin-token-0123456789abcdef";
const wallSeconds = () => Math.floor(Date.now() / 1000);

/**
 * During a rotation each secret's previous value (`<NAME>_PREVIOUS`) is still accepted: by webhook
 * verification, by signed links and correlation tokens through the key id they carry, by JWTs
 * through their `kid` (issue 9, docs/deploy.md).
 */
describe("while every secret is being rotated", () => {
  let stack: TestStack;
  let coach: TestCoach;

  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        ...NEW,
        CALENDLY_SIGNING_KEY_PREVIOUS: CALENDLY_KEY,
        CALCOM_WEBHOOK_SECRET_PREVIOUS: CALCOM_SECRET,
        LINK_SIGNING_SECRET_PREVIOUS: OLD_LINK,
        JWT_SECRET_PREVIOUS: JWT_SECRET,
        ADMIN_TOKEN: NEW_ADMIN_TOKEN,
        ADMIN_TOKEN_PREVIOUS: ADMIN_TOKEN,
      },
    });
    coach = await addCoach(stack);
  });

  it("accepts the admin token and the one it replaces, and nothing else", async () => {
    for (const token of [NEW_ADMIN_TOKEN, ADMIN_TOKEN]) {
      const res = await call(stack.app, "GET", "/v1/coaches", undefined, {
        authorization: `Bearer ${token}`,
      });
      expect(res.status, token).toBe(200);
    }
    const wrong = await call(stack.app, "GET", "/v1/coaches", undefined, {
      authorization: "Bearer some-other-admin-token-0123456789",
    });
    expect(wrong.status).toBe(401);
  });

  async function post(provider: "calendly" | "calcom", body: unknown, key: string) {
    const raw = JSON.stringify(body);
    const header: Record<string, string> =
      provider === "calendly"
        ? { "calendly-webhook-signature": signCalendly(raw, key, wallSeconds()) }
        : { "x-cal-signature-256": signCalcom(raw, key) };
    return call(stack.app, "POST", `/v1/webhooks/${provider}`, raw, header);
  }
  const start = () => new Date(stack.clock.now().getTime() + 3 * DAY);
  const calendlyBooking = (email: string, token?: string) =>
    calendlyCreated({
      id: bookingId("ROT"),
      start: start().toISOString(),
      end: new Date(start().getTime() + 3_600_000).toISOString(),
      email,
      coachEmail: coach.email,
      ...(token ? { token } : {}),
    });
  const calcomBooking = (email: string) =>
    calcomEvent("created", {
      id: bookingId("ROTCAL"),
      start: start().toISOString(),
      end: new Date(start().getTime() + 3_600_000).toISOString(),
      email,
      coachEmail: coach.email,
    });

  it.each(["calendly", "calcom"] as const)(
    "accepts %s webhooks signed with the new key and with the previous one, and no other",
    async (provider) => {
      const booking = provider === "calendly" ? calendlyBooking : calcomBooking;
      const keys =
        provider === "calendly"
          ? { current: NEW.CALENDLY_SIGNING_KEY, previous: CALENDLY_KEY }
          : { current: NEW.CALCOM_WEBHOOK_SECRET, previous: CALCOM_SECRET };

      for (const key of [keys.current, keys.previous]) {
        const answer = await post(provider, booking(uniqueEmail("rot")), key);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      }
      const forged = await post(provider, booking(uniqueEmail("rot")), "someone-elses-key-0123456789");
      expect(forged.status).toBe(401);
      expect(forged.body.error.message).toBe("signature mismatch");
    },
  );

  it("opens client links signed with the previous secret; a link without a key id only with the new one", async () => {
    const now = stack.clock.now();
    const open = async (token: string) => (await call(stack.app, "GET", `/l/${token}`)).status;
    const withoutKeyId = (token: string) => token.split(".").slice(1).join(".");

    expect(await open(signLink(OLD_LINK, "unsubscribe", "cli_rotation", undefined, now))).toBe(200);
    expect(await open(signLink(NEW.LINK_SIGNING_SECRET, "unsubscribe", "cli_rotation", undefined, now))).toBe(
      200,
    );
    expect(await open(withoutKeyId(signLink(NEW.LINK_SIGNING_SECRET, "end", "cli_r", "ses_r", now)))).toBe(
      200,
    );
    expect(await open(withoutKeyId(signLink(OLD_LINK, "end", "cli_r", "ses_r", now)))).toBe(400);
    expect(await open(signLink("some-other-link-secret-0123", "end", "cli_r", "ses_r", now))).toBe(400);
  });

  it("finds the client of a booking whose correlation token the previous secret signed", async () => {
    const intake = await call(stack.app, "POST", "/v1/intake", intakeBody(uniqueEmail("rot-client")));
    expect(intake.status).toBe(201);
    const clientId = intake.body.clientId as string;

    // Booked under another address: only the token can tie the booking to the client.
    const answer = await post(
      "calendly",
      calendlyBooking(uniqueEmail("rot-other"), correlationToken(clientId, coach.id, OLD_LINK)),
      NEW.CALENDLY_SIGNING_KEY,
    );

    expect(answer.status).toBe(200);
    const [session] = await stack.deps.bookings.bookings.getSessions([answer.body.sessionId]);
    expect(session?.clientId).toBe(clientId);
  });

  it("takes coach tokens minted with the new JWT secret and with the previous one", async () => {
    for (const secret of [NEW.JWT_SECRET, JWT_SECRET]) {
      const token = await mintToken(secret, { sub: coach.id, role: "coach" }, 600, new Date());
      expect((await call(stack.app, "GET", "/v1/me/sessions", undefined, bearer(token))).status).toBe(200);
    }
  });
});

describe("after the rotation, with the previous values removed", () => {
  let stack: TestStack;
  let coach: TestCoach;

  beforeAll(async () => {
    stack = await startTestStack({ env: NEW });
    coach = await addCoach(stack);
  });

  it("refuses a token of the old JWT secret and logs why, with the request id and without the token", async () => {
    const token = await mintToken(JWT_SECRET, { sub: coach.id, role: "coach" }, 600, new Date());

    const res = await call(stack.app, "GET", "/v1/me/sessions", undefined, {
      ...bearer(token),
      "x-request-id": "req-rotated-out",
    });

    expect(res.status).toBe(401);
    const refused = stack.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === "bearer token refused");
    expect(refused).toEqual([
      expect.objectContaining({
        level: "warn",
        reason: "jwks_no_matching_key",
        requestId: "req-rotated-out",
      }),
    ]);
    expect(stack.logs.join("\n")).not.toContain(token);
    expect(stack.logs.join("\n")).not.toContain(token.split(".")[2]);
  });

  it("logs an expired token as expired", async () => {
    const token = await mintToken(
      NEW.JWT_SECRET,
      { sub: coach.id, role: "coach" },
      60,
      new Date(Date.now() - 3_600_000),
    );

    expect((await call(stack.app, "GET", "/v1/me/sessions", undefined, bearer(token))).status).toBe(401);

    const reasons = stack.logs
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === "bearer token refused")
      .map((l) => l.reason);
    expect(reasons).toContain("exp check_failed");
  });
});
