import { describe, expect, it } from "vitest";
import type { Coach } from "../../../packages/core/src/coaches/schema";
import { type MatchRequest, matchClient } from "../../../packages/core/src/matching";
import { coach, matchRequest } from "../../support/factories";

const now = new Date("2024-01-15T12:00:00Z");

/**
 * Two coaches equal in everything but one criterion. The better one always has the larger id, so the
 * id tie-break would put it second: only the criterion can put it first.
 */
function rankPair(request: MatchRequest, worse: Partial<Coach>, better: Partial<Coach>) {
  const coaches = [coach({ id: "coa_b_better", ...better }), coach({ id: "coa_a_worse", ...worse })];
  const result = matchClient(request, coaches, { now });
  const score = (id: string) => result.recommendations.find((r) => r.coachId === id)?.score ?? -1;
  return {
    first: result.recommendations[0]?.coachId,
    better: score("coa_b_better"),
    worse: score("coa_a_worse"),
  };
}

describe("matchClient criteria", () => {
  it("ranks a coach covering more of the asked topics higher", () => {
    // Act
    const r = rankPair(
      matchRequest({ topics: ["delegation", "managing-up"] }),
      { specialties: ["delegation", "hiring"] },
      { specialties: ["delegation", "managing-up"] },
    );

    // Assess
    expect(r.first).toBe("coa_b_better");
    expect(r.better).toBeGreaterThan(r.worse);
  });

  it("matches a client topic outside the vocabulary to a coach specialty of the same slug", () => {
    // Act
    const r = rankPair(
      matchRequest({ topics: ["rust-mentoring", "leadership"] }),
      { specialties: ["leadership"] },
      { specialties: ["leadership", "rust-mentoring"] },
    );

    // Assess
    expect(r.first).toBe("coa_b_better");
  });

  it("ranks a coach whose specialties fit the challenge text higher", () => {
    // Act
    const r = rankPair(
      matchRequest({
        topics: ["leadership"],
        challenge: "I keep micromanaging and never delegate anything.",
      }),
      { specialties: ["leadership", "hiring"] },
      { specialties: ["leadership", "delegation"] },
    );

    // Assess
    expect(r.first).toBe("coa_b_better");
    expect(r.better).toBeGreaterThan(r.worse);
  });

  it("uses the goals text too", () => {
    // Act
    const r = rankPair(
      matchRequest({ topics: ["leadership"], goals: "Get ready for a promotion to staff engineer." }),
      { specialties: ["leadership", "hiring"] },
      { specialties: ["leadership", "promotion"] },
    );

    // Assess
    expect(r.first).toBe("coa_b_better");
  });

  it("finds a specialty outside the vocabulary when the challenge names it", () => {
    // Act
    const r = rankPair(
      matchRequest({
        topics: ["leadership"],
        challenge: "Our team owns the distributed systems nobody understands.",
      }),
      { specialties: ["leadership", "frontend-performance"] },
      { specialties: ["leadership", "distributed-systems"] },
    );

    // Assess
    expect(r.first).toBe("coa_b_better");
  });

  it("ranks a coach in a closer time zone higher", () => {
    // Act
    const r = rankPair(
      matchRequest({ timezone: "Europe/London" }),
      { timezone: "Asia/Tokyo" },
      { timezone: "Europe/Berlin" },
    );

    // Assess
    expect(r.first).toBe("coa_b_better");
    expect(r.better).toBeGreaterThan(r.worse);
  });

  it("ranks a coach with the preferred style higher", () => {
    // Act
    const r = rankPair(
      matchRequest({ style: "challenging" }),
      { style: "supportive" },
      { style: "challenging" },
    );

    // Assess
    expect(r.first).toBe("coa_b_better");
    expect(r.better).toBeGreaterThan(r.worse);
  });

  it("ignores style when the client states no preference", () => {
    // Act
    const r = rankPair(matchRequest(), { style: "supportive" }, { style: "challenging" });

    // Assess
    expect(r.better).toBe(r.worse);
    expect(r.first).toBe("coa_a_worse");
  });

  it("ranks a coach who works with the client's seniority higher", () => {
    // Act
    const r = rankPair(
      matchRequest({ seniority: "manager" }),
      { seniorityLevels: ["junior", "mid"] },
      { seniorityLevels: ["manager", "director"] },
    );

    // Assess
    expect(r.first).toBe("coa_b_better");
    expect(r.better).toBeGreaterThan(r.worse);
  });

  it("ranks a less loaded coach higher", () => {
    // Act
    const r = rankPair(
      matchRequest(),
      { capacity: 10, activeClients: 8 },
      { capacity: 10, activeClients: 2 },
    );

    // Assess
    expect(r.first).toBe("coa_b_better");
    expect(r.better).toBeGreaterThan(r.worse);
  });

  it("compares load as a share of capacity, not as a head count", () => {
    // Act
    const r = rankPair(matchRequest(), { capacity: 4, activeClients: 3 }, { capacity: 20, activeClients: 6 });

    // Assess
    expect(r.first).toBe("coa_b_better");
  });

  it("gives a perfect fit on every criterion a score of 100", () => {
    // Prepare
    const request = matchRequest({
      topics: ["delegation"],
      style: "structured",
      seniority: "lead",
      timezone: "Europe/Paris",
      challenge: "I need to learn to delegate.",
    });
    const perfect = coach({
      specialties: ["delegation"],
      style: "structured",
      seniorityLevels: ["lead"],
      timezone: "Europe/Paris",
      activeClients: 0,
    });

    // Act
    const result = matchClient(request, [perfect], { now });

    // Assess
    expect(result.recommendations[0]?.score).toBe(100);
  });
});
