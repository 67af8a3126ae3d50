import { bookingIdentityCheck } from "../contracts/booking-identity-check";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link bookingIdentityCheck}: subject, HTML and text parts, and sample data. */
export const bookingIdentityCheckTemplate = defineTemplate(bookingIdentityCheck, {
  subject: "Did you book a coaching session?",
  sample: {
    programName: "Tech Lead Coaching Network",
    coachName: "Ada Mensah",
    bookedName: "Sam Rivera",
    sessionTime: "Tue, 14 May 2024, 17:00–18:00 (Europe/Lisbon)",
    confirmUrl: "https://app.coachflow.example/l/3f9a1c.eyJhIjoiY29uZmlybS1ib29raW5nIn0.2b7e",
  },
  html: htmlLayout({
    title: "Did you book a coaching session?",
    audience: "client",
    body: `
<h1 style="${css.h1}">Did you book a coaching session?</h1>
<p style="${css.p}">A session with {{{html.coachName}}} on {{{html.sessionTime}}} was booked with this email address, under the name “{{{html.bookedName}}}”, without one of the booking links we sent you.</p>
<p style="${css.p}">If it was you, confirm it, and {{{html.coachName}}} will see the coaching profile you gave us to prepare. Until then they see only what was typed into the booking form.</p>
<p style="${css.p}"><a href="{{{html.confirmUrl}}}" style="${css.button}">Yes, I booked it</a></p>
<p style="${css.muted}">Not you? Do nothing: nothing of yours is shared, and the program team has been told.</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Did you book a coaching session?

A session with {{{text.coachName}}} on {{{text.sessionTime}}} was booked with this email address, under the name “{{{text.bookedName}}}”, without one of the booking links we sent you.

If it was you, confirm it, and {{{text.coachName}}} will see the coaching profile you gave us to prepare. Until then they see only what was typed into the booking form.

Yes, I booked it:
{{{text.confirmUrl}}}

Not you? Do nothing: nothing of yours is shared, and the program team has been told.
`,
  }),
});
