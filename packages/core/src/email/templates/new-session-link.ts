import { newSessionLink } from "../contracts/new-session-link";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link newSessionLink}: subject, HTML and text parts, and sample data. */
export const newSessionLinkTemplate = defineTemplate(newSessionLink, {
  subject: "Your coach suggests another session",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
    coachName: "Ada Mensah",
    bookingUrl: "https://cal.com/ada-mensah/session?name=Sam%20Rivera&email=sam%40example.com",
  },
  html: htmlLayout({
    title: "Your coach suggests another session",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}}, ready for the next one?</h1>
<p style="${css.p}">{{{html.coachName}}} has suggested another coaching session with you. Pick a time that works for you:</p>
<p style="${css.p}"><a href="{{{html.bookingUrl}}}" style="${css.button}">Book your session</a></p>
<p style="${css.p}">Before the session, think about what you would like to talk through: how your action items went, or a challenge from the past few weeks. It does not need to be fully formed.</p>
<p style="${css.muted}">If now is not a good time, no problem: let {{{html.coachName}}} know, and book when it suits you better.</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}}, ready for the next one?

{{{text.coachName}}} has suggested another coaching session with you. Pick a time that works for you:

Book your session:
{{{text.bookingUrl}}}

Before the session, think about what you would like to talk through: how your action items went, or a challenge from the past few weeks. It does not need to be fully formed.

If now is not a good time, no problem: let {{{text.coachName}}} know, and book when it suits you better.
`,
  }),
});
