import { bookingNudge } from "../contracts/booking-nudge";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";
import { unsubscribeHtml, unsubscribeText } from "../partials";

/** The sources of {@link bookingNudge}: subject, HTML and text parts, and sample data. */
export const bookingNudgeTemplate = defineTemplate(bookingNudge, {
  subject: "Time to book your next session",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
    coachName: "Ada Mensah",
    dueLabel: "Tuesday, 16 June 2026",
    bookingUrl: "https://cal.com/ada-mensah/session?name=Sam%20Rivera&email=sam%40example.com",
    unsubscribeUrl: "https://app.coachflow.example/reminders/stop?kind=booking&t=7c3d",
  },
  html: htmlLayout({
    title: "Time to book your next session",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}}, a quick nudge</h1>
<p style="${css.p}">Your next session with {{{html.coachName}}} is due around <strong>{{{html.dueLabel}}}</strong>, and we could not find one in the calendar yet. Booking it now keeps the rhythm going and gives you a date to work towards.</p>
<p style="${css.p}"><a href="{{{html.bookingUrl}}}" style="${css.button}">Book your next session</a></p>
<p style="${css.p}">If you have booked in the meantime, thank you, and please ignore this email. If now is not a good time for coaching, that is fine too: let {{{html.coachName}}} know in your next conversation or by replying here.</p>
${unsubscribeHtml}
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}}, a quick nudge.

Your next session with {{{text.coachName}}} is due around {{{text.dueLabel}}}, and we could not find one in the calendar yet. Booking it now keeps the rhythm going and gives you a date to work towards.

Book your next session:
{{{text.bookingUrl}}}

If you have booked in the meantime, thank you, and please ignore this email. If now is not a good time for coaching, that is fine too: let {{{text.coachName}}} know in your next conversation or by replying here.

${unsubscribeText.trim()}
`,
  }),
});
