import { countCalls } from "@coachflow/core/adapters/dynamodb/call-counter";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_COACHES } from "../../packages/local/src/demo/coaches";
import { seedDemoCoaches } from "../../packages/local/src/demo/seed";
import { call, intakeBody } from "../support/requests";
import { adminHeaders, startTestStack, type TestStack, uniqueEmail } from "../support/stack";
import { calcomEvent, calendlyCanceled, calendlyCreated, deliver, deliverToCoach } from "../support/webhooks";

/**
 * The most DynamoDB calls each step may make: the measured count (docs/performance.md, "DynamoDB
 * calls per webhook and per firing"). A change that adds a call fails here; one that saves a call
 * should lower the bound in the same commit.
 */
const MAX_CALLS = {
  // Each booking that syncs its session's schedules reads the session again after writing them
  // (one BatchGetItem): a concurrent delivery may have moved it on, and the sync must converge on
  // the newest state (syncSessionJobs, decision 0021). +1 for every step below that syncs.
  // And +1 since decision 0026: a token's client is read (an erased client's token starts afresh).
  firstBookingWithToken: 16,
  // The ledger claim is the last step before SendEmail (sendOnce, decision 0012: a claim left
  // open may have been sent, so everything that can fail or be skipped comes first). A duplicate
  // now reads the client and coach and checks both suppressions before its 2 claims fail: +4,
  // and +1 for the re-read above.
  duplicateDelivery: 11,
  calcomReschedule: 14,
  // Both halves re-read (+2); the canceled half's 2 claims fail after the checks (+4).
  calendlyRescheduleBothHalves: 25,
  // The session, its client and its coach in one BatchGetItem (their ids ride in the schedule's
  // input), the suppression check, the claim and its completion.
  reminderFiring: 4,
  staleFiring: 1,
  // A coach's own endpoint (decision 0031): the shared endpoint's calls for the same booking (here a
  // booking without our link: a client is made for it), plus the coach and their key (one
  // BatchGetItem) and the stored bookings the event names (one BatchGetItem; a booking organized
  // by the coach needs no coach lookup).
  coachEndpointFirstBooking: 17,
  // Refused with nothing written: unsigned, none; a wrong key, the one read of the coach's key.
  refusedUnsigned: 0,
  refusedWrongKey: 1,
  // Decision 0030: a booking by a known client's email, without a token. With a coach among the
  // client's matches the email record says so: as a first booking with a token (the email record's
  // read instead of the token client's).
  emailOnlyMatched: 16,
  // With a coach the email record does not list: the profile (engagement) and the pair's record
  // (a session still to hold) are read, in parallel (+2); neither lets it attach, so the booking is
  // kept on a profile of its own, written in its transaction, and its pair is new (no pair reads:
  // −2). Then the admin's notice and the address's "is this you?": the coach is read, and each
  // checks a suppression, claims and completes a ledger key (+7).
  emailOnlyUnverified: 23,
};

