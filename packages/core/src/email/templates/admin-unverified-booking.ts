import { adminUnverifiedBooking } from "../contracts/admin-unverified-booking";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link adminUnverifiedBooking}: subject, HTML and text parts, and sample data. */
export const adminUnverifiedBookingTemplate = defineTemplate(adminUnverifiedBooking, {
  subject: "A booking waits for a decision: who booked it?",
  sample: {
    programName: "Tech Lead Coaching Network",
    sessionId: "ses_01J9ZQ4N6Y3M8K2V5T7W9X1B3C",
    clientId: "cli_01J9ZQ3M5X2L7J1U4S6V8W0A2B",
    coachName: "Ada Mensah",
    bookedName: "Sam Rivera",
    bookedEmail: "sam.rivera@example.com",
    startTime: "2024-05-14T16:00:00Z",
  },
  html: htmlLayout({
    title: "A booking waits for a decision",
    audience: "admin",
    body: `
<h1 style="${css.h1}">A booking waits for a decision</h1>
<p style="${css.p}">{{{html.coachName}}} was booked with the address of a client, without one of the client's booking links, and does not work with them (not one of their matches, not their engaged coach, no session booked with them). The booking is kept apart: the coach sees only what was typed into the booking form, and the address was asked to confirm.</p>
<p style="${css.p}">If the client does not confirm, decide whether it is theirs: <code>POST /v1/unverified-bookings/{{{html.sessionId}}}/link</code> or <code>/reject</code> (listed at <code>GET /v1/unverified-bookings</code>).</p>
<table style="${css.table}">
<tr><th style="${css.th}">Booking</th><td style="${css.td}">{{{html.sessionId}}}</td></tr>
<tr><th style="${css.th}">Client</th><td style="${css.td}">{{{html.clientId}}}</td></tr>
<tr><th style="${css.th}">Booked as</th><td style="${css.td}">{{{html.bookedName}}}, {{{html.bookedEmail}}}</td></tr>
<tr><th style="${css.th}">Starts</th><td style="${css.td}">{{{html.startTime}}}</td></tr>
</table>
`,
  }),
  text: textLayout({
    audience: "admin",
    body: `
A booking waits for a decision.

{{{text.coachName}}} was booked with the address of a client, without one of the client's booking links, and does not work with them (not one of their matches, not their engaged coach, no session booked with them). The booking is kept apart: the coach sees only what was typed into the booking form, and the address was asked to confirm.

If the client does not confirm, decide whether it is theirs: POST /v1/unverified-bookings/{{{text.sessionId}}}/link or /reject (listed at GET /v1/unverified-bookings).

Booking: {{{text.sessionId}}}
Client: {{{text.clientId}}}
Booked as: {{{text.bookedName}}}, {{{text.bookedEmail}}}
Starts: {{{text.startTime}}}
`,
  }),
});
