import { adminUnknownCoach } from "../contracts/admin-unknown-coach";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link adminUnknownCoach}: subject, HTML and text parts, and sample data. */
export const adminUnknownCoachTemplate = defineTemplate(adminUnknownCoach, {
  subject: "Booking for an unknown coach ({{{text.provider}}})",
  sample: {
    programName: "Tech Lead Coaching Network",
    provider: "calendly",
    organizerEmail: "new.coach@example.com",
    bookingId: "https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/invitees/AAAA",
    startTime: "2024-05-14T16:00:00Z",
  },
  html: htmlLayout({
    title: "Booking for an unknown coach",
    audience: "admin",
    body: `
<h1 style="${css.h1}">A booking arrived for an unknown coach</h1>
<p style="${css.p}">The organizer email of this booking matches no coach, so coachflow could not link it to anyone. If this is a coach's new or second address, update the coach's email; otherwise check the webhook subscription.</p>
<table style="${css.table}">
<tr><th style="${css.th}">Provider</th><td style="${css.td}">{{{html.provider}}}</td></tr>
<tr><th style="${css.th}">Organizer email</th><td style="${css.td}">{{{html.organizerEmail}}}</td></tr>
<tr><th style="${css.th}">Booking id</th><td style="${css.td}">{{{html.bookingId}}}</td></tr>
<tr><th style="${css.th}">Starts</th><td style="${css.td}">{{{html.startTime}}}</td></tr>
</table>
`,
  }),
  text: textLayout({
    audience: "admin",
    body: `
A booking arrived for an unknown coach.

The organizer email of this booking matches no coach, so coachflow could not link it to anyone. If this is a coach's new or second address, update the coach's email; otherwise check the webhook subscription.

Provider: {{{text.provider}}}
Organizer email: {{{text.organizerEmail}}}
Booking id: {{{text.bookingId}}}
Starts: {{{text.startTime}}}
`,
  }),
});
