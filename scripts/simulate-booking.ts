/**
 * Sends the local stack a signed Calendly `invitee.created`, as if a client had booked on a
 * coach's calendar: `npm run simulate:booking -- <client email> <coach email> [hours from now]`.
 * Uses the same signing key defaults as `npm start` (CALENDLY_SIGNING_KEY, PORT).
 */
import { randomUUID } from "node:crypto";
import { signCalendly } from "../packages/core/src/webhooks/signatures";

const [email, coachEmail, hours = "48"] = process.argv.slice(2);
if (!email || !coachEmail) {
  console.error("usage: npm run simulate:booking -- <client email> <coach email> [hours from now]");
  process.exit(2);
}
const api = `http://localhost:${process.env.PORT ?? 3000}`;
const key = process.env.CALENDLY_SIGNING_KEY || "local-calendly-signing-key";
const clock = (await (await fetch(`${api}/_local/clock`)).json()) as { now: string };
const start = Math.ceil((Date.parse(clock.now) + Number(hours) * 3_600_000) / 60_000) * 60_000;
const id = randomUUID().replaceAll("-", "").slice(0, 16).toUpperCase();
const event = `https://api.calendly.com/scheduled_events/EV${id}`;
const body = JSON.stringify({
  event: "invitee.created",
  created_at: clock.now,
  created_by: "https://api.calendly.com/users/LOCALDEMO",
  payload: {
    uri: `${event}/invitees/${id}`,
    email,
    name: email.split("@")[0],
    timezone: "Europe/Berlin",
    rescheduled: false,
    old_invitee: null,
    new_invitee: null,
    status: "active",
    created_at: clock.now,
    updated_at: clock.now,
    tracking: {
      utm_source: null,
      utm_content: null,
      utm_campaign: null,
      utm_medium: null,
      utm_term: null,
      salesforce_uuid: null,
    },
    scheduled_event: {
      uri: event,
      name: "Intro session",
      start_time: new Date(start).toISOString(),
      end_time: new Date(start + 3_600_000).toISOString(),
      event_memberships: [
        { user: "https://api.calendly.com/users/LOCALDEMO", user_email: coachEmail, user_name: "Coach" },
      ],
    },
  },
});
// Signed now, by the machine's clock, as Calendly signs: the stack judges a signature's age by the
// wall clock, however far its own clock was moved (the booking itself is in the stack's time).
const t = Math.floor(Date.now() / 1000);
const res = await fetch(`${api}/v1/webhooks/calendly`, {
  method: "POST",
  headers: { "content-type": "application/json", "calendly-webhook-signature": signCalendly(body, key, t) },
  body,
});
console.log(res.status, await res.text());
