import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChainFacts, decideChain } from "../../../packages/core/src/bookings/decide";
import type { BookingRecord } from "../../../packages/core/src/bookings/model";
import type { BookingChange, PairState, SessionWithItems } from "../../../packages/core/src/ports";
import type { Session } from "../../../packages/core/src/sessions/model";
import type { BookingEvent } from "../../../packages/core/src/webhooks/booking-event";
import {
  buildStory,
  type CoachWrite,
  coachWritesArb,
  deliver,
  deliveryArb,
  describeEvents,
  type StoryContext,
  storyShapeArb,
} from "../../support/booking-stories";

/*
 * decideChain alone: a small in-memory table stands for what the store reads and commits, so the
 * decision (the merge rules included) runs hundreds of times in milliseconds. The same properties
 * against DynamoDB Local, with races, are in test/integration/booking-order.property.test.ts.
 */

const ctx: StoryContext = {
  idPrefix: "",
  attendeeEmail: "story.client@example.com",
  organizerEmail: "ada.mensah@coaches.example.com",
  base: Date.UTC(2026, 2, 2, 9),
};
const NOW = "2026-03-01T08:00:00.000Z";

/** Everything the decision reads, as one table would hold it after each commit. */
class World {
  records = new Map<string, BookingRecord>();
  sessions = new Map<string, SessionWithItems>();
  pairs = new Map<string, PairState>();
  /** The coach a new session belongs to: the booking's organizer, as resolveCoach would find it. */
  coachOf = (data: { organizerEmails: string[] }) =>
    data.organizerEmails[0]?.startsWith("ben") ? "coa_ben" : "coa_ada";
  actionItems = new Map<string, { id: string; sessionId: string }>();
  changes: BookingChange[] = [];
  private ids = 0;

  apply(event: BookingEvent): void {
    const stored = new Map<string, BookingRecord>();
    for (const r of this.records.values()) stored.set(r.bookingId, r);
    const facts: ChainFacts = { event, stored, now: NOW };
    for (;;) {
      const step = decideChain(facts);
      if (step.need === "sessions")
        facts.sessions = step.ids.flatMap((id) =>
          this.sessions.has(id) ? [structuredClone(this.sessions.get(id)!)] : [],
        );
      else if (step.need === "new-session")
        facts.newSession = {
          id: `ses_${String(++this.ids).padStart(3, "0")}`,
          clientId: "cli_1",
          coachId: this.coachOf(step.data),
          newClient: false,
        };
      else if (step.need === "pairs")
        facts.pairs = step.pairs.map((p) => ({
          clientId: p.clientId,
          coachId: p.coachId,
          ...this.pairOf(p.coachId),
        }));
      else if (step.need === "siblings")
        facts.siblings = step.ids.map((id) => this.sessions.get(id)!.session);
      else {
        this.commit(step.change);
        return;
      }
    }
  }

  private commit(change: BookingChange): void {
    this.changes.push(change);
    for (const b of change.bookings) this.records.set(b.bookingId, { ...b, version: b.version + 1 });
    for (const s of change.sessions) {
      const items = this.sessions.get(s.id)?.items ?? [];
      this.sessions.set(s.id, { session: s, items });
    }
    for (const s of change.deletedSessions) this.sessions.delete(s.id);
    for (const p of change.merge?.puts ?? []) {
      const target = this.sessions.get(p.sessionId)!;
      target.items = [...target.items.filter((i) => i.sk !== p.item.sk), p.item];
    }
    for (const a of change.merge?.actionItems ?? []) this.actionItems.set(a.id, { ...a });
    for (const p of change.pairs ?? [])
      this.pairs.set(p.coachId, { entries: p.entries, version: p.version + 1 });
  }

  pairOf(coachId: string): PairState {
    return structuredClone(this.pairs.get(coachId) ?? { entries: [], version: 0 });
  }

