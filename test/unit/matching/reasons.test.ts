import { describe, expect, it } from "vitest";
import { matchClient } from "../../../packages/core/src/matching";
import { coach, matchRequest } from "../../support/factories";

const now = new Date("2024-01-15T12:00:00Z");

describe("matchClient reasons", () => {
  it("explains each criterion that speaks for a coach in a readable sentence", () => {
    // Prepare
    const request = matchRequest({
      topics: ["delegation", "managing-up"],
      languages: ["en", "es"],
      style: "structured",
      seniority: "senior",
      timezone: "Europe/London",
      challenge: "I find speaking up in meetings hard.",
    });
    const fit = coach({
      specialties: ["delegation", "managing-up", "communication"],
      languages: ["es", "en", "de"],
      timezone: "Europe/Berlin",
      style: "structured",
      seniorityLevels: ["senior"],
      capacity: 10,
      activeClients: 2,
    });

    // Act
    const [recommendation] = matchClient(request, [fit], { now }).recommendations;

    // Assess
    expect(recommendation?.reasons).toEqual([
      "Specializes in delegation and managing up, which you asked about",
      'Your challenge mentions "speaking up": this coach works on communication',
      "Coaches in English and Spanish",
      "Is 1 hour from your time zone",
      "Coaching style: structured, as you prefer",
      "Works with senior engineers",
      "Has room for new clients",
    ]);
  });

  it("says nothing about criteria that do not speak for the coach", () => {
    // Prepare
    const request = matchRequest({
      topics: ["hiring"],
      style: "practical",
      seniority: "director",
      timezone: "Europe/London",
    });
    const partial = coach({
      specialties: ["hiring"],
      timezone: "Asia/Tokyo",
      style: "supportive",
      seniorityLevels: ["junior"],
      capacity: 10,
      activeClients: 9,
    });

    // Act
    const [recommendation] = matchClient(request, [partial], { now }).recommendations;

    // Assess
    expect(recommendation?.reasons).toEqual([
      "Specializes in hiring and interviewing, which you asked about",
      "Coaches in English",
    ]);
  });

  it("names the goals when the words came from there", () => {
    // Prepare
    const request = matchRequest({ topics: ["leadership"], goals: "Hire three engineers this quarter." });

    // Act
    const [recommendation] = matchClient(request, [coach({ specialties: ["leadership", "hiring"] })], {
      now,
    }).recommendations;

    // Assess
    expect(recommendation?.reasons).toContain(
      'Your goals mention "hire": this coach works on hiring and interviewing',
    );
  });

  it("quotes only the short matched words from the client's text, never the rest of it", () => {
    // Prepare
    const challenge =
      "My manager Jane Whitfield at Globex keeps overruling me in meetings; honestly I am close to burnout.";
    const request = matchRequest({ topics: ["managing-up"], challenge });
    const coaches = [
      coach({ id: "coa_1", specialties: ["managing-up", "communication", "work-life-balance"] }),
      coach({ id: "coa_2", specialties: ["communication", "conflict"] }),
    ];

    // Act
    const { recommendations } = matchClient(request, coaches, { now });

    // Assess
    const text = recommendations.flatMap((r) => r.reasons).join("\n");
    expect(text).toContain('"my manager"');
    expect(text).not.toMatch(/jane|whitfield|globex|overruling|honestly/i);
    for (const [, quoted] of text.matchAll(/"([^"]*)"/g)) {
      expect(quoted!.length).toBeLessThanOrEqual(40);
      expect(challenge.toLowerCase()).toContain(quoted);
    }
  });

  it("gives every pick at least one reason, each a sentence starting with a capital letter", () => {
    // Prepare
    const coaches = ["feedback", "conflict", "hiring"].map((s) => coach({ specialties: [s, "leadership"] }));

    // Act
    const { recommendations } = matchClient(matchRequest({ topics: ["leadership"] }), coaches, { now });

    // Assess
    expect(recommendations.length).toBeGreaterThan(0);
    for (const { reasons } of recommendations) {
      expect(reasons.length).toBeGreaterThan(0);
      for (const reason of reasons) expect(reason).toMatch(/^[A-Z][^\n]{5,}[^.\s]$/);
    }
  });
});
