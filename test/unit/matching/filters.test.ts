import { describe, expect, it } from "vitest";
import { matchClient } from "../../../packages/core/src/matching";
import { coach, matchRequest } from "../../support/factories";

const now = new Date("2024-05-06T09:00:00Z");
const ids = (result: ReturnType<typeof matchClient>) => result.recommendations.map((r) => r.coachId);

describe("matchClient hard filters", () => {
  it("never recommends an inactive coach", () => {
    // Prepare
    const coaches = [coach({ id: "coa_inactive", active: false }), coach({ id: "coa_active" })];

    // Act
    const result = matchClient(matchRequest(), coaches, { now });

    // Assess
    expect(ids(result)).toEqual(["coa_active"]);
    expect(result.excluded.inactive).toBe(1);
  });

  it("never recommends a coach whose active clients reach capacity", () => {
    // Prepare
    const coaches = [
      coach({ id: "coa_full", capacity: 5, activeClients: 5 }),
      coach({ id: "coa_zero", capacity: 0, activeClients: 0 }),
      coach({ id: "coa_room", capacity: 5, activeClients: 4 }),
    ];

    // Act
    const result = matchClient(matchRequest(), coaches, { now });

    // Assess
    expect(ids(result)).toEqual(["coa_room"]);
    expect(result.excluded.atCapacity).toBe(2);
  });

  it("never recommends a coach who shares no language with the client", () => {
    // Prepare
    const coaches = [
      coach({ id: "coa_de", languages: ["de"] }),
      coach({ id: "coa_es_en", languages: ["es", "en"] }),
    ];

    // Act
    const result = matchClient(matchRequest({ languages: ["pt", "es"] }), coaches, { now });

    // Assess
    expect(ids(result)).toEqual(["coa_es_en"]);
    expect(result.excluded.noSharedLanguage).toBe(1);
  });

  it("counts each excluded coach once, under the first filter it fails", () => {
    // Prepare
    const coaches = [
      coach({ active: false, capacity: 2, activeClients: 2, languages: ["de"] }),
      coach({ active: false }),
      coach({ capacity: 2, activeClients: 2, languages: ["de"] }),
      coach({ capacity: 3, activeClients: 3 }),
      coach({ languages: ["fr"] }),
      coach(),
      coach(),
    ];

    // Act
    const result = matchClient(matchRequest(), coaches, { now });

    // Assess
    expect(result.excluded).toEqual({ inactive: 2, atCapacity: 2, noSharedLanguage: 1 });
    expect(result.candidates).toBe(2);
  });

  it("returns no recommendations, with the reasons counted, when no coach is eligible", () => {
    // Prepare
    const coaches = [
      coach({ active: false }),
      coach({ capacity: 4, activeClients: 4 }),
      coach({ languages: ["ja"] }),
    ];

    // Act
    const result = matchClient(matchRequest(), coaches, { now });

    // Assess
    expect(result).toEqual({
      recommendations: [],
      excluded: { inactive: 1, atCapacity: 1, noSharedLanguage: 1 },
      candidates: 0,
    });
  });

  it("returns no recommendations for an empty coach list", () => {
    // Act
    const result = matchClient(matchRequest(), [], { now });

    // Assess
    expect(result.recommendations).toEqual([]);
    expect(result.candidates).toBe(0);
  });
});
