import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Clock } from "../packages/core/src/clock";
import { signCalendly } from "../packages/core/src/webhooks/signatures";
import { DEMO_COACHES } from "../packages/local/src/demo/coaches";

const HOUR = 3600_000;

const calendlyCoaches = DEMO_COACHES.filter((c) => c.input.bookingProvider === "calendly").map(
  (c) => c.input.email,
);
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, "../test/fixtures/webhooks/calendly/invitee-created.json"), "utf8"),
);

/** A Calendly `invitee.created` for a new booking (same shape as test/support/webhooks.ts builds). */
export function calendlyCreated(i: number, b: { email: string; token?: string; start: number }): string {
  const body = structuredClone(fixture);
  const p = body.payload;
  const id = `BENCH${i.toString(36).toUpperCase()}${randomUUID().slice(0, 8).toUpperCase()}`;
  Object.assign(p, {
    uri: `https://api.calendly.com/scheduled_events/EV${id}/invitees/${id}`,
    email: b.email,
    name: `Bench Client ${i}`,
  });
  Object.assign(p.scheduled_event, {
    start_time: new Date(b.start).toISOString(),
    end_time: new Date(b.start + HOUR).toISOString(),
    uri: `https://api.calendly.com/scheduled_events/EV${id}`,
  });
  p.scheduled_event.event_memberships[0].user_email = calendlyCoaches[i % calendlyCoaches.length];
  p.tracking = b.token
    ? { ...p.tracking, utm_source: "coachflow", utm_content: b.token }
    : { ...p.tracking, utm_source: null, utm_content: null };
  return JSON.stringify(body);
}

/** The request that delivers `raw` to the Calendly webhook route, signed now by `clock`. */
export function signedCalendly(raw: string, key: string, clock: Clock): RequestInit {
  const t = Math.floor(clock.now().getTime() / 1000);
  return {
    method: "POST",
    headers: { "content-type": "application/json", "calendly-webhook-signature": signCalendly(raw, key, t) },
    body: raw,
  };
}
