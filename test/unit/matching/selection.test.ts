import { describe, expect, it } from "vitest";
import type { Coach } from "../../../packages/core/src/coaches/schema";
import { matchClient } from "../../../packages/core/src/matching";
import { coach, matchRequest } from "../../support/factories";

const now = new Date("2024-05-06T09:00:00Z");

/** A small deterministic PRNG (mulberry32), so shuffles are the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("matchClient diversity", () => {
  it("picks a different good coach over near-copies of the first pick", () => {
    // Prepare
    const request = matchRequest({
      topics: ["delegation", "managing-up", "communication"],
      style: "structured",
    });
    const copy = (id: string, activeClients: number): Coach =>
      coach({
        id,
        specialties: ["delegation", "managing-up", "communication"],
        style: "structured",
        activeClients,
      });
    const copies = [copy("coa_copy_1", 1), copy("coa_copy_2", 2), copy("coa_copy_3", 3)];
    const different = coach({
      id: "coa_different",
      specialties: ["delegation", "conflict", "feedback"],
      style: "structured",
      activeClients: 1,
    });

    // Act
    const result = matchClient(request, [...copies, different], { now });

    // Assess
    const picked = result.recommendations.map((r) => r.coachId);
    expect(picked[0]).toBe("coa_copy_1");
    expect(picked.slice(1)).toContain("coa_different");
    const differentScore = result.recommendations.find((r) => r.coachId === "coa_different")!.score;
    const copyScores = result.recommendations
      .filter((r) => r.coachId.startsWith("coa_copy"))
      .map((r) => r.score);
    // Diversity, not score, is what got it in: every picked copy scores higher.
    for (const s of copyScores) expect(s).toBeGreaterThan(differentScore);
  });

  it("still fills the picks with near-copies when nothing else is relevant", () => {
    // Prepare
    const coaches = ["coa_1", "coa_2", "coa_3"].map((id) => coach({ id, specialties: ["hiring"] }));

    // Act
    const result = matchClient(matchRequest({ topics: ["hiring"] }), coaches, { now });

    // Assess
    expect(result.recommendations.map((r) => r.coachId)).toEqual(["coa_1", "coa_2", "coa_3"]);
  });
});

describe("matchClient determinism", () => {
  const specialties = [
    "delegation",
    "conflict",
    "hiring",
    "feedback",
    "promotion",
    "leadership",
    "kubernetes",
  ];
  const zones = ["Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "America/Sao_Paulo"];
  const styles = ["supportive", "challenging", "structured", "exploratory", "practical"] as const;
  const next = random(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const coaches = Array.from({ length: 60 }, (_, i) =>
    coach({
      id: `coa_${String(i).padStart(3, "0")}`,
      specialties: [pick(specialties), pick(specialties)],
      languages: next() < 0.8 ? ["en"] : ["es"],
      timezone: pick(zones),
      style: pick(styles),
      capacity: 10,
      activeClients: Math.floor(next() * 11),
      active: next() < 0.9,
    }),
  );
  const request = matchRequest({
    topics: ["delegation", "conflict"],
    style: "structured",
    seniority: "lead",
    challenge: "Meetings with my manager turn into arguments and I get no feedback.",
  });

  it("returns the same result whatever the order of the coaches", () => {
    // Prepare
    const expected = matchClient(request, coaches, { now });

    // Act
    const results = [1, 2, 3, 4, 5].map((seed) => matchClient(request, shuffled(coaches, seed), { now }));

    // Assess
    expect(expected.recommendations.length).toBeGreaterThan(0);
    for (const result of results) expect(result).toEqual(expected);
  });

  it("breaks a tie on the coach id", () => {
    // Prepare
    const twins = [coach({ id: "coa_zz" }), coach({ id: "coa_aa" }), coach({ id: "coa_mm" })];

    // Act
    const forward = matchClient(matchRequest(), twins, { now, limit: 1 });
    const backward = matchClient(matchRequest(), [...twins].reverse(), { now, limit: 1 });

    // Assess
    expect(forward.recommendations[0]?.coachId).toBe("coa_aa");
    expect(backward.recommendations[0]?.coachId).toBe("coa_aa");
  });
});
