import { randomUUID } from "node:crypto";
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../packages/core/src/access/principal";
import { DynamoWorkspaceStore } from "../../packages/core/src/adapters/dynamodb/workspace-store";
import { type BookingDeps, processBookingEvent } from "../../packages/core/src/bookings/process";
import { AppError, ConditionFailedError } from "../../packages/core/src/errors";
import type { ActionItem } from "../../packages/core/src/followups/model";
import { putNotes } from "../../packages/core/src/followups/service";
import type { Session } from "../../packages/core/src/sessions/model";
import type { BookingEvent, Provider } from "../../packages/core/src/webhooks/booking-event";
import { changeTalkingPoints } from "../../packages/core/src/workspace/talking-points";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import {
  buildStory,
  type CoachWrite,
  coachWritesArb,
  type Delivery,
  deliver,
  deliveryArb,
  describeEvents,
  type Story,
  type StoryShape,
  storyShapeArb,
} from "../support/booking-stories";
import { startTestStack, type TestStack, uniqueEmail } from "../support/stack";

/*
 * The booking-order rule against DynamoDB Local, through processBookingEvent (no HTTP, so no
 * emails or schedules): any order of a chain's events, with duplicates, ends in the same one
 * session as in-order delivery. Each run books for two new clients of its own: one gets the
 * shuffled delivery, the other the same story in order, and their final states are compared.
 */

const HOUR = 3600_000;
const coachEmail: Record<Provider, string> = {
  calendly: DEMO_COACHES.find((c) => c.input.bookingProvider === "calendly")!.input.email,
  calcom: DEMO_COACHES.find((c) => c.input.bookingProvider === "calcom")!.input.email,
};
const fileTag = randomUUID().slice(0, 6);
let run = 0;

/** A placeholder context: only the number of events matters to the delivery generator. */
const shapeCtx = { idPrefix: "", attendeeEmail: "x@example.com", organizerEmail: "y@example.com", base: 0 };
const storyWithDelivery = storyShapeArb.chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    delivery: deliveryArb(buildStory(shape, shapeCtx).events.length),
  }),
);

