import { describe, expect, it } from "vitest";
import { coachHasClient } from "../../../packages/core/src/access/coach-access";
import type { Client } from "../../../packages/core/src/clients/model";
import type { SessionStatus } from "../../../packages/core/src/sessions/model";

/** The access rule of decision 0030: a match, an active engagement or a session still to hold. */

const A = "coa_A";
const B = "coa_B";
type Access = Pick<Client, "matches" | "engagement" | "unverified">;
const match = (coachId: string) => ({
  coachId,
  name: "Coach",
  score: 1,
  reasons: [],
  bookingUrl: "https://x",
});
const engaged = (coachId: string, status: "active" | "ended" = "active") => ({
  coachId,
  status,
  mode: "ad-hoc" as const,
  since: "2031-01-01T00:00:00.000Z",
});
const none: Access = { matches: [] };
const session = (coachId: string, status: SessionStatus) => ({ coachId, status });

describe("coachHasClient", () => {
  it("holds for a current match, the active engagement, or a session still to hold, and only that coach", () => {
    expect(coachHasClient({ matches: [match(A)] }, A, [])).toBe(true);
    expect(coachHasClient({ matches: [], engagement: engaged(A) }, A, [])).toBe(true);
    expect(coachHasClient(none, A, [session(A, "scheduled")])).toBe(true);
    expect(
      coachHasClient({ matches: [match(B)], engagement: engaged(B) }, A, [session(B, "scheduled")]),
    ).toBe(false);
  });

  it("ends when all of them end: a cancelled or finished session, an ended engagement, a match taken away", () => {
    expect(coachHasClient(none, A, [session(A, "cancelled")])).toBe(false);
    expect(coachHasClient(none, A, [session(A, "finished"), session(A, "cancelled")])).toBe(false);
    expect(
      coachHasClient({ matches: [], engagement: engaged(A, "ended") }, A, [session(A, "finished")]),
    ).toBe(false);
  });

  it("never holds for an unverified booking's own profile, whatever it lists", () => {
    const unverified = { clientId: "cli_X", sessionId: "ses_X" };
    expect(
      coachHasClient({ matches: [match(A)], engagement: engaged(A), unverified }, A, [
        session(A, "scheduled"),
      ]),
    ).toBe(false);
  });
});
