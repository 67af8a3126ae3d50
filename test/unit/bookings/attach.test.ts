import { describe, expect, it } from "vitest";
import { planAttach } from "../../../packages/core/src/bookings/unverified";
import type { PairEntry } from "../../../packages/core/src/ports";
import type { Session } from "../../../packages/core/src/sessions/model";

/*
 * Linking an unverified booking (decision 0030) numbers its session among the client's sessions
 * with the coach by start time, as a booking would have: the pure part, `planAttach`.
 */

const NOW = "2031-04-07T08:00:00.000Z";
const unverified = (over: Partial<Session> = {}): Session => ({
  id: "ses_U",
  clientId: "cli_BOOKER",
  coachId: "coa_A",
  kind: "intro",
  startsAt: "2031-04-10T10:00:00.000Z",
  endsAt: "2031-04-10T11:00:00.000Z",
  status: "scheduled",
  provider: "calendly",
  bookingId: "b1",
  unverified: true,
  createdAt: NOW,
  updatedAt: NOW,
  version: 3,
  ...over,
});
const entry = (id: string, startsAt: string, kind: PairEntry["kind"], number?: number): PairEntry => ({
  id,
  startsAt,
  status: "scheduled",
  kind,
  ...(number ? { number } : {}),
});

describe("planAttach", () => {
  it("makes a first session with the coach the intro, the client's, and no longer unverified", () => {
    const plan = planAttach(unverified(), "cli_REAL", { entries: [], version: 0 }, NOW);
    expect(plan.session).toMatchObject({ clientId: "cli_REAL", kind: "intro", version: 4, updatedAt: NOW });
    expect(plan.session).not.toHaveProperty("unverified");
    expect(plan.moving).toEqual([]);
    expect(plan.entries).toEqual([entry("ses_U", "2031-04-10T10:00:00.000Z", "intro")]);
  });

  it("numbers it after the pair's earlier sessions", () => {
    const pair = { entries: [entry("ses_1", "2031-04-01T10:00:00.000Z", "intro")], version: 2 };
    const plan = planAttach(unverified(), "cli_REAL", pair, NOW);
    expect(plan.session).toMatchObject({ kind: "starter", number: 1 });
    expect(plan.moving).toEqual([]);
    expect(plan.entries.map((e) => [e.id, e.kind, e.number])).toEqual([
      ["ses_1", "intro", undefined],
      ["ses_U", "starter", 1],
    ]);
  });

  it("takes the place of a later session, which moves back one", () => {
    const pair = { entries: [entry("ses_2", "2031-04-20T10:00:00.000Z", "intro")], version: 1 };
    const plan = planAttach(unverified(), "cli_REAL", pair, NOW);
    expect(plan.session.kind).toBe("intro");
    expect(plan.moving.map((m) => [m.id, m.kind, m.number])).toEqual([["ses_2", "starter", 1]]);
    expect(plan.entries.find((e) => e.id === "ses_2")).toMatchObject({ kind: "starter", number: 1 });
  });

  it("moves nothing for a cancelled booking, which holds no place", () => {
    const pair = { entries: [entry("ses_2", "2031-04-20T10:00:00.000Z", "intro")], version: 1 };
    const plan = planAttach(unverified({ status: "cancelled" }), "cli_REAL", pair, NOW);
    expect(plan.moving).toEqual([]);
    expect(plan.entries.find((e) => e.id === "ses_2")).toMatchObject({ kind: "intro" });
    expect(plan.session.status).toBe("cancelled");
  });
});