describe("booking events in any order, against DynamoDB Local", () => {
  let stack: TestStack;
  let base: number;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
    base = Math.ceil(stack.clock.now().getTime() / HOUR) * HOUR + 24 * HOUR;
  });

  /** The story for one new client, with booking ids of its own. */
  function storyFor(shape: StoryShape, label: string): { story: Story; email: string; prefix: string } {
    const prefix = `${fileTag}-${++run}-${label}-`;
    const email = uniqueEmail(`order-${label}`);
    const story = buildStory(shape, {
      idPrefix: prefix,
      attendeeEmail: email,
      organizerEmail: coachEmail[shape.provider],
      base,
    });
    return { story, email, prefix };
  }

  async function sessionsOf(email: string): Promise<Session[]> {
    const { record } = await stack.deps.clients.clients.readForIntake(email);
    return record ? stack.deps.bookings.bookings.sessionsOfClient(record.clientId) : [];
  }

  /** A session without what differs between clients and runs: ids, write timestamps, versions. */
  const comparable = (s: Session, prefix: string) => ({
    coachId: s.coachId,
    provider: s.provider,
    kind: s.kind,
    number: s.number,
    status: s.status,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    bookingId: s.bookingId.startsWith(prefix) ? s.bookingId.slice(prefix.length) : s.bookingId,
  });

  /** Checks one client's final state against the story, and returns it for comparison. */
  async function expectFinalState(
    { story, email, prefix }: { story: Story; email: string; prefix: string },
    delivered: readonly BookingEvent[],
  ) {
    const why = `delivered: ${describeEvents(delivered, prefix).join(" | ")}`;
    const sessions = await sessionsOf(email);
    // Every story has b1's created, so exactly one session, whatever the order.
    expect(sessions, why).toHaveLength(1);
    const session = sessions[0]!;
    expect(
      {
        kind: session.kind,
        status: session.status,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        bookingId: session.bookingId,
      },
      why,
    ).toEqual({
      kind: "intro",
      status: story.expected.state,
      startsAt: story.expected.startsAt,
      endsAt: story.expected.endsAt,
      bookingId: story.expected.bookingId,
    });
    // Every booking of the chain points at that one session.
    const records = await stack.deps.bookings.bookings.getBookings(
      story.provider,
      story.bookings.map((b) => b.bookingId),
    );
    expect(records, why).toHaveLength(story.bookings.length);
    for (const r of records) expect(r.sessionId, `${why}: ${r.bookingId}`).toBe(session.id);
    return comparable(session, prefix);
  }

  async function inOrder(shape: StoryShape) {
    const client = storyFor(shape, "o");
    for (const event of client.story.events) await processBookingEvent(stack.deps.bookings, event);
    return expectFinalState(client, client.story.events);
  }

  it("ends in the in-order state when events arrive one by one in any order, with duplicates", async () => {
    await fc.assert(
      fc.asyncProperty(
        storyWithDelivery,
        async ({ shape, delivery }: { shape: StoryShape; delivery: Delivery }) => {
          const client = storyFor(shape, "s");
          const delivered = deliver(client.story.events, delivery);
          for (const event of delivered) await processBookingEvent(stack.deps.bookings, event);

          const shuffled = await expectFinalState(client, delivered);
          expect(shuffled).toEqual(await inOrder(shape));
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  it("ends in the in-order state when all events, with duplicates, arrive at once", async () => {
    await fc.assert(
      fc.asyncProperty(storyWithDelivery, async ({ shape, delivery }) => {
        const client = storyFor(shape, "c");
        const delivered = deliver(client.story.events, delivery);
        await Promise.all(delivered.map((event) => processBookingEvent(stack.deps.bookings, event)));

        const concurrent = await expectFinalState(client, delivered);
        expect(concurrent).toEqual(await inOrder(shape));
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  /*
   * Named counterexamples, found by the concurrent property above and made deterministic: delivery
   * `late` is paused after it has read its chain's booking records and before it reads the
   * session, while another delivery runs to completion. `late` then computes the session from the
   * records it read (stale) and writes it over the fresh session. Its transaction is conditioned
   * only on the session's version (read fresh) and on the booking records it changes, not on the
   * records it read unchanged, so nothing stops the stale write.
   */

  /** Deps whose first getSessions call waits until `release()`; `reached` resolves when it waits. */
  function pausedBeforeSessions(): { deps: BookingDeps; reached: Promise<void>; release: () => void } {
    const store = stack.deps.bookings.bookings;
    let signal!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((r) => {
      signal = r;
    });
    const released = new Promise<void>((r) => {
      release = r;
    });
    let paused = false;
    const deps: BookingDeps = {
      ...stack.deps.bookings,
      bookings: {
        getBookings: (provider, ids) => store.getBookings(provider, ids),
        sessionsOfClient: (clientId) => store.sessionsOfClient(clientId),
        sessionsOfCoach: (coachId, range) => store.sessionsOfCoach(coachId, range),
        getPair: (clientId, coachId) => store.getPair(clientId, coachId),
        getSessionsWithItems: (ids) => store.getSessionsWithItems(ids),
        getSessionWithPeople: (id, people) => store.getSessionWithPeople(id, people),
        commit: (change) => store.commit(change),
        async getSessions(ids) {
          if (!paused) {
            paused = true;
            signal();
            await released;
          }
          return store.getSessions(ids);
        },
      },
    };
    return { deps, reached, release };
  }

  /** Runs `before` in order, then `late` paused as above while `meanwhile` completes. */
  async function interleave(before: BookingEvent[], late: BookingEvent, meanwhile: BookingEvent) {
    for (const event of before) await processBookingEvent(stack.deps.bookings, event);
    const paused = pausedBeforeSessions();
    const lateRun = processBookingEvent(paused.deps, late);
    await paused.reached;
    await processBookingEvent(stack.deps.bookings, meanwhile);
    paused.release();
    await lateRun;
  }

  const shape = (styles: StoryShape["styles"], endsCancelled: boolean): StoryShape => ({
    provider: styles[0] ?? "calendly",
    styles,
    gapsMinutes: [60, ...styles.map(() => 24 * 60)],
    durationsMinutes: [60, ...styles.map(() => 60)],
    endsCancelled,
  });

  it("a retried create racing the cancel does not revive the cancelled session", async () => {
    // created b1 | created b1 (retry, reads b1) ‖ cancelled b1 (completes) | retry writes
    const client = storyFor(shape([], true), "x");
    const [created, cancelled] = client.story.events;
    await interleave([created!], created!, cancelled!);

    await expectFinalState(client, [created!, created!, cancelled!]);
  });

  it("a retried create racing a Cal.com reschedule does not move the session back", async () => {
    // created b1 | created b1 (retry, reads b1) ‖ created b2 ← b1 (completes) | retry writes
    const client = storyFor(shape(["calcom"], false), "x");
    const [created, rescheduled] = client.story.events;
    await interleave([created!], created!, rescheduled!);

    await expectFinalState(client, [created!, created!, rescheduled!]);
  });

  it("a reschedule's create racing the next reschedule's create ends at the last time", async () => {
    // Calendly b1 → b2 → b3, no duplicates: created b1 | cancelled b1 → b2 | cancelled b2 → b3 |
    // created b2 ← b1 (reads b1, b2, b3 without its created) ‖ created b3 ← b2 (completes) |
    // created b2 writes the session at b2's time
    const client = storyFor(shape(["calendly", "calendly"], false), "x");
    const [created1, cancel1, created2, cancel2, created3] = client.story.events;
    await interleave([created1!, cancel1!, cancel2!], created2!, created3!);

    await expectFinalState(client, [created1!, cancel1!, cancel2!, created2!, created3!]);
  });
});

/*
 * Coach work across merges. While a chain's deliveries arrive (one by one or all at once), the
 * coach writes on whichever session the client has at that moment, through the product's own code:
 * private notes (the notes service, over the version read), talking points (the workspace's add),
 * a finish with takeaways and an action item, and a SMART goal. When the chain's sessions merge,
 * none of it may be lost: all of it ends on the one surviving session, and the partitions of the
 * sessions merged away are empty.
 */
describe("coach work survives booking merges, against DynamoDB Local", () => {
  let stack: TestStack;
  let doc: DynamoDBDocumentClient;
  let table: string;
  let workspace: DynamoWorkspaceStore;
  let base: number;
  let tag = 0;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoCoaches(stack.deps);
    doc = DynamoDBDocumentClient.from(stack.deps.aws.dynamodb);
    table = stack.deps.config.tableName;
    workspace = new DynamoWorkspaceStore(doc, table);
    base = Math.ceil(stack.clock.now().getTime() / HOUR) * HOUR + 24 * HOUR;
  });

  /** What the coach wrote and saw stored, to be found again at the end. */
  interface Written {
    notes: string[];
    points: string[];
    takeaways: string[];
    actionItemIds: string[];
    goals: string[];
    sessionIds: Set<string>;
  }

  const newWritten = (): Written => ({
    notes: [],
    points: [],
    takeaways: [],
    actionItemIds: [],
    goals: [],
    sessionIds: new Set(),
  });

  const storyWithWork = storyShapeArb.chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      delivery: deliveryArb(buildStory(shape, shapeCtx).events.length),
      writes: coachWritesArb,
    }),
  );

  function storyFor(shape: StoryShape) {
    const prefix = `${fileTag}-${++run}-w-`;
    const email = uniqueEmail("order-work");
    const story = buildStory(shape, {
      idPrefix: prefix,
      attendeeEmail: email,
      organizerEmail: coachEmail[shape.provider],
      base,
    });
    return { story, email, prefix };
  }

  async function clientIdOf(email: string): Promise<string | undefined> {
    return (await stack.deps.clients.clients.readForIntake(email)).record?.clientId;
  }

  /**
   * One coach write on the `target`-th session the client has now. A write that loses to a merge
   * (its session went away meanwhile) is tried again on the sessions there are then, as a coach
   * reloading the page would; a write that never lands is not counted as written.
   */
  async function coachWrite(email: string, write: CoachWrite, written: Written) {
    const label = `w${++tag}`;
    for (let attempt = 0; attempt < 6; attempt++) {
      const clientId = await clientIdOf(email);
      const listed = clientId ? await stack.deps.bookings.bookings.sessionsOfClient(clientId) : [];
      const ids = listed.map((s) => s.id).sort();
      const id = ids[write.target % Math.max(ids.length, 1)];
      const session = id ? (await stack.deps.bookings.bookings.getSessions([id]))[0] : undefined;
      if (!clientId || !session) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      written.sessionIds.add(session.id);
      try {
        if (await writeOne(write.kind, session, label, written)) return;
      } catch (error) {
        // The session went away under the write (merged), or the notes changed since they were
        // read: try again on the sessions there are now, as a coach reloading the page would.
        if (
          !(error instanceof ConditionFailedError) &&
          !isCancelled(error) &&
          !isNotFound(error) &&
          !isConflict(error)
        )
          throw error;
      }
    }
  }

  const isCancelled = (error: unknown) =>
    (error as { name?: string }).name === "TransactionCanceledException";
  const isNotFound = (error: unknown) => error instanceof AppError && error.code === "not_found";
  const isConflict = (error: unknown) => error instanceof AppError && error.code === "conflict";
  const coachOf = (session: Session): Principal => ({ role: "coach", coachId: session.coachId });

  /** Writes one piece of coach work; false when there was nothing to write on this session. */
  async function writeOne(
    kind: CoachWrite["kind"],
    session: Session,
    label: string,
    written: Written,
  ): Promise<boolean> {
    const now = stack.clock.now().toISOString();
    const followups = stack.deps.bookings.followups;
    switch (kind) {
      case "notes": {
        // As the workspace's notes form does: the text over the version read, refused (409) if the
        // notes changed since (a merge joined another session's notes): then read again and retry.
        const read = await followups.readNotes(session.id);
        const line = `note ${label}`;
        const text = read.notes ? `${read.notes}\n${line}` : line;
        await putNotes(stack.deps.bookings, coachOf(session), session.id, text, read.version);
        written.notes.push(line);
        return true;
      }
      case "talkingPoints": {
        // The workspace's own "add a talking point".
        await changeTalkingPoints(stack.deps.bookings, workspace, coachOf(session), session.id, {
          op: "add",
          text: label,
        });
        written.points.push(label);
        return true;
      }
      case "finish": {
        if (session.status !== "scheduled") return true;
        const action: ActionItem = {
          id: `act_${label}${randomUUID().slice(0, 8)}`,
          clientId: session.clientId,
          coachId: session.coachId,
          sessionId: session.id,
          text: `action ${label}`,
          dueDate: "2027-01-01",
          done: false,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await followups.commitFinish(
          {
            session: {
              ...session,
              status: "finished",
              finish: {
                finishedAt: now,
                takeaways: [`takeaway ${label}`],
                next: { type: "ad-hoc" },
                actionItemIds: [action.id],
              },
              updatedAt: now,
              version: session.version + 1,
            },
            actionItems: [action],
          },
          now,
        );
        written.takeaways.push(`takeaway ${label}`);
        written.actionItemIds.push(action.id);
        return true;
      }
      case "goal": {
        const client = await stack.deps.clients.clients.get(session.clientId);
        const goals = [
          ...(client?.smartGoals ?? []),
          { text: label, measure: "m", targetDate: "2027-01-01" },
        ];
        await stack.deps.clients.clients.setGoals(session.clientId, goals, now);
        written.goals.push(label);
        return true;
      }
    }
  }

  /** Everything the coach wrote is on the one surviving session; merged-away partitions are empty. */
  async function expectWorkKept(
    { story, email, prefix }: ReturnType<typeof storyFor>,
    delivered: readonly BookingEvent[],
    written: Written,
    writes: readonly CoachWrite[],
  ) {
    const why = `delivered: ${describeEvents(delivered, prefix).join(" | ")}; writes: ${JSON.stringify(writes)}`;
    const clientId = (await clientIdOf(email))!;
    const sessions = await stack.deps.bookings.bookings.sessionsOfClient(clientId);
    expect(sessions, why).toHaveLength(1);
    const session = sessions[0]!;
    const records = await stack.deps.bookings.bookings.getBookings(
      story.provider,
      story.bookings.map((b) => b.bookingId),
    );
    for (const r of records) expect(r.sessionId, `${why}: ${r.bookingId}`).toBe(session.id);

    const notes = (await stack.deps.bookings.followups.getNotes(session.id)) ?? "";
    for (const line of written.notes) expect(notes, why).toContain(line);
    const points = (
      await doc.send(
        new GetCommand({
          TableName: table,
          Key: { pk: `SESSION#${session.id}`, sk: "TALKINGPOINTS" },
          ConsistentRead: true,
        }),
      )
    ).Item?.points as { text: string }[] | undefined;
    expect((points ?? []).map((p) => p.text).sort(), why).toEqual([...written.points].sort());

    if (written.takeaways.length > 0) {
      expect(session.status, why).toBe("finished");
      expect([...(session.finish?.takeaways ?? [])].sort(), why).toEqual([...written.takeaways].sort());
      expect([...(session.finish?.actionItemIds ?? [])].sort(), why).toEqual(
        [...written.actionItemIds].sort(),
      );
      const items = await stack.deps.bookings.followups.getActionItems(written.actionItemIds);
      expect(items.map((i) => i.id).sort(), why).toEqual([...written.actionItemIds].sort());
      for (const item of items) expect(item.sessionId, why).toBe(session.id);
    } else {
      expect(
        { status: session.status, startsAt: session.startsAt, bookingId: session.bookingId },
        why,
      ).toEqual({
        status: story.expected.state,
        startsAt: story.expected.startsAt,
        bookingId: story.expected.bookingId,
      });
    }
    const client = await stack.deps.clients.clients.get(clientId);
    expect((client?.smartGoals ?? []).map((g) => g.text).sort(), why).toEqual([...written.goals].sort());

    // A session merged away leaves nothing behind in its partition.
    for (const id of written.sessionIds) {
      if (id === session.id) continue;
      const left = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: "pk = :p",
          ExpressionAttributeValues: { ":p": `SESSION#${id}` },
          ConsistentRead: true,
        }),
      );
      expect(left.Items?.map((i) => i.sk) ?? [], `${why}: partition of ${id}`).toEqual([]);
    }
  }

  it("joins the notes of both sessions when a late reschedule joins the chain (counterexample, seed 2040767759)", async () => {
    // created b1 | created b1 | cancelled b2 → b3 | created b3 ← b2 | created b2 ← b1, with a note
    // on each of the two sessions before the last delivery joins them.
    const client = storyFor({
      provider: "calendly",
      styles: ["calcom", "calendly"],
      gapsMinutes: [8797, 8, 6],
      durationsMinutes: [60, 30, 90],
      endsCancelled: false,
    });
    const [created1, created2, cancel2, created3] = client.story.events as BookingEvent[];
    const delivered = [created1!, created1!, cancel2!, created3!, created2!];
    const written = newWritten();
    for (const event of delivered.slice(0, 4)) await processBookingEvent(stack.deps.bookings, event);
    await coachWrite(client.email, { kind: "notes", after: 0, target: 0 }, written);
    await coachWrite(client.email, { kind: "notes", after: 0, target: 1 }, written);
    expect(written.sessionIds.size).toBe(2);
    await processBookingEvent(stack.deps.bookings, created2!);

    // Notes for the session merged away are refused, not written into an empty partition.
    const survivor = (
      await stack.deps.bookings.bookings.sessionsOfClient((await clientIdOf(client.email))!)
    )[0]!;
    const gone = [...written.sessionIds].find((id) => id !== survivor.id)!;
    await expect(
      stack.deps.bookings.followups.putNotes(
        gone,
        survivor.coachId,
        "too late",
        stack.clock.now().toISOString(),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await expectWorkKept(client, delivered, written, []);
  });

  it.each(["notes", "talkingPoints"] as const)(
    "carries over %s written on the merged-away session while the merge was deciding",
    async (kind) => {
      // created b1 | created b3 ← b2: two sessions. created b2 ← b1 reads both partitions, then
      // pauses; the coach writes on the session it is about to merge away; the merge goes on.
      const client = storyFor({
        provider: "calcom",
        styles: ["calcom", "calcom"],
        gapsMinutes: [60, 60, 60],
        durationsMinutes: [60, 60, 60],
        endsCancelled: false,
      });
      const [created1, created2, created3] = client.story.events as BookingEvent[];
      await processBookingEvent(stack.deps.bookings, created1!);
      await processBookingEvent(stack.deps.bookings, created3!);
      const store = stack.deps.bookings.bookings;
      let reached!: () => void;
      let release!: () => void;
      const atPause = new Promise<void>((r) => {
        reached = r;
      });
      const released = new Promise<void>((r) => {
        release = r;
      });
      let paused = false;
      const deps: BookingDeps = {
        ...stack.deps.bookings,
        bookings: Object.assign(Object.create(store), {
          async getSessionsWithItems(ids: readonly string[]) {
            const read = await store.getSessionsWithItems(ids);
            if (!paused) {
              paused = true;
              reached();
              await released;
            }
            return read;
          },
        }),
      };
      const merging = processBookingEvent(deps, created2!);
      await atPause;
      const written = newWritten();
      await coachWrite(client.email, { kind, after: 0, target: 1 }, written);
      release();
      await merging;

      await expectWorkKept(client, [created1!, created3!, created2!], written, []);
    },
  );

  it("refuses a save of notes or talking points read before a merge joined the other session's, and loses nothing", async () => {
    // created b1 | created b3 ← b2: two sessions, with a note and a talking point on each. The coach
    // reads both sessions' notes and points; created b2 ← b1 joins the chain (one is kept, the
    // other's work joined to it); then the coach saves over the reads from before the merge.
    const client = storyFor({
      provider: "calcom",
      styles: ["calcom", "calcom"],
      gapsMinutes: [60, 60, 60],
      durationsMinutes: [60, 60, 60],
      endsCancelled: false,
    });
    const [created1, created2, created3] = client.story.events as BookingEvent[];
    await processBookingEvent(stack.deps.bookings, created1!);
    await processBookingEvent(stack.deps.bookings, created3!);
    const written = newWritten();
    for (const target of [0, 1]) {
      await coachWrite(client.email, { kind: "notes", after: 0, target }, written);
      await coachWrite(client.email, { kind: "talkingPoints", after: 0, target }, written);
    }
    const followups = stack.deps.bookings.followups;
    const ids = [...written.sessionIds];
    expect(ids).toHaveLength(2);
    const notesRead = new Map(
      await Promise.all(ids.map(async (id) => [id, await followups.readNotes(id)] as const)),
    );
    const pointsRead = new Map(
      await Promise.all(ids.map(async (id) => [id, await workspace.getTalkingPoints(id)] as const)),
    );
    await processBookingEvent(stack.deps.bookings, created2!);
    const kept = (await stack.deps.bookings.bookings.sessionsOfClient((await clientIdOf(client.email))!))[0]!;
    const coach = coachOf(kept);

    // The notes as read before the merge, with a line added: refused, nothing written over.
    const stale = notesRead.get(kept.id)!;
    await expect(
      putNotes(stack.deps.bookings, coach, kept.id, `${stale.notes}\nlate line`, stale.version),
    ).rejects.toMatchObject({ code: "conflict", fields: [{ path: "notes", label: "Private notes" }] });
    const pointsBefore = pointsRead.get(kept.id)!;
    await expect(
      workspace.putTalkingPoints(
        kept.id,
        kept.coachId,
        { points: [...pointsBefore.points, { id: "tp_late", text: "late point" }], dismissed: [] },
        pointsBefore.version,
        stack.clock.now().toISOString(),
      ),
    ).rejects.toBeInstanceOf(ConditionFailedError);
    await expectWorkKept(client, [created1!, created3!, created2!], written, []);

    // Read again, the same saves keep everything; "add" over the stale read retries on a new one.
    const now = await followups.readNotes(kept.id);
    await putNotes(stack.deps.bookings, coach, kept.id, `${now.notes}\nnote late`, now.version);
    written.notes.push("note late");
    await changeTalkingPoints(
      stack.deps.bookings,
      workspace,
      coach,
      kept.id,
      { op: "add", text: "late" },
      pointsBefore,
    );
    written.points.push("late");
    await expectWorkKept(client, [created1!, created3!, created2!], written, []);
  });

  it("parks another coach's notes and takes the merged session out of that coach's pair (round robin)", async () => {
    // created b1 (Ada) | created b3 ← b2 (another host of the round robin) | both coaches write
    // notes | created b2 ← b1 joins the chain: Ada's session is kept (oldest, both have work).
    const client = storyFor({
      provider: "calcom",
      styles: ["calcom", "calcom"],
      gapsMinutes: [60, 60, 60],
      durationsMinutes: [60, 60, 60],
      endsCancelled: false,
    });
    const other = DEMO_COACHES.find((c) => c.input.email !== coachEmail.calcom)!.input.email;
    const [created1, created2, created3] = client.story.events as BookingEvent[];
    await processBookingEvent(stack.deps.bookings, created1!);
    // The other host's half matches the client by email alone, with a coach who does not work with
    // them: it is held apart, unverified, on a profile of its own (decision 0030), until the merge.
    const held = await processBookingEvent(stack.deps.bookings, {
      ...created3!,
      organizerEmails: [other],
    } as BookingEvent);
    const clientId = (await clientIdOf(client.email))!;
    const [first] = await stack.deps.bookings.bookings.sessionsOfClient(clientId);
    const second = held.outcome === "session" ? held.session : undefined;
    expect(second?.unverified).toBe(true);
    expect(first!.coachId).not.toBe(second!.coachId);
    const now = stack.clock.now().toISOString();
    await stack.deps.bookings.followups.putNotes(first!.id, first!.coachId, "ada's notes", now);
    await stack.deps.bookings.followups.putNotes(second!.id, second!.coachId, "the other coach's notes", now);
    await processBookingEvent(stack.deps.bookings, created2!);

    const [kept, ...rest] = await stack.deps.bookings.bookings.sessionsOfClient(clientId);
    expect(rest).toEqual([]);
    expect(kept!.id).toBe(first!.id);
    // Ada sees her notes only; the other coach's are kept aside, under their own sk.
    expect(await stack.deps.bookings.followups.getNotes(kept!.id)).toBe("ada's notes");
    const parked = await doc.send(
      new GetCommand({
        TableName: table,
        Key: { pk: `SESSION#${kept!.id}`, sk: `NOTES#FROM#${second!.id}` },
        ConsistentRead: true,
      }),
    );
    expect(parked.Item).toMatchObject({ coachId: second!.coachId, notes: "the other coach's notes" });
    const left = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: "pk = :p",
        ExpressionAttributeValues: { ":p": `SESSION#${second!.id}` },
        ConsistentRead: true,
      }),
    );
    expect(left.Items).toEqual([]);
    // The other coach's pair no longer lists the session merged away.
    const pair = await stack.deps.bookings.bookings.getPair(second!.clientId, second!.coachId);
    expect(pair.entries.map((e) => e.id)).toEqual([]);
  });

  it("keeps every note, talking point, finish, action item and goal when deliveries arrive one by one", async () => {
    await fc.assert(
      fc.asyncProperty(storyWithWork, async ({ shape, delivery, writes }) => {
        const client = storyFor(shape);
        const delivered = deliver(client.story.events, delivery);
        const written = newWritten();
        for (let i = 0; i < delivered.length; i++) {
          await processBookingEvent(stack.deps.bookings, delivered[i]!);
          for (const w of writes) {
            if (Math.min(w.after, delivered.length - 1) === i) await coachWrite(client.email, w, written);
          }
        }
        await expectWorkKept(client, delivered, written, writes);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  // One coach: their writes follow each other, all of them racing the deliveries.
  const racingWork = fc.asyncProperty(storyWithWork, async ({ shape, delivery, writes }) => {
    const client = storyFor(shape);
    const delivered = deliver(client.story.events, delivery);
    const written = newWritten();
    const coach = (async () => {
      for (const w of writes) await coachWrite(client.email, w, written);
    })();
    await Promise.all([...delivered.map((event) => processBookingEvent(stack.deps.bookings, event)), coach]);
    await expectWorkKept(client, delivered, written, writes);
  });

  // Random seeds: any counterexample fast-check finds is printed with its seed and path.
  it("keeps every piece of coach work when deliveries and coach writes run at the same time", async () => {
    await fc.assert(racingWork, {
      numRuns: 30,
      ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
    });
  }, 120_000);

  // The race this property found (issue 9, docs/reliability.md): a coach's notes saved over a read
  // from before a merge joined the other session's notes to them. It showed at cases 56 and 115 of
  // this seed (the interleaving depends on timing), so the replay runs through both.
  it("keeps coach work in the runs of seed 276520171 that lost a note", async () => {
    await fc.assert(racingWork, { numRuns: 60, seed: 276520171, path: "0:56", endOnFailure: true });
  }, 120_000);
});
