import { describe, expect, it } from "vitest";
import {
  combineItems,
  MERGE_SEPARATOR,
  parkedSk,
  planMerge,
  withFinish,
} from "../../../packages/core/src/bookings/merge";
import type { SessionWithItems } from "../../../packages/core/src/ports";
import type { Session, SessionFinish } from "../../../packages/core/src/sessions/model";

const session = (id: string, extra: Partial<Session> = {}): Session => ({
  id,
  clientId: "cli_1",
  coachId: "coa_ada",
  kind: "intro",
  startsAt: "2026-03-02T10:00:00.000Z",
  endsAt: "2026-03-02T11:00:00.000Z",
  status: "scheduled",
  provider: "calendly",
  bookingId: "b1",
  createdAt: "2026-03-01T00:00:00.000Z",
  updatedAt: "2026-03-01T00:00:00.000Z",
  version: 1,
  ...extra,
});

const finish = (finishedAt: string, takeaways: string[], actionItemIds: string[]): SessionFinish => ({
  finishedAt,
  takeaways,
  next: { type: "ad-hoc" },
  actionItemIds,
});

const notes = (
  sessionId: string,
  text: string,
  updatedAt = "2026-03-02T12:00:00.000Z",
  coachId = "coa_ada",
) => ({
  sk: "NOTES",
  data: { type: "notes", sessionId, coachId, notes: text, updatedAt },
});

const talkingPoints = (points: { id: string; text: string }[], coachId = "coa_ada") => ({
  sk: "TALKINGPOINTS",
  data: { coachId, points },
});

const withVersion = (item: { sk: string; data: Record<string, unknown> }, version: number) => ({
  ...item,
  data: { ...item.data, version },
});

const withItems = (s: Session, items: SessionWithItems["items"] = []): SessionWithItems => ({
  session: s,
  items,
});

describe("merge: which session of a chain is kept", () => {
  it("keeps the oldest (smallest id) when neither carries coach work", () => {
    const plan = planMerge([withItems(session("ses_B")), withItems(session("ses_A"))]);
    expect(plan.keep.session.id).toBe("ses_A");
    expect(plan.merged.map((m) => m.session.id)).toEqual(["ses_B"]);
  });

  it("keeps the one with notes over an older one without", () => {
    const plan = planMerge([withItems(session("ses_A")), withItems(session("ses_B"), [notes("ses_B", "n")])]);
    expect(plan.keep.session.id).toBe("ses_B");
  });

  it("keeps a finished session over an older one with notes", () => {
    const plan = planMerge([
      withItems(session("ses_A"), [notes("ses_A", "n")]),
      withItems(session("ses_B", { status: "finished", finish: finish("2026-03-02T11:05:00Z", ["t"], []) })),
    ]);
    expect(plan.keep.session.id).toBe("ses_B");
    expect(plan.session.status).toBe("finished");
  });

  it("keeps the one finished first when both are finished", () => {
    const plan = planMerge([
      withItems(
        session("ses_A", { status: "finished", finish: finish("2026-03-02T11:30:00Z", ["a"], ["act_a"]) }),
      ),
      withItems(
        session("ses_B", { status: "finished", finish: finish("2026-03-02T11:05:00Z", ["b"], ["act_b"]) }),
      ),
    ]);
    expect(plan.keep.session.id).toBe("ses_B");
    // The other finish is folded in: its takeaways and action items stay, the first finish's rest wins.
    expect(plan.session.finish).toEqual(finish("2026-03-02T11:05:00Z", ["b", "a"], ["act_b", "act_a"]));
  });

  it("keeps a finished session over a cancelled one, and carries the cancelled one's notes over", () => {
    const plan = planMerge([
      withItems(session("ses_A", { status: "cancelled" }), [notes("ses_A", "before the cancel")]),
      withItems(session("ses_B", { status: "finished", finish: finish("2026-03-02T11:05:00Z", [], []) })),
    ]);
    expect(plan.keep.session.id).toBe("ses_B");
    expect(plan.writes.puts).toEqual([
      {
        sessionId: "ses_B",
        item: {
          sk: "NOTES",
          data: { ...notes("ses_A", "").data, notes: "before the cancel", sessionId: "ses_B", version: 1 },
        },
      },
    ]);
    expect(plan.writes.deletes).toEqual([{ sessionId: "ses_A", sk: "NOTES" }]);
  });
});

