import { describe, expect, it } from "vitest";
import {
  acceptedSecrets,
  type CoachWebhookKey,
  coachWebhookUrl,
} from "../../../packages/core/src/coaches/webhook";
import {
  CALCOM_BOOKING_CANCELLED,
  CALCOM_BOOKING_CREATED,
  CALCOM_BOOKING_RESCHEDULED,
} from "../../../packages/core/src/webhooks/calcom";
import { calcomHeaderProblem, signCalcom } from "../../../packages/core/src/webhooks/signatures";

const key: CoachWebhookKey = {
  coachId: "coa_01ARZ3NDEKTSV4RRFFQ69G5FAV",
  secret: "new".padEnd(64, "0"),
  previousSecret: "old".padEnd(64, "0"),
  previousUntil: "2031-01-08T10:00:00.000Z",
  createdAt: "2031-01-01T10:00:00.000Z",
  rotatedAt: "2031-01-01T10:00:00.000Z",
  version: 2,
};

describe("a coach's webhook key (decision 0031)", () => {
  it("accepts the key a rotation replaced until its window ends, and never after", () => {
    expect(acceptedSecrets(key, new Date("2031-01-08T09:59:59.999Z"))).toEqual([
      key.secret,
      key.previousSecret,
    ]);
    expect(acceptedSecrets(key, new Date("2031-01-08T10:00:00.000Z"))).toEqual([key.secret]);
    const { previousSecret: _p, previousUntil: _u, ...fresh } = key;
    expect(acceptedSecrets({ ...fresh, version: 1 }, new Date("2031-01-02T00:00:00Z"))).toEqual([key.secret]);
    // A window with no end (an item written by hand) is no window.
    const { previousUntil: _w, ...noEnd } = key;
    expect(acceptedSecrets(noEnd, new Date("2031-01-02T00:00:00Z"))).toEqual([key.secret]);
  });

  it("names the coach's own path on this deployment", () => {
    expect(coachWebhookUrl("https://coach.example", key.coachId)).toBe(
      `https://coach.example/v1/webhooks/calcom/${key.coachId}`,
    );
  });

  it("tells an unsigned or malformed Cal.com header from one worth checking, before any key is read", () => {
    expect(calcomHeaderProblem(undefined)).toBe("missing");
    expect(calcomHeaderProblem("  ")).toBe("missing");
    expect(calcomHeaderProblem("no-secret-provided")).toBe("malformed");
    expect(calcomHeaderProblem(signCalcom("{}", "any-key"))).toBeUndefined();
  });

  it("asks for the triggers the Cal.com parser reads", async () => {
    const { coachWebhookSetup } = await import("../../../packages/core/src/coaches/webhook");
    const setup = await coachWebhookSetup(
      {
        store: {
          read: async () => ({ coach: { id: key.coachId } as never, key }),
          create: async () => {},
          replace: async () => {},
        },
        wallClock: { now: () => new Date("2031-01-02T00:00:00Z") },
        publicBaseUrl: "https://coach.example",
      },
      key.coachId,
    );
    expect(setup.events).toEqual([
      CALCOM_BOOKING_CREATED,
      CALCOM_BOOKING_RESCHEDULED,
      CALCOM_BOOKING_CANCELLED,
    ]);
    expect(setup).toMatchObject({
      signatureHeader: "X-Cal-Signature-256",
      previousSecretValidUntil: key.previousUntil,
    });
  });
});