  /** A coach write on the `target`-th session there is now. */
  write(
    w: CoachWrite,
    label: string,
    written: Record<"notes" | "points" | "takeaways" | "actions", string[]>,
  ) {
    const ids = [...this.sessions.keys()].sort();
    const id = ids[w.target % Math.max(ids.length, 1)];
    if (!id) return;
    const s = this.sessions.get(id)!;
    const item = (sk: string) => s.items.find((i) => i.sk === sk);
    const put = (sk: string, data: Record<string, unknown>) => {
      s.items = [...s.items.filter((i) => i.sk !== sk), { sk, data }];
    };
    const bump = () => {
      s.session = { ...s.session, version: s.session.version + 1 };
    };
    if (w.kind === "notes") {
      const before = item("NOTES")?.data.notes;
      put("NOTES", {
        sessionId: id,
        coachId: "coa_ada",
        notes: before ? `${before}\n${label}` : label,
        updatedAt: NOW,
      });
      written.notes.push(label);
      bump();
    } else if (w.kind === "talkingPoints") {
      const before = (item("TALKINGPOINTS")?.data.points as unknown[]) ?? [];
      put("TALKINGPOINTS", { coachId: "coa_ada", points: [...before, { id: label, text: label }] });
      written.points.push(label);
      bump();
    } else if (w.kind === "finish" && s.session.status === "scheduled") {
      const actionId = `act_${label}`;
      s.session = {
        ...s.session,
        status: "finished",
        finish: {
          finishedAt: `${NOW}#${label}`,
          takeaways: [label],
          next: { type: "ad-hoc" },
          actionItemIds: [actionId],
        },
        version: s.session.version + 1,
      };
      this.actionItems.set(actionId, { id: actionId, sessionId: id });
      written.takeaways.push(label);
      written.actions.push(actionId);
    }
  }
}

describe("decideChain: coach work survives every merge, in any delivery order", () => {
  it("ends with one session holding every note, talking point, takeaway and action item", () => {
    const arb = storyShapeArb.chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        delivery: deliveryArb(buildStory(shape, ctx).events.length),
        writes: coachWritesArb,
      }),
    );
    let merges = 0;
    fc.assert(
      fc.property(arb, ({ shape, delivery, writes }) => {
        const story = buildStory(shape, ctx);
        const delivered = deliver(story.events, delivery);
        const world = new World();
        const written = {
          notes: [] as string[],
          points: [] as string[],
          takeaways: [] as string[],
          actions: [] as string[],
        };
        delivered.forEach((event, i) => {
          world.apply(event);
          writes.forEach((w, k) => {
            if (Math.min(w.after, delivered.length - 1) === i) world.write(w, `w${k}`, written);
          });
        });
        const why = describeEvents(delivered).join(" | ");
        merges += world.changes.filter((c) => c.deletedSessions.length > 0).length;

        expect([...world.sessions.keys()], why).toHaveLength(1);
        const [{ session, items }] = [...world.sessions.values()] as [SessionWithItems];
        for (const r of world.records.values()) expect(r.sessionId, why).toBe(session.id);
        const notes = String(items.find((i) => i.sk === "NOTES")?.data.notes ?? "");
        for (const line of written.notes) expect(notes, why).toContain(line);
        const points = (items.find((i) => i.sk === "TALKINGPOINTS")?.data.points as { id: string }[]) ?? [];
        expect(points.map((p) => p.id).sort(), why).toEqual([...written.points].sort());
        expect([...(session.finish?.takeaways ?? [])].sort(), why).toEqual([...written.takeaways].sort());
        expect([...(session.finish?.actionItemIds ?? [])].sort(), why).toEqual([...written.actions].sort());
        for (const id of written.actions) expect(world.actionItems.get(id)?.sessionId, why).toBe(session.id);
        if (written.takeaways.length === 0)
          expect({ status: session.status, startsAt: session.startsAt }, why).toEqual({
            status: story.expected.state,
            startsAt: story.expected.startsAt,
          });
      }),
      { numRuns: 400 },
    );
    // The property means something only if merges happen in it.
    expect(merges).toBeGreaterThan(10);
  });
});

