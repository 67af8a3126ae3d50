import { describe, expect, it } from "vitest";
import type { Client } from "../../../packages/core/src/clients/model";
import { exportDocument } from "../../../packages/core/src/privacy/export";
import { erasureDue } from "../../../packages/core/src/privacy/retention";
import type { Session } from "../../../packages/core/src/sessions/model";

const SETTINGS = { unbookedDays: 365, afterEndDays: 730 };
const client = (over: Partial<Client> = {}) =>
  ({
    id: "cli_1",
    name: "Sam",
    email: "sam@example.com",
    matches: [],
    createdAt: "2030-01-01T00:00:00.000Z",
    updatedAt: "2030-01-01T00:00:00.000Z",
    version: 1,
    ...over,
  }) as unknown as Client;
const session = (endsAt: string) =>
  ({ id: "ses_1", endsAt, startsAt: endsAt, kind: "intro" }) as unknown as Session;

describe("when a client's data goes (retention)", () => {
  it("erases a client who never booked RETENTION_UNBOOKED_DAYS after the intake", () => {
    expect(erasureDue(client(), [], SETTINGS)).toBe("2031-01-01T00:00:00.000Z");
  });

  it("keeps a client whose engagement is active, however old", () => {
    const active = client({
      engagement: {
        coachId: "coa_1",
        status: "active",
        mode: "recurring",
        since: "2030-01-02",
      } as Client["engagement"],
    });
    expect(erasureDue(active, [session("2030-01-02T00:00:00.000Z")], SETTINGS)).toBeUndefined();
  });

  it("erases everything RETENTION_AFTER_END_DAYS after the engagement ended", () => {
    const ended = client({
      engagement: {
        coachId: "coa_1",
        status: "ended",
        mode: "recurring",
        since: "2030-01-02",
        endedAt: "2030-06-01T00:00:00.000Z",
      } as Client["engagement"],
    });
    expect(erasureDue(ended, [session("2030-05-01T00:00:00.000Z")], SETTINGS)).toBe(
      "2032-05-31T00:00:00.000Z",
    );
  });

  it("erases a client whose sessions led to no engagement after the last one ended", () => {
    const sessions = [session("2030-02-01T00:00:00.000Z"), session("2030-03-01T00:00:00.000Z")];
    expect(erasureDue(client(), sessions, SETTINGS)).toBe("2032-02-29T00:00:00.000Z");
  });
});

describe("the export document", () => {
  const fp = {
    client: client({ answersHash: "h", engagementVersion: 2 } as Partial<Client>),
    sessions: [],
    coachWork: [
      { sessionId: "ses_1", sk: "NOTES", data: { notes: "secret one" } },
      { sessionId: "ses_1", sk: "NOTES#FROM#ses_2", data: { notes: "secret two" } },
      { sessionId: "ses_1", sk: "TALKINGPOINTS", data: { points: [{ id: "p", text: "secret three" }] } },
    ],
    actionItems: [],
    pairs: [],
    bookings: [],
    sends: [
      { job: "coach-brief", status: "sent", completedAt: "x" },
      { job: "booking-confirmation", status: "sent" },
    ],
    deliveries: [],
    storedResponses: 0,
    heldSessions: [],
    heldDeliveries: [],
    refs: [],
  };

  it("counts the coaches' private notes and other work without showing them", () => {
    const doc = exportDocument(fp, "2030-01-01T00:00:00.000Z");
    expect(doc.privateNotes).toEqual({ withheld: 2, otherCoachWorkWithheld: 1 });
    expect(JSON.stringify(doc)).not.toMatch(/secret/);
    expect(doc.client).not.toHaveProperty("answersHash");
  });

  it("shows them only when asked", () => {
    expect(JSON.stringify(exportDocument(fp, "x", { includePrivateNotes: true }))).toContain("secret two");
  });

  it("says to which address each email went: the client's, or the coach's", () => {
    const doc = exportDocument(fp, "x");
    expect(doc.emailLog.map((e) => e.to)).toEqual(["the session's coach", "sam@example.com"]);
  });
});
