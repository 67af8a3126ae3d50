import { readFileSync } from "node:fs";
import { join } from "node:path";
import { signCalcom, signCalendly } from "@coachflow/core/webhooks/signatures";
import { CALCOM_SECRET, CALENDLY_KEY, type TestStack } from "./stack";

const fixture = (path: string): any =>
  JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/webhooks", path), "utf8"));

export interface Booking {
  id: string;
  start: string;
  end: string;
  email: string;
  name?: string;
  coachEmail: string;
  token?: string;
}

const inviteeUri = (id: string) => `https://api.calendly.com/scheduled_events/EV${id}/invitees/${id}`;

/** A Calendly `invitee.created` shaped like the real one (see test/fixtures/webhooks). */
export function calendlyCreated(b: Booking & { oldInvitee?: string }) {
  const body = fixture("calendly/invitee-created.json");
  const p = body.payload;
  Object.assign(p, {
    uri: inviteeUri(b.id),
    email: b.email,
    name: b.name ?? "Dana Client",
    old_invitee: b.oldInvitee ? inviteeUri(b.oldInvitee) : null,
    rescheduled: false,
  });
  Object.assign(p.scheduled_event, {
    start_time: b.start,
    end_time: b.end,
    uri: `https://api.calendly.com/scheduled_events/EV${b.id}`,
  });
  p.scheduled_event.event_memberships[0].user_email = b.coachEmail;
  p.tracking = b.token
    ? { ...p.tracking, utm_source: "coachflow", utm_content: b.token }
    : { ...p.tracking, utm_source: null, utm_content: null };
  return body;
}

/** A Calendly `invitee.canceled`; with `newInvitee` it is the old half of a reschedule. */
export function calendlyCanceled(b: Booking & { newInvitee?: string }) {
  const body = fixture(
    b.newInvitee ? "calendly/invitee-canceled-rescheduled.json" : "calendly/invitee-canceled.json",
  );
  const p = body.payload;
  Object.assign(p, {
    uri: inviteeUri(b.id),
    email: b.email,
    rescheduled: Boolean(b.newInvitee),
    new_invitee: b.newInvitee ? inviteeUri(b.newInvitee) : null,
  });
  Object.assign(p.scheduled_event, { start_time: b.start, end_time: b.end });
  p.scheduled_event.event_memberships[0].user_email = b.coachEmail;
  return body;
}

/** Cal.com BOOKING_CREATED / BOOKING_RESCHEDULED (with `rescheduleUid`) / BOOKING_CANCELLED. */
export function calcomEvent(
  kind: "created" | "rescheduled" | "cancelled",
  b: Booking & { rescheduleUid?: string },
) {
  const file = {
    created: "booking-created",
    rescheduled: "booking-rescheduled",
    cancelled: "booking-cancelled",
  }[kind];
  const body = fixture(`calcom/${file}.json`);
  const p = body.payload;
  Object.assign(p, { uid: b.id, startTime: b.start, endTime: b.end });
  if (kind === "rescheduled") p.rescheduleUid = b.rescheduleUid;
  p.organizer.email = b.coachEmail;
  if (p.team) p.team.members = [];
  p.attendees[0].email = b.email;
  p.attendees[0].name = b.name ?? "Dana Client";
  p.metadata = b.token ? { coachflow: b.token } : {};
  return body;
}

/**
 * Posts a provider payload to the app, signed as the provider would sign it now: by the wall
 * clock, whatever the stack's (movable) program clock says.
 */
export async function deliver(
  stack: TestStack,
  provider: "calendly" | "calcom",
  body: unknown,
  opts: { sign?: boolean; t?: number } = {},
) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.sign !== false) {
    if (provider === "calendly") {
      const t = opts.t ?? Math.floor(Date.now() / 1000);
      headers["calendly-webhook-signature"] = signCalendly(raw, CALENDLY_KEY, t);
    } else {
      headers["x-cal-signature-256"] = signCalcom(raw, CALCOM_SECRET);
    }
  }
  const res = await stack.app.request(`/v1/webhooks/${provider}`, { method: "POST", headers, body: raw });
  return { status: res.status, body: (await res.json()) as any };
}

/** Posts a Cal.com payload to a coach's own endpoint, signed with `secret` (none when undefined). */
export async function deliverToCoach(
  stack: TestStack,
  coachId: string,
  body: unknown,
  secret: string | undefined,
) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== undefined) headers["x-cal-signature-256"] = signCalcom(raw, secret);
  const res = await stack.app.request(`/v1/webhooks/calcom/${coachId}`, {
    method: "POST",
    headers,
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as any };
}
