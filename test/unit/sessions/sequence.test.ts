import { describe, expect, it } from "vitest";
import type { SessionStatus } from "../../../packages/core/src/sessions/model";
import { nextSessionSlot, renumber, slotAt } from "../../../packages/core/src/sessions/sequence";

const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 14)).toISOString();
const history = (n: number, status: SessionStatus = "finished") =>
  Array.from({ length: n }, (_, i) => ({ ...slotAt(i), status, startsAt: day(i) }));

describe("nextSessionSlot", () => {
  it("starts with the intro", () => {
    expect(nextSessionSlot([])).toEqual({ kind: "intro" });
  });

  it("runs intro → starter 1…7 → regular", () => {
    const slots = Array.from({ length: 10 }, (_, n) => nextSessionSlot(history(n)));
    expect(slots).toEqual([
      { kind: "intro" },
      ...[1, 2, 3, 4, 5, 6, 7].map((number) => ({ kind: "starter", number })),
      { kind: "regular" },
      { kind: "regular" },
    ]);
  });

  it("counts scheduled sessions as well as finished ones", () => {
    expect(nextSessionSlot(history(2, "scheduled"))).toEqual({ kind: "starter", number: 2 });
  });

  it("ignores cancelled sessions", () => {
    const cancelledIntro = [{ kind: "intro" as const, status: "cancelled" as const, startsAt: day(0) }];
    expect(nextSessionSlot(cancelledIntro)).toEqual({ kind: "intro" });
    const withCancelled = [
      ...history(3),
      { kind: "starter" as const, number: 3, status: "cancelled" as const, startsAt: day(3) },
    ];
    expect(nextSessionSlot(withCancelled)).toEqual({ kind: "starter", number: 3 });
  });
});

describe("renumber", () => {
  it("numbers by start time, not by the order bookings arrived", () => {
    const result = renumber([
      { id: "ses_C", startsAt: day(9), kind: "starter", number: 1 },
      { id: "ses_A", startsAt: day(1), kind: "intro" },
      { id: "ses_B", startsAt: day(5) },
    ]);
    expect(result.map((r) => [r.id, r.kind, r.number])).toEqual([
      ["ses_A", "intro", undefined],
      ["ses_B", "starter", 1],
      ["ses_C", "starter", 2],
    ]);
    expect(result.map((r) => r.changed)).toEqual([false, true, true]);
  });

  it("moves the later sessions back when a booking lands before an existing one", () => {
    const existing = [
      { id: "ses_1", startsAt: day(0), kind: "intro" as const },
      { id: "ses_2", startsAt: day(7), kind: "starter" as const, number: 1 },
    ];
    const result = renumber([...existing, { id: "ses_3", startsAt: day(3) }]);
    expect(result.map((r) => r.id)).toEqual(["ses_1", "ses_3", "ses_2"]);
    expect(result[2]).toMatchObject({ id: "ses_2", kind: "starter", number: 2, changed: true });
  });

  it("pulls later sessions forward when one is cancelled", () => {
    const result = renumber([
      { id: "ses_1", startsAt: day(0), kind: "intro", status: "finished" },
      { id: "ses_2", startsAt: day(7), kind: "starter", number: 1, status: "cancelled" },
      { id: "ses_3", startsAt: day(14), kind: "starter", number: 2, status: "scheduled" },
    ]);
    expect(result.map((r) => [r.id, r.kind, r.number, r.changed])).toEqual([
      ["ses_1", "intro", undefined, false],
      ["ses_3", "starter", 1, true],
    ]);
  });

  it("breaks start-time ties by id", () => {
    const result = renumber([
      { id: "ses_B", startsAt: day(0) },
      { id: "ses_A", startsAt: day(0) },
    ]);
    expect(result.map((r) => r.id)).toEqual(["ses_A", "ses_B"]);
  });

  it("compares instants, not strings, across offsets", () => {
    const result = renumber([
      { id: "ses_A", startsAt: "2026-03-02T10:30:00Z" },
      { id: "ses_B", startsAt: "2026-03-02T11:00:00+01:00" }, // 10:00 UTC: earlier
    ]);
    expect(result.map((r) => r.id)).toEqual(["ses_B", "ses_A"]);
  });

  it("turns the ninth session into a regular one and keeps regulars unchanged", () => {
    const sessions = Array.from({ length: 10 }, (_, i) => ({
      id: `ses_${i}`,
      startsAt: day(i),
      ...slotAt(i),
    }));
    const result = renumber(sessions);
    expect(result.map((r) => r.changed).every((c) => !c)).toBe(true);
    expect(result[8]).toMatchObject({ kind: "regular" });
    expect(result[8]!.number).toBeUndefined();
  });

  it("rejects a start that is not a date-time", () => {
    expect(() => renumber([{ id: "ses_A", startsAt: "next tuesday" }])).toThrow(RangeError);
  });
});
