import { describe, expect, it } from "vitest";
import { matchClient } from "../../../packages/core/src/matching";
import { coach, matchRequest } from "../../support/factories";

const now = new Date("2024-05-06T09:00:00Z");
const ids = (result: ReturnType<typeof matchClient>) => result.recommendations.map((r) => r.coachId);

/** Ten relevant coaches that differ in specialties, so diversity does not shrink the picks. */
const relevantCoaches = () =>
  [
    "conflict",
    "feedback",
    "hiring",
    "promotion",
    "mentoring",
    "productivity",
    "delegation",
    "reorg",
    "ai",
    "sql",
  ].map((extra, i) =>
    coach({ id: `coa_${i}`, specialties: ["leadership", extra], activeClients: i % 5, style: "practical" }),
  );

describe("matchClient number of picks", () => {
  it("recommends three coaches by default when enough are relevant", () => {
    // Act
    const result = matchClient(matchRequest({ topics: ["leadership"] }), relevantCoaches(), { now });

    // Assess
    expect(result.recommendations).toHaveLength(3);
    expect(new Set(ids(result)).size).toBe(3);
    expect(result.candidates).toBe(10);
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [7, 3],
    [0, 1],
  ])("with limit %i recommends %i", (limit, expected) => {
    // Act
    const result = matchClient(matchRequest(), relevantCoaches(), { now, limit });

    // Assess
    expect(result.recommendations).toHaveLength(expected);
  });

  it("recommends a single eligible coach alone", () => {
    // Act
    const result = matchClient(matchRequest(), [coach({ id: "coa_only" })], { now });

    // Assess
    expect(ids(result)).toEqual(["coa_only"]);
  });

  it("leaves out coaches who share no asked or mentioned topic when some coach does", () => {
    // Prepare
    const coaches = [
      coach({ id: "coa_fit", specialties: ["hiring"] }),
      coach({ id: "coa_close_but_off_topic", specialties: ["public-speaking"], style: "structured" }),
    ];

    // Act
    const result = matchClient(matchRequest({ topics: ["hiring"], style: "structured" }), coaches, { now });

    // Assess
    expect(ids(result)).toEqual(["coa_fit"]);
  });

  it("falls back to the one best coach by the other criteria when no coach covers any topic", () => {
    // Prepare
    const coaches = [
      coach({ id: "coa_far", specialties: ["hiring"], timezone: "Asia/Tokyo" }),
      coach({ id: "coa_near", specialties: ["feedback"], timezone: "Europe/Dublin" }),
      coach({ id: "coa_mid", specialties: ["mentoring"], timezone: "America/New_York" }),
    ];

    // Act
    const result = matchClient(
      matchRequest({ topics: ["public-speaking"], timezone: "Europe/London" }),
      coaches,
      {
        now,
      },
    );

    // Assess
    expect(ids(result)).toEqual(["coa_near"]);
  });

  it("leaves out a relevant coach who scores far below the first pick", () => {
    // Prepare
    const request = matchRequest({
      topics: ["delegation", "managing-up", "feedback"],
      style: "structured",
      seniority: "manager",
      timezone: "Europe/London",
    });
    const strong = coach({
      id: "coa_strong",
      specialties: ["delegation", "managing-up", "feedback"],
      style: "structured",
      seniorityLevels: ["manager"],
      timezone: "Europe/London",
      activeClients: 1,
    });
    const weak = coach({
      id: "coa_weak",
      specialties: ["feedback", "sql"],
      style: "supportive",
      seniorityLevels: ["junior"],
      timezone: "Pacific/Honolulu",
      activeClients: 9,
    });

    // Act
    const result = matchClient(request, [weak, strong], { now });

    // Assess
    expect(ids(result)).toEqual(["coa_strong"]);
  });

  it("gives every score between 0 and 100 with at most one decimal", () => {
    // Act
    const result = matchClient(matchRequest({ style: "practical" }), relevantCoaches(), { now });

    // Assess
    for (const { score } of result.recommendations) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      expect(Math.round(score * 10) / 10).toBe(score);
    }
  });
});