describe("merge: what the merged-away session carries over", () => {
  it("joins both sessions' notes, the kept one's first, and keeps the later timestamp", () => {
    const plan = planMerge([
      withItems(session("ses_A"), [notes("ses_A", "first", "2026-03-02T12:00:00.000Z")]),
      withItems(session("ses_B"), [notes("ses_B", "second", "2026-03-02T13:00:00.000Z")]),
    ]);
    expect(plan.keep.session.id).toBe("ses_A");
    expect(plan.writes.puts).toEqual([
      {
        sessionId: "ses_A",
        item: {
          sk: "NOTES",
          data: {
            type: "notes",
            sessionId: "ses_A",
            coachId: "coa_ada",
            notes: `first${MERGE_SEPARATOR}second`,
            updatedAt: "2026-03-02T13:00:00.000Z",
            version: 1,
          },
        },
      },
    ]);
  });

  it("moves a talking-points item the kept session lacks, and joins lists (once per id) where both have one", () => {
    const moved = planMerge([
      withItems(session("ses_A"), [notes("ses_A", "n")]),
      withItems(session("ses_B"), [talkingPoints([{ id: "p1", text: "goals" }])]),
    ]);
    expect(moved.writes.puts).toEqual([
      { sessionId: "ses_A", item: withVersion(talkingPoints([{ id: "p1", text: "goals" }]), 1) },
    ]);
    expect(moved.writes.deletes).toEqual([{ sessionId: "ses_B", sk: "TALKINGPOINTS" }]);

    const joined = planMerge([
      withItems(session("ses_A"), [talkingPoints([{ id: "p1", text: "goals" }])]),
      withItems(session("ses_B"), [
        talkingPoints([
          { id: "p1", text: "goals" },
          { id: "p2", text: "feedback" },
        ]),
      ]),
    ]);
    expect(joined.writes.puts[0]?.item.data.points).toEqual([
      { id: "p1", text: "goals" },
      { id: "p2", text: "feedback" },
    ]);
  });

  it("moves any other kind of item too, whatever its sk", () => {
    const plan = planMerge([
      withItems(session("ses_A"), [notes("ses_A", "n")]),
      withItems(session("ses_B"), [{ sk: "SOMETHING#NEW", data: { coachId: "coa_ada", value: 3 } }]),
    ]);
    expect(plan.writes.puts).toEqual([
      {
        sessionId: "ses_A",
        item: { sk: "SOMETHING#NEW", data: { coachId: "coa_ada", value: 3, version: 1 } },
      },
    ]);
  });

  it("parks another coach's item under its own sk, so it never reaches the kept session's coach", () => {
    const plan = planMerge([
      withItems(session("ses_A"), [notes("ses_A", "ada's")]),
      withItems(session("ses_B", { coachId: "coa_ben" }), [notes("ses_B", "ben's", undefined, "coa_ben")]),
    ]);
    expect(plan.keep.session.id).toBe("ses_A");
    expect(plan.writes.puts).toEqual([
      {
        sessionId: "ses_A",
        item: {
          sk: parkedSk("NOTES", "ses_B"),
          data: { ...notes("ses_A", "ben's", undefined, "coa_ben").data, version: 1 },
        },
      },
    ]);
  });

  it("re-points the merged-away session's action items at the kept session", () => {
    const plan = planMerge([
      withItems(
        session("ses_A", { status: "finished", finish: finish("2026-03-02T11:05:00Z", [], ["act_1"]) }),
      ),
      withItems(
        session("ses_B", {
          status: "finished",
          finish: finish("2026-03-02T11:10:00Z", [], ["act_2", "act_3"]),
        }),
      ),
    ]);
    expect(plan.writes.actionItems).toEqual([
      { id: "act_2", sessionId: "ses_A" },
      { id: "act_3", sessionId: "ses_A" },
    ]);
    expect(plan.session.finish?.actionItemIds).toEqual(["act_1", "act_2", "act_3"]);
  });

  it("moves a written item's version past every version it was made of, so a save read before the merge fails", () => {
    // Ada read the kept notes at version 3 (and the talking points at 7) just before the merge.
    const plan = planMerge([
      withItems(session("ses_A"), [
        withVersion(notes("ses_A", "first"), 3),
        withVersion(talkingPoints([{ id: "p1", text: "goals" }]), 7),
      ]),
      withItems(session("ses_B"), [
        withVersion(notes("ses_B", "second"), 5),
        withVersion(talkingPoints([{ id: "p2", text: "feedback" }]), 2),
      ]),
    ]);
    const version = (sk: string) => plan.writes.puts.find((p) => p.item.sk === sk)?.item.data.version;
    expect(version("NOTES")).toBe(6);
    expect(version("TALKINGPOINTS")).toBe(8);
    // Notes saved before items had a version count as version 0.
    const legacy = planMerge([
      withItems(session("ses_A"), [notes("ses_A", "first")]),
      withItems(session("ses_B"), [notes("ses_B", "second")]),
    ]);
    expect(legacy.writes.puts[0]?.item.data.version).toBe(1);
  });

  it("writes nothing for a chain with one session", () => {
    const plan = planMerge([withItems(session("ses_A"), [notes("ses_A", "n")])]);
    expect(plan.merged).toEqual([]);
    expect(plan.writes).toEqual({ puts: [], deletes: [], actionItems: [] });
  });
});

describe("merge: combining two items and two finishes", () => {
  it("keeps the kept item's value for anything that is neither a list nor a text", () => {
    expect(
      combineItems(
        { n: 1, flag: true, sessionId: "ses_A" },
        { n: 2, flag: false, extra: "x", sessionId: "ses_A" },
      ),
    ).toEqual({
      n: 1,
      flag: true,
      extra: "x",
      sessionId: "ses_A",
    });
  });

  it("does not join equal texts twice", () => {
    expect(combineItems({ notes: "same" }, { notes: "same" })).toEqual({ notes: "same" });
  });

  it("gives an unfinished kept session the other's finish whole", () => {
    const f = finish("2026-03-02T11:05:00Z", ["t"], ["act_1"]);
    expect(withFinish(session("ses_A"), f)).toMatchObject({ status: "finished", finish: f });
    expect(withFinish(session("ses_A"), undefined)).toEqual(session("ses_A"));
  });
});
