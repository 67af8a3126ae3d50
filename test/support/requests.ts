/** Sends JSON to the in-process app and returns the status and parsed body. */
export async function call(
  app: { request(path: string, init?: RequestInit): Response | Promise<Response> },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await app.request(path, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A complete, valid intake; tests change what they are about. */
export function intakeBody(email: string, overrides: Record<string, unknown> = {}) {
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
