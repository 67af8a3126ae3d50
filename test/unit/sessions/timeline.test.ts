import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../packages/core/src/errors";
import { JOB_KINDS, planTimeline } from "../../../packages/core/src/sessions/timeline";

const SESSION = {
  id: "ses_01JQ5V7W8X9Y0Z1A2B3C4D5E6F",
  startsAt: "2026-03-10T15:00:00Z",
  endsAt: "2026-03-10T16:00:00Z",
};
const START = Date.parse(SESSION.startsAt);
const END = Date.parse(SESSION.endsAt);
const S = 1000;
const M = 60 * S;
const H = 60 * M;

/** The plan when the booking is processed `ms` before the start (negative: after it). */
const bookedBefore = (ms: number) => planTimeline(SESSION, new Date(START - ms));
const kinds = (p: ReturnType<typeof planTimeline>) => ({
  immediate: p.immediate,
  scheduled: p.scheduled.map((s) => s.kind),
  skipped: p.skipped.map((s) => `${s.kind}:${s.reason}`),
});

describe("planTimeline, booked well ahead", () => {
  it("confirms and briefs at once and schedules the three reminders", () => {
    const plan = bookedBefore(3 * 24 * H);
    expect(plan.immediate).toEqual(["booking-confirmation", "coach-brief"]);
    expect(plan.scheduled).toEqual([
      { kind: "prework-reminder", at: "2026-03-09T15:00:00Z", name: `${SESSION.id}-prework-reminder` },
      { kind: "agenda-reminder", at: "2026-03-10T14:50:00Z", name: `${SESSION.id}-agenda-reminder` },
      { kind: "finish-nudge", at: "2026-03-10T18:00:00Z", name: `${SESSION.id}-finish-nudge` },
    ]);
    expect(plan.skipped).toEqual([]);
  });
});

describe("planTimeline, pre-work reminder (start − 24 h)", () => {
  it("is scheduled when its time is at least a minute away", () => {
    expect(kinds(bookedBefore(24 * H + M)).scheduled).toContain("prework-reminder");
  });

  it("goes out at once when its time is less than a minute away (scheduler precision)", () => {
    expect(kinds(bookedBefore(24 * H + 59 * S)).immediate).toContain("prework-reminder");
  });

  it("goes out at once when booked exactly 24 h before the start", () => {
    const plan = kinds(bookedBefore(24 * H));
    expect(plan.immediate).toEqual(["booking-confirmation", "coach-brief", "prework-reminder"]);
    expect(plan.scheduled).toEqual(["agenda-reminder", "finish-nudge"]);
  });

  it("still goes out at once just over an hour before the start", () => {
    expect(kinds(bookedBefore(H + S)).immediate).toContain("prework-reminder");
  });

  it("is skipped exactly 1 h before the start, the confirmation carrying the pre-work", () => {
    expect(kinds(bookedBefore(H)).skipped).toEqual(["prework-reminder:starts-within-1h"]);
  });

  it("is skipped under an hour before the start", () => {
    expect(kinds(bookedBefore(30 * M)).skipped).toEqual(["prework-reminder:starts-within-1h"]);
  });
});

describe("planTimeline, agenda reminder (start − 10 min)", () => {
  it("is scheduled when its time is at least a minute away", () => {
    const plan = bookedBefore(10 * M + M);
    expect(plan.scheduled.find((s) => s.kind === "agenda-reminder")?.at).toBe("2026-03-10T14:50:00Z");
  });

  it("goes out at once within the last minute before its time", () => {
    expect(kinds(bookedBefore(10 * M + 59 * S)).immediate).toContain("agenda-reminder");
  });

  it("goes out at once when booked exactly 10 min before the start", () => {
    expect(kinds(bookedBefore(10 * M))).toEqual({
      immediate: ["booking-confirmation", "coach-brief", "agenda-reminder"],
      scheduled: ["finish-nudge"],
      skipped: ["prework-reminder:starts-within-1h"],
    });
  });

  it("goes out at once a second before the start", () => {
    expect(kinds(bookedBefore(S)).immediate).toContain("agenda-reminder");
  });

  it("is skipped when booked exactly at the start", () => {
    expect(kinds(bookedBefore(0))).toEqual({
      immediate: ["booking-confirmation", "coach-brief"],
      scheduled: ["finish-nudge"],
      skipped: ["prework-reminder:session-started", "agenda-reminder:session-started"],
    });
  });
});

