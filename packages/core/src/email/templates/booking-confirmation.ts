import { bookingConfirmation } from "../contracts/booking-confirmation";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";
import { expectHtml, expectText, preworkHtml, preworkText } from "../partials";

/** The sources of {@link bookingConfirmation}: subject, HTML and text parts, and sample data. */
export const bookingConfirmationTemplate = defineTemplate(bookingConfirmation, {
  subject: "Confirmed: {{{text.kindLabel}}}, {{{text.sessionTime}}}",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
    coachName: "Ada Mensah",
    sessionTime: "Tue, 14 May 2024, 17:00 (Europe/Lisbon)",
    kind: "intro",
  },
  html: htmlLayout({
    title: "Your session is booked",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}}, you are booked in</h1>
<table style="${css.table}">
<tr><th style="${css.th}">Session</th><td style="${css.td}">{{{html.kindLabel}}}</td></tr>
<tr><th style="${css.th}">Coach</th><td style="${css.td}">{{{html.coachName}}}</td></tr>
<tr><th style="${css.th}">When</th><td style="${css.td}">{{{html.sessionTime}}}</td></tr>
</table>
<p style="${css.p}">The calendar invitation from the booking page has the call details. If you need to move the session, use the links in that invitation.</p>
${expectHtml}
${preworkHtml}
<p style="${css.p}">We will send you a short reminder the day before. Enjoy the conversation!</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}}, you are booked in.

Session: {{{text.kindLabel}}}
Coach: {{{text.coachName}}}
When: {{{text.sessionTime}}}

The calendar invitation from the booking page has the call details. If you need to move the session, use the links in that invitation.

${expectText.trim()}

${preworkText.trim()}

We will send you a short reminder the day before. Enjoy the conversation!
`,
  }),
});