describe("decideChain: named cases", () => {
  const story = buildStory(
    {
      provider: "calcom",
      styles: ["calcom", "calcom"],
      gapsMinutes: [60, 60, 60],
      durationsMinutes: [60, 60, 60],
      endsCancelled: true,
    },
    ctx,
  );
  const [created1, created2, created3, cancelled3] = story.events as [
    BookingEvent,
    BookingEvent,
    BookingEvent,
    BookingEvent,
  ];

  /** b1 and b3 ← b2 first: two sessions, one per half of the chain, joined by b2 ← b1. */
  function twoSessions() {
    const world = new World();
    world.apply(created1);
    world.apply(created3);
    expect([...world.sessions.keys()]).toEqual(["ses_001", "ses_002"]);
    return world;
  }

  it("a chain with one session reads its session alone and merges nothing", () => {
    const world = new World();
    world.apply(created1);
    world.apply(created2);
    expect(world.changes.every((c) => c.deletedSessions.length === 0 && c.merge === undefined)).toBe(true);
  });

  it("asks for the sessions' partitions only when the chain has several sessions", () => {
    const world = twoSessions();
    const facts: ChainFacts = { event: created2, stored: world.records, now: NOW };
    expect(decideChain(facts)).toEqual({ need: "sessions", ids: ["ses_001", "ses_002"] });
  });

  it("keeps the finished session when the chain ends cancelled: the meeting happened, at its time", () => {
    const world = twoSessions();
    const written = { notes: [], points: [], takeaways: [], actions: [] };
    world.write({ kind: "finish", after: 0, target: 1 }, "done", written);
    world.write({ kind: "notes", after: 0, target: 0 }, "on the other", written);
    world.apply(created2);
    world.apply(cancelled3);

    const [only] = [...world.sessions.values()] as [SessionWithItems];
    expect(only.session).toMatchObject({
      id: "ses_002",
      status: "finished",
      startsAt: story.bookings[2]!.startsAt,
    });
    expect(only.items.find((i) => i.sk === "NOTES")?.data).toMatchObject({
      sessionId: "ses_002",
      notes: "on the other",
    });
    const merge = world.changes.find((c) => c.deletedSessions.length > 0)!;
    expect(merge.deletedSessions.map((s: Session) => s.id)).toEqual(["ses_001"]);
    expect(merge.merge?.deletes).toEqual([{ sessionId: "ses_001", sk: "NOTES" }]);
  });

  it("takes a session merged away from another coach's pair out of that pair when that coach's session is kept", () => {
    // A round-robin reschedule across hosts: b3 ← b2 is Ben's, b1 Ada's; b2 ← b1 joins them.
    const world = new World();
    const bens = { ...created3, organizerEmails: ["ben.okafor@coaches.example.com"] } as BookingEvent;
    world.apply(created1);
    world.apply(bens);
    expect(world.pairOf("coa_ben").entries.map((e) => e.id)).toEqual(["ses_002"]);
    const ben = world.sessions.get("ses_002")!;
    ben.items = [{ sk: "NOTES", data: { sessionId: "ses_002", coachId: "coa_ben", notes: "ben's" } }];
    ben.session = { ...ben.session, version: ben.session.version + 1 };
    world.apply(created2);

    // Ben's notes make his session the one kept; Ada's pair no longer lists hers.
    expect([...world.sessions.keys()]).toEqual(["ses_002"]);
    expect(world.pairOf("coa_ada").entries).toEqual([]);
    expect(world.pairOf("coa_ben").entries.map((e) => e.id)).toEqual(["ses_002"]);
  });

  it("takes a merged-away session out of its own pair when the kept one is another coach's", () => {
    const world = new World();
    const bens = { ...created3, organizerEmails: ["ben.okafor@coaches.example.com"] } as BookingEvent;
    world.apply(created1);
    world.apply(bens);
    world.apply(created2);

    expect([...world.sessions.keys()]).toEqual(["ses_001"]);
    expect(world.pairOf("coa_ben").entries).toEqual([]);
    expect(world.pairOf("coa_ada").entries.map((e) => e.id)).toEqual(["ses_001"]);
  });

  it("writes the kept session in a merge even when its state does not change, so its version guards the moved items", () => {
    const world = twoSessions();
    world.write({ kind: "notes", after: 0, target: 1 }, "n", {
      notes: [],
      points: [],
      takeaways: [],
      actions: [],
    });
    world.apply(created2);
    const merge = world.changes.at(-1)!;
    expect(merge.sessions.map((s) => s.id)).toContain("ses_002");
  });
});
