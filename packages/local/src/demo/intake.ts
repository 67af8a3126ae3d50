/** A complete, valid intake of an invented client; tests and the benchmark change what they are about. */
export function sampleIntake(email: string, overrides: Record<string, unknown> = {}) {
  return {
    name: "Sam Rivera",
    email,
    timezone: "Europe/Lisbon",
    background: "Backend engineer for eight years, promoted to tech lead of a payments team six months ago.",
    role: "Tech lead",
    seniority: "lead",
    team: "Payments",
    company: "Acme Pay",
    challenge:
      "I struggle to delegate and end up reviewing every pull request; my manager wants me to speak up more in planning meetings.",
    goals: "Delegate code reviews within three months and lead planning with confidence.",
    preferences: {
      topics: ["delegation", "communication"],
      languages: ["en"],
      style: "supportive",
      cadence: "biweekly",
    },
    consent: true,
    ...overrides,
  };
}