const HOUR = 3600_000;
const calendlyCoach = DEMO_COACHES.find((c) => c.input.bookingProvider === "calendly")!.input;
const calcomCoach = DEMO_COACHES.find((c) => c.input.bookingProvider === "calcom")!.input;
let seq = 0;
const uid = (label: string) => `${label}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

describe("DynamoDB calls per webhook and per firing", () => {
  let stack: TestStack;
  let counter: ReturnType<typeof countCalls>;
  let base: number;
  const at = (hoursFromNow: number) => new Date(base + hoursFromNow * HOUR).toISOString();

  /** The calls `act` makes, by operation name, in order. */
  async function callsOf(act: () => Promise<unknown>): Promise<string[]> {
    counter.reset();
    await act();
    return [...counter.calls];
  }

  async function intakeClient(label: string) {
    const email = uniqueEmail(label);
    const { body } = await call(stack.app, "POST", "/v1/intake", intakeBody(email));
    const url = new URL(body.matches[0].bookingUrl);
    return {
      email,
      token: url.searchParams.get("utm_content") ?? url.searchParams.get("metadata[coachflow]")!,
    };
  }

  beforeAll(async () => {
    stack = await startTestStack();
    base = Math.ceil(stack.clock.now().getTime() / HOUR) * HOUR;
    await seedDemoCoaches(stack.deps);
    counter = countCalls(stack.deps.aws.dynamodb);
  });

  it("keeps a first booking from our link, and a duplicate of it, within their bounds", async () => {
    const client = await intakeClient("count");
    const payload = calendlyCreated({
      id: uid("a"),
      start: at(72),
      end: at(73),
      email: client.email,
      coachEmail: calendlyCoach.email,
      token: client.token,
    });

    let answer: Awaited<ReturnType<typeof deliver>> | undefined;
    const first = await callsOf(async () => {
      answer = await deliver(stack, "calendly", payload);
    });
    const duplicate = await callsOf(() => deliver(stack, "calendly", payload));

    expect(answer?.status).toBe(200);
    expect(first.length, first.join(" ")).toBeLessThanOrEqual(MAX_CALLS.firstBookingWithToken);
    expect(duplicate.length, duplicate.join(" ")).toBeLessThanOrEqual(MAX_CALLS.duplicateDelivery);
  });

  it("keeps a booking by a known client's email alone within its bound: attached, or kept apart unverified", async () => {
    const client = await intakeClient("mail");
    const clientId = (await stack.deps.clients.clients.readForIntake(client.email)).record!.clientId;
    const matches = (await stack.deps.clients.clients.get(clientId))!.matches.map((m) => m.coachId);
    const coaches = await stack.deps.coaches.coaches.listActive();
    const matchedEmail = coaches.find((c) => c.id === matches[0])!.email;
    const strangerEmail = coaches.find((c) => !matches.includes(c.id))!.email;
    const attached = await callsOf(async () => {
      const res = await deliver(
        stack,
        "calendly",
        calendlyCreated({
          id: uid("m"),
          start: at(70),
          end: at(71),
          email: client.email,
          coachEmail: matchedEmail,
        }),
      );
      expect(res.status).toBe(200);
    });
    const apart = await callsOf(async () => {
      const res = await deliver(
        stack,
        "calendly",
        calendlyCreated({
          id: uid("u"),
          start: at(74),
          end: at(75),
          email: client.email,
          coachEmail: strangerEmail,
        }),
      );
      expect(res.status).toBe(200);
    });

    expect(attached.length, attached.join(" ")).toBeLessThanOrEqual(MAX_CALLS.emailOnlyMatched);
    expect(apart.length, apart.join(" ")).toBeLessThanOrEqual(MAX_CALLS.emailOnlyUnverified);
  });

  it("keeps a reschedule within its bound, for Cal.com (one delivery) and Calendly (two)", async () => {
    const email = uniqueEmail("move");
    const [a, b] = [uid("c"), uid("d")];
    const booking = { email, coachEmail: calcomCoach.email };
    await deliver(stack, "calcom", calcomEvent("created", { id: a, start: at(60), end: at(61), ...booking }));
    const calcom = await callsOf(() =>
      deliver(
        stack,
        "calcom",
        calcomEvent("rescheduled", { id: b, rescheduleUid: a, start: at(80), end: at(81), ...booking }),
      ),
    );

    const [c, d] = [uid("e"), uid("f")];
    const other = { email: uniqueEmail("move2"), coachEmail: calendlyCoach.email };
    await deliver(stack, "calendly", calendlyCreated({ id: c, start: at(60), end: at(61), ...other }));
    const calendly = await callsOf(async () => {
      await deliver(
        stack,
        "calendly",
        calendlyCanceled({ id: c, start: at(60), end: at(61), newInvitee: d, ...other }),
      );
      await deliver(
        stack,
        "calendly",
        calendlyCreated({ id: d, start: at(80), end: at(81), oldInvitee: c, ...other }),
      );
    });

    expect(calcom.length, calcom.join(" ")).toBeLessThanOrEqual(MAX_CALLS.calcomReschedule);
    expect(calendly.length, calendly.join(" ")).toBeLessThanOrEqual(MAX_CALLS.calendlyRescheduleBothHalves);
  });

  it("keeps a booking on a coach's own endpoint at the shared endpoint's calls plus 2, and refusals at 0 and 1", async () => {
    const coach = (await stack.deps.coaches.coaches.findByEmail(calcomCoach.email))!;
    const { body: setup } = await call(
      stack.app,
      "GET",
      `/v1/coaches/${coach.id}/webhook`,
      undefined,
      adminHeaders,
    );
    const booking = (label: string) =>
      calcomEvent("created", {
        id: uid(label),
        start: at(100),
        end: at(101),
        email: uniqueEmail(label),
        coachEmail: calcomCoach.email,
      });

    const shared = await callsOf(() => deliver(stack, "calcom", booking("shared")));
    const own = await callsOf(async () => {
      expect((await deliverToCoach(stack, coach.id, booking("own"), setup.secret)).status).toBe(200);
    });
    const unsigned = await callsOf(() => deliverToCoach(stack, coach.id, booking("unsigned"), undefined));
    const wrongKey = await callsOf(() =>
      deliverToCoach(stack, coach.id, booking("wrong"), "not-the-key-0123456789"),
    );
    const unsignedShared = await callsOf(() =>
      deliver(stack, "calcom", booking("unsigned2"), { sign: false }),
    );

    expect(own.length, own.join(" ")).toBeLessThanOrEqual(MAX_CALLS.coachEndpointFirstBooking);
    expect(own.length - shared.length, `${own.join(" ")} vs ${shared.join(" ")}`).toBe(2);
    expect(unsigned).toHaveLength(MAX_CALLS.refusedUnsigned);
    expect(unsignedShared).toHaveLength(MAX_CALLS.refusedUnsigned);
    expect(wrongKey).toEqual(["BatchGetItem"]);
    expect(wrongKey).toHaveLength(MAX_CALLS.refusedWrongKey);
  });

  it("keeps a reminder firing, and a stale one, within their bounds", async () => {
    const email = uniqueEmail("fire");
    const [a, b] = [uid("g"), uid("h")];
    const booking = { email, coachEmail: calcomCoach.email };
    const created = await deliver(
      stack,
      "calcom",
      calcomEvent("created", { id: a, start: at(50), end: at(51), ...booking }),
    );
    const sessionId: string = created.body.sessionId;
    const prework = stack.scheduler
      .pendingSchedules()
      .find((s) => s.name === `${sessionId}-prework-reminder`)!;

    const firing = await callsOf(async () => {
      expect(await stack.dispatcher(prework.input)).toEqual({ outcome: "sent" });
    });
    await deliver(
      stack,
      "calcom",
      calcomEvent("rescheduled", { id: b, rescheduleUid: a, start: at(90), end: at(91), ...booking }),
    );
    const stale = await callsOf(async () => {
      // The schedule as it was before the reschedule: its planned start no longer matches.
      expect(await stack.dispatcher(prework.input)).toEqual({ outcome: "stale" });
    });

    expect(firing.length, firing.join(" ")).toBeLessThanOrEqual(MAX_CALLS.reminderFiring);
    expect(stale.length, stale.join(" ")).toBeLessThanOrEqual(MAX_CALLS.staleFiring);
  });
});