describe("planTimeline, a session in progress or over", () => {
  it("confirms, briefs and nudges a session already under way", () => {
    const plan = planTimeline(SESSION, new Date(END - S));
    expect(plan.immediate).toEqual(["booking-confirmation", "coach-brief"]);
    expect(plan.scheduled).toEqual([
      { kind: "finish-nudge", at: "2026-03-10T18:00:00Z", name: `${SESSION.id}-finish-nudge` },
    ]);
  });

  it.each([
    ["exactly at the end", END],
    ["a week later", END + 7 * 24 * H],
  ])("records a session booked %s without any job", (_, now) => {
    const plan = planTimeline(SESSION, new Date(now));
    expect(plan.immediate).toEqual([]);
    expect(plan.scheduled).toEqual([]);
    expect(plan.skipped).toEqual(JOB_KINDS.map((kind) => ({ kind, reason: "booking-in-past" })));
  });
});

describe("planTimeline, for any booking time", () => {
  it("plans every job exactly once, schedules only future whole-second times, always nudges", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * H, max: 3 * 24 * H }), (offset) => {
        const now = START - offset;
        const plan = planTimeline(SESSION, new Date(now));
        const all = [
          ...plan.immediate,
          ...plan.scheduled.map((s) => s.kind),
          ...plan.skipped.map((s) => s.kind),
        ];
        expect([...all].sort()).toEqual([...JOB_KINDS].sort());
        for (const s of plan.scheduled) {
          expect(s.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
          expect(Date.parse(s.at) - now).toBeGreaterThanOrEqual(M);
        }
        expect(plan.scheduled.some((s) => s.kind === "finish-nudge")).toBe(now < END);
      }),
    );
  });
});

describe("planTimeline, times", () => {
  it("floors times to whole seconds", () => {
    const plan = planTimeline(
      { ...SESSION, startsAt: "2026-03-10T15:00:00.750Z", endsAt: "2026-03-10T16:00:00.250Z" },
      new Date("2026-03-01T00:00:00Z"),
    );
    expect(plan.scheduled.map((s) => s.at)).toEqual([
      "2026-03-09T15:00:00Z",
      "2026-03-10T14:50:00Z",
      "2026-03-10T18:00:00Z",
    ]);
  });

  it.each([
    ["Berlin spring forward", "2026-03-29T08:00:00Z", "2026-03-28T08:00:00Z"],
    ["Berlin fall back", "2026-10-25T09:00:00Z", "2026-10-24T09:00:00Z"],
    ["New York spring forward", "2026-03-08T15:00:00Z", "2026-03-07T15:00:00Z"],
  ])("keeps 24 h as elapsed time across %s, whatever the process zone", (_, startsAt, prework) => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["UTC", "Europe/Berlin", "America/New_York"]) {
        process.env.TZ = tz;
        const endsAt = new Date(Date.parse(startsAt) + H).toISOString();
        const plan = planTimeline({ ...SESSION, startsAt, endsAt }, new Date("2026-01-01T00:00:00Z"));
        expect(plan.scheduled[0]).toMatchObject({ kind: "prework-reminder", at: prework });
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it("reads start times with offsets as instants", () => {
    const plan = planTimeline(
      { ...SESSION, startsAt: "2026-03-10T16:00:00+01:00", endsAt: "2026-03-10T17:00:00+01:00" },
      new Date("2026-03-01T00:00:00Z"),
    );
    expect(plan.scheduled[0]?.at).toBe("2026-03-09T15:00:00Z");
  });

  it("rejects a session that does not end after it starts, or a non-date", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    expect(() => planTimeline({ ...SESSION, endsAt: SESSION.startsAt }, now)).toThrow(AppError);
    expect(() => planTimeline({ ...SESSION, startsAt: "tomorrow" }, now)).toThrow(AppError);
  });
});
