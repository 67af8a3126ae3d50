import { type Coach, coachSchema } from "../../packages/core/src/coaches/schema";
import type { MatchRequest } from "../../packages/core/src/matching";

/**
 * Small builders of valid domain objects for tests. Each returns a realistic default that the
 * overrides adjust; the result goes through the domain schema, so a test cannot build something the
 * system would never hold.
 */

let coachSeq = 0;

/** A valid, active coach with room for clients. Ids count up ("coa_test_0001") unless given. */
export function coach(overrides: Partial<Coach> = {}): Coach {
  coachSeq++;
  const id = overrides.id ?? `coa_test_${String(coachSeq).padStart(4, "0")}`;
  return coachSchema.parse({
    id,
    name: "Alex Rivera",
    email: `${id}@coaches.example.com`,
    bio: "Former engineering manager who now coaches tech leads and managers.",
    specialties: ["leadership", "communication"],
    languages: ["en"],
    timezone: "Europe/London",
    capacity: 10,
    activeClients: 3,
    style: "supportive",
    seniorityLevels: ["senior", "lead"],
    bookingProvider: "calendly",
    bookingUrl: `https://calendly.com/${id}/intro`,
    pricingUrl: "https://coaching.example.com/pricing",
    active: true,
    createdAt: "2024-01-01T00:00:00.000Z",
    updatedAt: "2024-01-01T00:00:00.000Z",
    ...overrides,
  });
}

/** What the matcher receives for a typical client; no style or seniority unless given. */
export function matchRequest(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    topics: ["leadership"],
    languages: ["en"],
    timezone: "Europe/London",
    challenge: "I would like an outside view on my work and the year ahead.",
    ...overrides,
  };
}
